import AttuneCore
import AttuneEngine
import CBuiltInRules

/// The built-in rules, compiled when attune was built (`attune-compile-rules`).
extension Engine {
    /// The engine over the built-in rules, read in place from the compiled bytes in the
    /// binary: no YAML, no automaton building, no copy (parts read on first use keep
    /// pointing there). It equals `Engine.fromBuiltInRuleFiles()`.
    public static func builtIn() throws(AttuneError) -> Engine {
        var count = 0
        guard let start = attune_builtin_rules(&count) else {
            throw .unreadable(path: "the built-in compiled rules", reason: "they are missing")
        }
        return try Engine(
            compiled: ArchiveBytes(unowned: UnsafeRawBufferPointer(start: start, count: count)), verify: false)
    }

    /// Identifies the built-in rules and the compiler that compiled them.
    public static var builtInFingerprint: String { String(cString: attune_builtin_rules_hash()) }
}
