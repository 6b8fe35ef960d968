#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to standard output: batch output is many small records, and one
/// system call per record would cost more than scoring them. A write that fails ends
/// the run honestly: a full disk or a broken file with a message and status 1, a reader
/// that went away (`| head`) quietly with 141, the status a shell reports for a filter
/// stopped by a closed pipe (SIGPIPE itself is ignored, so the failure is seen here).
struct StandardOutput {
    /// Swift's `print`, with the write checked.
    static func print(_ item: Any, terminator: String = "\n") {
        var output = StandardOutput()
        output.write("\(item)" + terminator)
        output.flush()
    }

    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    init() { buffer.reserveCapacity(limit + 4096) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(141) }
                Terminal.fail("cannot write the output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
