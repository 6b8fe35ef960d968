import AttuneKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard error, the terminal and colour decisions, in one place.
enum Terminal {
    static func printError(_ message: String, newline: Bool = true) {
        var text = message
        if newline && !text.hasSuffix("\n") { text += "\n" }
        var bytes = Array(text.utf8)
        _ = write(STDERR_FILENO, &bytes, bytes.count)
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour on a terminal, never when NO_COLOR is set (https://no-color.org).
    static func useColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            return standardOutputIsTerminal
        }
    }

    /// The text argument, or standard input when it was omitted.
    static func argumentOrStandardInput(_ argument: String?) throws(AttuneError) -> String {
        if let argument { return argument }
        return try readStandardInput()
    }

    /// All of standard input as UTF-8 text, or a clear error.
    static func readStandardInput() throws(AttuneError) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: "standard input", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(source: "standard input", byteOffset: UTF8Validation.firstInvalidByte(in: bytes) ?? 0)
        }
        return text
    }
}

enum ColorChoice: String, CaseIterable {
    case auto, always, never
}
