/// The bytes a `JSONWriter` writes, appended through a pointer into memory grown by
/// doubling. An array's `append(contentsOf:)` cost about a hundred instructions a call,
/// and a batch turn's line is some fifty appends; here an append is a capacity test and a
/// copy.
///
/// Not copyable: it owns its memory, and a copy would share it (and free it twice).
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What was written, read in place while the buffer lives.
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

    /// A string's bytes, read in place (its contiguous UTF-8, not the view's iteration).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
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
        base.deallocate()
        base = grown
    }
}
