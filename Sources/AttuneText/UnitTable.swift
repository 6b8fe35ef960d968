import AttuneCore

/// Words keyed by their UTF-16 units, so that a token's letters find their entry
/// without building a `String` (open addressing, FNV-1a), each with an `Int32` value.
package struct UnitTable: Sendable {
    /// Per slot, entry index + 1 in the low 32 bits (0 when empty) and the high 32 bits of
    /// the entry's hash above them, so that a probe past another word seldom reads its
    /// units; a power of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    /// Every entry's units, one after another; `bounds[i]..<bounds[i + 1]` is entry i.
    private var storage: [UInt16] = []
    private var bounds: [Int32] = [0]
    private var values: [Int32] = []

    package init() {}

    package var count: Int { bounds.count - 1 }

    /// Whether every value is in `range` (for a reader checking a table it was given).
    package func valuesAreAll(in range: Range<Int32>) -> Bool { values.allSatisfy(range.contains) }

    /// The value of `units`: the one stored before, or `value`, stored now.
    @discardableResult
    package mutating func insert(_ units: some Collection<UInt16>, value: Int32) -> Int32 {
        let key = Array(units)
        if let found = key.withUnsafeBufferPointer({ find($0) }) { return found }
        let index = Int32(count)
        storage.append(contentsOf: key)
        bounds.append(Int32(storage.count))
        values.append(value)
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(index, key) }
        return value
    }

    /// The value of the entry spelled `units`, or nil. Read through pointers: every
    /// word of every reply is looked up here, twice or more, and the arrays' bounds
    /// checks and per-unit comparison were a third of the cost.
    package func find(_ units: UnsafeBufferPointer<UInt16>) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            bounds.withUnsafeBufferPointer { bounds in
                storage.withUnsafeBufferPointer { storage in
                    let mask = slots.count - 1
                    let hash = Self.hash(units)
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let packed = slots[slot]
                        let entry = Int(packed & 0xFFFF_FFFF)
                        if entry == 0 { return nil }
                        if packed >> 32 == hash >> 32 {
                            let start = Int(bounds[entry - 1])
                            if Int(bounds[entry]) - start == units.count
                                && Self.equal(storage.baseAddress! + start, units.baseAddress, units.count)
                            {
                                return values[entry - 1]
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    package func find(_ units: ArraySlice<UInt16>) -> Int32? {
        units.withUnsafeBufferPointer { find($0) }
    }

    private func units(of index: Int32) -> ArraySlice<UInt16> {
        storage[Int(bounds[Int(index)])..<Int(bounds[Int(index) + 1])]
    }

    private mutating func place(_ index: Int32, _ key: [UInt16]) {
        let mask = slots.count - 1
        let hash = key.withUnsafeBufferPointer { Self.hash($0) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
    }

    /// Unit by unit: words are short, and `memcmp` was a call for a handful of units.
    private static func equal(_ stored: UnsafePointer<UInt16>, _ units: UnsafePointer<UInt16>?, _ count: Int) -> Bool {
        guard let units else { return count == 0 }
        for index in 0..<count where stored[index] != units[index] { return false }
        return true
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        for index in 0..<count { place(Int32(index), Array(units(of: Int32(index)))) }
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
/// what `find` relies on (a power-of-two slot count at most half full, slots and bounds
/// inside their arrays), so damaged bytes are an error, not a loop or a crash.
extension UnitTable: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.writeRaw(slots)
        writer.writeRaw(storage)
        writer.writeRaw(bounds)
        writer.writeRaw(values)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        slots = try reader.readRaw()
        storage = try reader.readRaw()
        bounds = try reader.readRaw()
        values = try reader.readRaw()
        let count = bounds.count - 1
        guard slots.count >= 2, slots.count & (slots.count - 1) == 0, count >= 0, count * 2 <= slots.count,
            values.count == count, Self.areBounds(bounds, ofRunsIn: storage.count),
            slots.allSatisfy({ $0 & 0xFFFF_FFFF <= count })
        else { throw ArchiveError("a word table is damaged") }
    }

    /// Whether `bounds` split `count` values into runs, one after another
    /// (`bounds[i]..<bounds[i + 1]` is run i): what a reader checks before indexing by them.
    package static func areBounds(_ bounds: [Int32], ofRunsIn count: Int) -> Bool {
        bounds.first == 0 && bounds.last == Int32(count) && zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
