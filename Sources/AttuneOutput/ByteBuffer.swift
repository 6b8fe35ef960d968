/// The bytes a `JSONWriter` writes, appended through a pointer into memory grown by
/// doubling. An array's `append(contentsOf:)` cost about a hundred instructions a call,
/// and a batch turn's line is some fifty appends; here an append is a capacity test and a
/// copy.
///
/// A value type over memory it owns: not to be copied once written to (`JSONWriter`,
/// its only user, is passed `inout`, never copied). `Memory` frees the bytes with the
/// last reference.
struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private let memory: Memory

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        memory = Memory(base)
    }

    /// What was written, read in place.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Room for `extra` more bytes, written by `body` from the end through a pointer;
    /// `body` returns how many it wrote (at most `extra`).
    @inline(__always)
    mutating func append(upTo extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
        count += body(base + count)
    }

    /// At least twice the room, so appending stays linear in what is written.
    private mutating func grow(toHold needed: Int) {
        capacity = max(needed, 2 * capacity)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        memory.replace(with: grown)
        base = grown
    }

    /// Owns the bytes: frees them when the buffer that wrote them is gone.
    private final class Memory {
        private var pointer: UnsafeMutablePointer<UInt8>

        init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

        func replace(with grown: UnsafeMutablePointer<UInt8>) {
            pointer.deallocate()
            pointer = grown
        }

        deinit { pointer.deallocate() }
    }
}
