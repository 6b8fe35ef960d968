import ArgumentParser
import AttuneKit

/// Where rules come from, shared by every command that analyses text.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Add the rule files of this folder (repeatable); a rule with a built-in id replaces it.", valueName: "dir"))
    var packs: [String] = []

    @Option(name: .customLong("rules-dir"), help: ArgumentHelp("Use this rule folder instead of the built-in rules (for rule authors editing Rules/).", valueName: "dir"))
    var rulesDirectory: String?

    @Flag(help: "Run with the rules that load, reporting the broken ones, instead of refusing to run.")
    var skipBrokenRules = false

    /// Loads the rule set, printing what was skipped; refuses broken rules unless told.
    func loadRuleSet() throws(AttuneError) -> RuleSet {
        let base = try rulesDirectory.map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
        let packFiles = try packs.map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
        let set: RuleSet
        if let base {
            set = try RuleSet.load(base: base, packs: packFiles, skipBroken: skipBrokenRules)
        } else if packFiles.isEmpty && !skipBrokenRules {
            set = try RuleSet.builtIn()
        } else {
            set = try RuleSet.load(base: RuleSet.builtInFiles(), packs: packFiles, skipBroken: skipBrokenRules)
        }
        if skipBrokenRules {
            for diagnostic in set.diagnostics where diagnostic.severity == .error {
                Terminal.printError("skipped: \(diagnostic)")
            }
        }
        return set
    }

    func makeAnalyzer() throws(AttuneError) -> Analyzer {
        try Engine(ruleSet: loadRuleSet()).makeAnalyzer()
    }
}
