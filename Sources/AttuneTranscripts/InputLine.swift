import AttuneCore

/// One physical line of input, numbered from 1, without its line break.
public struct InputLine: Sendable {
    public enum Content: Sendable {
        case text(String)
        /// Not valid UTF-8; the column is the first bad byte's, from 1.
        case invalidUTF8(column: Int)
        /// Longer than `LineReader.maximumLineBytes`; the rest was skipped.
        case tooLong
    }

    public var number: Int
    public var content: Content

    /// The text, or nil for a line that could not be decoded.
    public var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }

    /// Why the line could not be decoded, for an error record.
    public var problem: String? {
        switch content {
        case .text: return nil
        case .invalidUTF8(let column): return "not valid UTF-8 (first bad byte at column \(column))"
        case .tooLong: return "line longer than \(LineReader.maximumLineBytes / 1_048_576) MB"
        }
    }
}

extension InputLine {
    /// Decodes one line's bytes as `LineReader` does: a carriage return before the line
    /// break and a byte order mark opening line 1 are dropped, and bytes that are not
    /// UTF-8 make an undecodable line (one error record), not a failed input.
    init<Bytes: Collection<UInt8>>(number: Int, bytes: Bytes) {
        let line = Array(bytes)
        self = line.withUnsafeBufferPointer { InputLine(number: number, utf8: $0) }
    }

    /// `init(number:bytes:)` of bytes read in place (a line still in the reader's
    /// buffer): the line is decoded from them, not copied into an array first.
    init(number: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var line = bytes[...]
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        let content = UnsafeBufferPointer(rebasing: line)
        if content.count > LineReader.maximumLineBytes {
            self.init(number: number, content: .tooLong)
        } else if let text = Self.text(of: content) {
            self.init(number: number, content: .text(text))
        } else {
            let column = (UTF8Validation.firstInvalidByte(in: content) ?? 0) + 1
            self.init(number: number, content: .invalidUTF8(column: column))
        }
    }

    /// The line as text, nil when it is not UTF-8. An ASCII line (most lines of a
    /// transcript) is decoded without `String(validating:)`, whose generic path cost
    /// ten instructions a byte.
    private static func text(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
}
