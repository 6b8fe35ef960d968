/// Errors a caller of AttuneKit can meet, each with a message fit for a person.
public enum AttuneError: Error, Equatable, CustomStringConvertible {
    /// ICU could not be set up.
    case icu(String)
    /// Rule or lexicon files have errors; each diagnostic names file, line and column.
    case invalidRules([Diagnostic])
    /// Input that is not valid UTF-8, with the byte offset of the first bad byte.
    case invalidUTF8(source: String, byteOffset: Int)
    /// A file or folder could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .icu(let message):
            return "ICU could not be initialised: \(message)"
        case .invalidRules(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return (errors.isEmpty ? diagnostics : errors).map(\.description).joined(
                separator: "\n")
        case .invalidUTF8(let source, let offset):
            return "\(source): not valid UTF-8 (first bad byte at offset \(offset))"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        }
    }
}
