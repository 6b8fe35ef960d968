import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request written byte for byte on a loopback socket, for what HummingbirdTesting's
/// clients cannot send: they always give a body its Content-Length.
enum RawHTTP {
    /// Sends `request` and returns the response's status line and its chunked body,
    /// de-chunked. It reads up to the body's last chunk rather than to a close: a server
    /// that closes with request bytes unread resets the connection, and the reset can
    /// overtake the response.
    static func exchange(port: Int, _ request: [UInt8]) throws -> (status: String, body: String) {
        try exchange(port: port, request, until: "", times: 0, then: [])
    }

    /// Sends `first`, reads the response until `marker` has come `times` times, then
    /// sends `rest` and reads to the body's last chunk: a request whose second half the
    /// server must not see before it has answered the first.
    static func exchange(port: Int, _ first: [UInt8], until marker: String, times: Int, then rest: [UInt8]) throws
        -> (status: String, body: String)
    {
        let descriptor = try connected(port: port, sending: first)
        defer { close(descriptor) }
        var response: [UInt8] = []
        let pattern = Array(marker.utf8)
        try read(descriptor, into: &response) { $0.occurrences(of: pattern) >= times }
        try write(descriptor, rest)
        try read(descriptor, into: &response) { $0.ends(with: Array("\r\n0\r\n\r\n".utf8)) }
        // Bytes, not Characters: Swift reads "\r\n" as one Character.
        let separator = Array("\r\n\r\n".utf8)
        guard
            let split = (0...(response.count - separator.count)).first(where: {
                Array(response[$0..<$0 + separator.count]) == separator
            })
        else { throw ServeError("no response head in \(String(decoding: response, as: UTF8.self))") }
        let head = String(decoding: response[..<split], as: UTF8.self)
        let status = head.components(separatedBy: "\r\n")[0]
        var body = Array(response[(split + separator.count)...])
        guard head.lowercased().contains("transfer-encoding: chunked") else {
            throw ServeError("the response is not chunked: \(head)")
        }
        body = dechunk(body)
        return (status, String(decoding: body, as: UTF8.self))
    }

    /// Reads until `done` holds for what has come.
    private static func read(_ descriptor: Int32, into response: inout [UInt8], until done: ([UInt8]) -> Bool)
        throws
    {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(response) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                response += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                throw ServeError("the connection ended (errno \(errno)) after \(response.count) bytes")
            }
        }
    }

    /// Sends `request` and closes the connection without reading a byte: a client
    /// that leaves. The send buffer holds the whole request, so `close` follows the last
    /// byte at once rather than after the server has read most of it.
    static func sendAndLeave(port: Int, _ request: [UInt8]) throws {
        close(try connected(port: port, sending: request, sendBuffer: request.count))
    }

    /// Sends `first`, reads the response until `marker` has arrived `count` times, then
    /// sends `rest` and closes the connection at once: a client that saw the first
    /// results and left while the server still had `rest` to read.
    static func sendAndLeave(port: Int, _ first: [UInt8], until marker: String, count: Int, then rest: [UInt8])
        throws
    {
        let descriptor = try connected(port: port, sending: first, sendBuffer: first.count + rest.count)
        defer { close(descriptor) }
        var response: [UInt8] = []
        let pattern = Array(marker.utf8)
        try read(descriptor, into: &response) { $0.occurrences(of: pattern) >= count }
        try write(descriptor, rest)
    }

    /// A loopback connection to `port` with `request` written on it; the caller closes it.
    private static func connected(port: Int, sending request: [UInt8], sendBuffer: Int? = nil) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServeError("socket: \(errno)") }
        if var size = sendBuffer.map(Int32.init) {
            setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ServeError("connect: \(errno)")
        }
        // Generous: the whole suite may be keeping both cores busy.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        do {
            try write(descriptor, request)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    private static func write(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw ServeError("send: \(errno)") }
            offset += sent
        }
    }

    /// Sends `request` (which should ask for `Connection: close`) and returns the status
    /// line and the body as it came, read to the end of the connection.
    static func exchangeUntilClose(port: Int, _ request: String) throws -> (status: String, body: String) {
        let descriptor = try connected(port: port, sending: Array(request.utf8))
        defer { close(descriptor) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                response += buffer[0..<count]
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw ServeError("the connection failed (errno \(errno)) after \(response.count) bytes")
            }
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ServeError("no response head in \(text)") }
        let head = String(text[..<split.lowerBound])
        return (head.components(separatedBy: "\r\n")[0], String(text[split.upperBound...]))
    }

    /// A chunked body: a request's, from its pieces.
    static func chunked(_ pieces: [String]) -> String {
        pieces.map { String($0.utf8.count, radix: 16) + "\r\n" + $0 + "\r\n" }.joined() + "0\r\n\r\n"
    }

    private static func dechunk(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while let lineEnd = body[index...].firstIndex(of: UInt8(ascii: "\r")),
            let size = Int(String(decoding: body[index..<lineEnd], as: UTF8.self), radix: 16), size > 0,
            lineEnd + 2 + size <= body.count
        {
            output += body[(lineEnd + 2)..<(lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return output
    }
}

extension [UInt8] {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }

    /// How many times `pattern` occurs, without overlaps.
    fileprivate func occurrences(of pattern: [UInt8]) -> Int {
        guard !pattern.isEmpty, count >= pattern.count else { return 0 }
        var found = 0
        var index = 0
        while index <= count - pattern.count {
            if self[index] == pattern[0] && Array(self[index..<index + pattern.count]) == pattern {
                found += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
