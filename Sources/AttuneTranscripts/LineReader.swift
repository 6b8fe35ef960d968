import AttuneCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor line by line through a fixed buffer, so memory stays flat
/// however long the input; each line is checked as UTF-8 on its own, so one bad line
/// costs one record, not the file.
public final class LineReader {
    /// A line longer than this is reported, not held: 16 MB is far beyond any reply.
    public static let maximumLineBytes = 16 * 1_048_576

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var lineNumber = 0
    /// Bytes consumed so far, for progress.
    public private(set) var bytesRead = 0
    private let name: String

    /// Opens `path`, or standard input for `-`.
    public init(path: String) throws(AttuneError) {
        name = path
        if path == "-" {
            descriptor = STDIN_FILENO
            closesDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            descriptor = opened
            closesDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    /// The next line, or nil at the end of the input.
    public func next() throws(AttuneError) -> InputLine? {
        var pending: [UInt8] = []
        var overflowed = false
        while true {
            if let newline = newline(from: start) {
                let line = start..<newline
                start = newline + 1
                bytesRead += line.count + 1
                if pending.isEmpty && !overflowed {
                    // Most lines lie whole in the buffer: decoded from it in place.
                    lineNumber += 1
                    let number = lineNumber
                    return buffer.withUnsafeBufferPointer {
                        InputLine(number: number, utf8: UnsafeBufferPointer(rebasing: $0[line]))
                    }
                }
                if !overflowed { pending += buffer[line] }
                return finishLine(&pending, overflowed: overflowed || pending.count > Self.maximumLineBytes)
            }
            // No line break in the buffer: keep what there is and read more.
            if !overflowed {
                pending += buffer[start..<end]
                if pending.count > Self.maximumLineBytes {
                    overflowed = true
                    pending = []
                }
            }
            bytesRead += end - start
            start = 0
            end = 0
            let filled = atEnd ? false : try fill()
            if !filled {
                atEnd = true
                guard overflowed || !pending.isEmpty else { return nil }
                return finishLine(&pending, overflowed: overflowed)
            }
        }
    }

    private func fill() throws(AttuneError) -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: name, reason: String(cString: strerror(errno)))
            }
            end = count
            return count > 0
        }
    }

    /// The offset of the buffer's next line break at or after `offset` (before `end`).
    private func newline(from offset: Int) -> Int? {
        guard offset < end else { return nil }
        return buffer.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + offset, Int32(UInt8(ascii: "\n")), end - offset).map {
                UnsafeRawPointer($0) - bytes.baseAddress!
            }
        }
    }

    private func finishLine(_ bytes: inout [UInt8], overflowed: Bool) -> InputLine {
        lineNumber += 1
        if overflowed { return InputLine(number: lineNumber, content: .tooLong) }
        return InputLine(number: lineNumber, bytes: bytes)
    }
}
