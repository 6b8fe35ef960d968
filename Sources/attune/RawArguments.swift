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
