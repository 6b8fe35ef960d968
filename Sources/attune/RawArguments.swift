import AttuneKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process arguments as bytes, before Swift decodes them.
enum RawArguments {
    /// A message for the first argument that is not valid UTF-8.
    static func firstInvalidUTF8() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
                return "argument \(index) is not valid UTF-8 (first bad byte at offset \(offset))"
            }
        }
        return nil
    }
}

/// Standard error, colour decisions and exits, in one place.
enum Terminal {
    static func printError(_ message: String, newline: Bool = true) {
        var text = message
        if newline && !text.hasSuffix("\n") { text += "\n" }
        var bytes = Array(text.utf8)
        _ = write(STDERR_FILENO, &bytes, bytes.count)
    }

    static func fail(_ message: String, code: Int32 = 1) -> Never {
        printError("attune: " + message)
        exit(code)
    }

    /// Runs a command body, turning an AttuneError into a message and exit status 1.
    static func guarded(_ body: () throws(AttuneError) -> Void) {
        do { try body() } catch { fail(error.description) }
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
