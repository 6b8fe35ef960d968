import AttuneCore

/// Words keyed by their UTF-16 units, so that a token's letters find their entry
/// without building a `String` (open addressing, FNV-1a), each with an `Int32` value.
package struct UnitTable: Sendable {
    /// Two words per slot, so that a probe reads one cache line and, on a hit, the
    /// entry's units: the high 32 bits of the entry's hash above its length + 1 (0 when
    /// empty), then where its units start in `storage` above its value. A power of two
    /// of slots, at most half full. (Bounds and values read from arrays of their own
    /// were two more scattered reads per lookup: 11% of an analysis's first-level data
    /// cache misses. The first units packed in the slot as well missed no less.)
    private var slots: [UInt64] = Array(repeating: 0, count: Self.slotWords * 16)
    /// Every entry's units, one after another.
    private var storage: [UInt16] = []
    package private(set) var count = 0

    package init() {}

    private static let slotWords = 2

    private var capacity: Int { slots.count / Self.slotWords }

    /// Whether every value is in `range` (for a reader checking a table it was given).
    package func valuesAreAll(in range: Range<Int32>) -> Bool {
        stride(from: 0, to: slots.count, by: Self.slotWords).allSatisfy {
            slots[$0] == 0 || range.contains(Self.entry(slots[$0], slots[$0 + 1]).value)
        }
    }

    /// The value of `units`: the one stored before, or `value`, stored now.
    @discardableResult
    package mutating func insert(_ units: some Collection<UInt16>, value: Int32) -> Int32 {
        let key = Array(units)
        if let found = key.withUnsafeBufferPointer({ find($0) }) { return found }
        let start = storage.count
        storage.append(contentsOf: key)
        count += 1
        if count * 2 > capacity { rehash(capacity: capacity * 2) }
        place(start: start, length: key.count, value: value)
        return value
    }

    /// The value of the entry spelled `units`, or nil. Read through pointers: every
    /// word of every reply is looked up here, twice or more, and the arrays' bounds
    /// checks and per-unit comparison were a third of the cost.
    package func find(_ units: UnsafeBufferPointer<UInt16>) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                let mask = capacity - 1
                let hash = Self.hash(units)
                let head = Self.head(hash: hash, length: units.count)
                // Wrapping arithmetic: `mask` keeps every slot inside the table.
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let base = Self.slotWords &* slot
                    let stored = slots[base]
                    if stored == 0 { return nil }
                    if stored == head {
                        let body = slots[base &+ 1]
                        if Self.equal(storage.baseAddress! + Int(body >> 32), units.baseAddress, units.count) {
                            return Int32(truncatingIfNeeded: body)
                        }
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    package func find(_ units: ArraySlice<UInt16>) -> Int32? {
        units.withUnsafeBufferPointer { find($0) }
    }

    /// A slot's first word: the hash's high half and the length, compared at once.
    private static func head(hash: UInt64, length: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(truncatingIfNeeded: length &+ 1)
    }

    /// The entry a taken slot's two words describe.
    private static func entry(_ head: UInt64, _ body: UInt64) -> (start: Int, length: Int, value: Int32) {
        (Int(body >> 32), Int(head & 0xFFFF_FFFF) - 1, Int32(truncatingIfNeeded: body))
    }

    /// Places the entry whose units are `storage[start..<start + length]`.
    private mutating func place(start: Int, length: Int, value: Int32) {
        let mask = capacity - 1
        let hash = storage.withUnsafeBufferPointer {
            Self.hash(UnsafeBufferPointer(rebasing: $0[start..<start + length]))
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[Self.slotWords * slot] != 0 { slot = (slot + 1) & mask }
        let base = Self.slotWords * slot
        slots[base] = Self.head(hash: hash, length: length)
        slots[base + 1] = UInt64(start) << 32 | UInt64(UInt32(bitPattern: value))
    }

    /// Unit by unit: words are short, and `memcmp` was a call for a handful of units.
    private static func equal(_ stored: UnsafePointer<UInt16>, _ units: UnsafePointer<UInt16>?, _ count: Int) -> Bool {
        guard let units else { return count == 0 }
        for index in 0..<count where stored[index] != units[index] { return false }
        return true
    }

    private mutating func rehash(capacity: Int) {
        let old = slots
        slots = Array(repeating: 0, count: Self.slotWords * capacity)
        for index in stride(from: 0, to: old.count, by: Self.slotWords) where old[index] != 0 {
            let entry = Self.entry(old[index], old[index + 1])
            place(start: entry.start, length: entry.length, value: entry.value)
        }
    }

    private static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in units {
            hash = (hash ^ UInt64(unit)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}

/// The table as it lies in memory: reading it back hashes nothing. The reader checks
/// what `find` relies on (a power-of-two slot count at most half full, every entry's
/// units inside the storage), so damaged bytes are an error, not a loop or a crash.
extension UnitTable: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.writeRaw(slots)
        writer.writeRaw(storage)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        slots = try reader.readRaw()
        storage = try reader.readRaw()
        let capacity = slots.count / Self.slotWords
        guard capacity >= 2, slots.count == Self.slotWords * capacity, capacity & (capacity - 1) == 0 else {
            throw ArchiveError("a word table is damaged")
        }
        var count = 0
        for index in stride(from: 0, to: slots.count, by: Self.slotWords) where slots[index] != 0 {
            let entry = Self.entry(slots[index], slots[index + 1])
            guard entry.length >= 0, entry.start + entry.length <= storage.count else {
                throw ArchiveError("a word table is damaged")
            }
            count += 1
        }
        guard count * 2 <= capacity else { throw ArchiveError("a word table is damaged") }
        self.count = count
    }

    /// Whether `bounds` split `count` values into runs, one after another
    /// (`bounds[i]..<bounds[i + 1]` is run i): what a reader checks before indexing by them.
    package static func areBounds(_ bounds: [Int32], ofRunsIn count: Int) -> Bool {
        bounds.first == 0 && bounds.last == Int32(count) && zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
