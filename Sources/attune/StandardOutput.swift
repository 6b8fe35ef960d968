#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to standard output: batch output is many small records, and one
/// system call per record would cost more than scoring them. A write that fails ends
/// the run honestly, by throwing `OutputFailure` up to `ErrorReport`: a full disk or a
/// broken file with a message and status 1, a reader that went away (`| head`) quietly
/// with 141 (SIGPIPE itself is ignored, so the failure is seen here).
struct StandardOutput {
    /// Swift's `print`, with the write checked.
    static func print(_ item: Any, terminator: String = "\n") throws(OutputFailure) {
        var output = StandardOutput()
        output.write("\(item)" + terminator)
        try output.flush()
    }

    private var buffer: [UInt8] = []
    private let limit = 1 << 16
    /// The first write that failed: later writes are dropped and `flush` throws it, so a
    /// batch run stops reading as soon as its output is lost.
    private(set) var failure: OutputFailure?

    init() { buffer.reserveCapacity(limit + 4096) }

    mutating func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { failure = drain() }
    }

    /// `write` for text that is already UTF-8 (turns a batch worker encoded).
    mutating func write(_ bytes: ArraySlice<UInt8>) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { failure = drain() }
    }

    mutating func flush() throws(OutputFailure) {
        if failure == nil { failure = drain() }
        if let failure { throw failure }
    }

    /// Writes the buffer out; what went wrong, if anything.
    private mutating func drain() -> OutputFailure? {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                buffer.removeAll()
                return errno == EPIPE ? .closed : .failed(String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
        return nil
    }
}

/// Why standard output could not be written: the reader went away, or the write failed.
enum OutputFailure: Error {
    case closed
    case failed(String)
}
