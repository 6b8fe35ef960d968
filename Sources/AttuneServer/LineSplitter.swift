import NIOCore

/// Cuts a body that arrives in chunks into lines, carrying a line that spans chunks
/// over to the next, so `/api/batch` scores each turn as soon as its line is complete.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The lines `chunk` completes, without their line breaks.
    mutating func lines(in chunk: ByteBuffer) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        let bytes = chunk.readableBytesView
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if pending.isEmpty {
                lines.append(Array(bytes[start..<newline]))
            } else {
                pending.append(contentsOf: bytes[start..<newline])
                lines.append(pending)
                pending = []
            }
            start = newline + 1
        }
        pending.append(contentsOf: bytes[start...])
        return lines
    }

    /// The last line when the body does not end with a line break.
    mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
