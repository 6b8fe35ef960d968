import AttuneCore
import AttuneEngine

/// The built-in rules, compiled when attune was built (`attune-compile-rules`).
extension Engine {
    /// The engine over the built-in rules, read from the compiled form in the binary:
    /// no YAML, no automaton building. It equals `Engine.fromBuiltInRuleFiles()`.
    public static func builtIn() throws(AttuneError) -> Engine {
        let bytes: [UInt8]
        do {
            bytes = try Base64.decode(compiledBuiltInRules)
        } catch {
            throw .unreadable(path: "the built-in compiled rules", reason: error.reason)
        }
        return try Engine(compiled: bytes, verify: false)
    }

    /// Identifies the built-in rules and the compiler that compiled them.
    public static var builtInFingerprint: String { compiledBuiltInRulesHash }
}
