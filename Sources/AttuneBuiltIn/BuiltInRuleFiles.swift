import AttuneCore
import AttuneEngine
import AttuneLoading
import AttuneRules

/// The built-in rule files, embedded at build time from the package's Rules/.
extension RuleSet {
    /// The built-in rules read from their YAML files, with every diagnostic: what
    /// `attune rules` checks. Analysing needs only `Engine.builtIn()`.
    public static func builtIn() throws(AttuneError) -> RuleSet {
        try load(base: builtInFiles())
    }

    /// The embedded rule files, with paths as they stand in the repository.
    public static func builtInFiles() -> [File] {
        embeddedRuleFiles.map { ("Rules/" + $0.path, $0.contents) }
    }
}

extension Engine {
    /// The engine built from the embedded rule files (YAML, patterns, automata): what
    /// `Engine.builtIn()` reads compiled. Kept for checking that the two agree.
    public static func fromBuiltInRuleFiles() throws(AttuneError) -> Engine {
        Engine(ruleSet: try RuleSet.builtIn())
    }
}
