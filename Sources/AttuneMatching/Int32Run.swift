import AttuneCore

/// `Int32`s read where they lie, in compiled rules' bytes (kept alive with them) or in
/// memory of their own. The automata are most of the compiled rules: copied out into
/// arrays at every start, they were a third of `attune check`'s page faults, and a
/// matcher reads only the parts a reply reaches.
///
/// Read unaligned: a run starts wherever the archive's varints left it. Indices are
/// checked as an array's are, so a damaged program stops rather than reads astray. Not
/// generic (a generic unaligned load was not specialized, and cost twenty times as much),
/// and in this module, beside the matcher that reads it (across modules its subscript
/// was a call per read).
struct Int32Run: RandomAccessCollection, @unchecked Sendable {
    // Immutable: `owner` keeps `base`'s bytes alive and is never written through.
    private let owner: AnyObject?
    private let base: UnsafeRawPointer?
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// The values in memory of their own (a program built from rules, not read).
    init(_ values: [Int32]) {
        let storage = RunStorage(values)
        owner = storage
        base = UnsafeRawPointer(storage.pointer)
        count = values.count
    }

    /// `count` values at `base`, whose bytes `owner` keeps alive.
    private init(owner: AnyObject, base: UnsafeRawPointer?, count: Int) {
        self.owner = owner
        self.base = base
        self.count = count
    }

    @inline(__always)
    subscript(index: Int) -> Int32 {
        // One unsigned comparison, as an array's check is: a negative index is too large.
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "index out of range")
        return base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: index &* 4, as: Int32.self)
    }
}

/// The memory of a run made from an array.
private final class RunStorage {
    let pointer: UnsafeMutablePointer<Int32>

    init(_ values: [Int32]) {
        pointer = .allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { buffer in
            if let source = buffer.baseAddress { pointer.initialize(from: source, count: buffer.count) }
        }
    }

    deinit { pointer.deallocate() }
}

extension Int32Run {
    /// A run written by `writeRaw`, read in place: the bytes stay in the reader's source.
    init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let (source, base, count) = try reader.readRawInPlace(elementSize: 4)
        self.init(owner: source, base: base, count: count)
    }
}

extension ArchiveWriter {
    /// A run as `writeRaw` writes an array.
    mutating func writeRaw(_ run: Int32Run) { writeRaw(Array(run)) }
}
