import ArgumentParser
import AttuneKit
import Foundation

/// Where rules come from, shared by every command that analyses text: the built-in
/// rules (or `--rules-dir`), packs from `--rules` and `.attune.yaml`, and the config's
/// switches and weights.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "Add the rule files of this folder (repeatable); a rule with a built-in id replaces it.", valueName: "dir"))
    var packs: [String] = []

    @Option(
        name: .customLong("rules-dir"),
        help: ArgumentHelp(
            "Use this rule folder instead of the built-in rules (for rule authors editing Rules/).", valueName: "dir"))
    var rulesDirectory: String?

    @Option(help: ArgumentHelp("Project config (default: the nearest .attune.yaml upward).", valueName: "file"))
    var config: String?

    @Flag(help: "Ignore any .attune.yaml.")
    var noConfig = false

    @Flag(help: "Run with the rules that load, reporting the broken ones, instead of refusing to run.")
    var skipBrokenRules = false

    /// Loads the rule set, printing what was skipped; refuses broken rules unless told.
    func loadRuleSet() throws(AttuneError) -> RuleSet {
        let configPath = noConfig ? nil : config ?? ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
        let project = try configPath.map { path throws(AttuneError) in try ProjectConfig.load(path: path) }
        let folders = (project?.ruleFolders ?? []) + packs
        let base =
            try rulesDirectory.map { dir throws(AttuneError) in try RuleSet.files(in: dir) } ?? RuleSet.builtInFiles()
        let packFiles = try folders.map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
        var set = try RuleSet.load(base: base, packs: packFiles, skipBroken: skipBrokenRules)
        if let project { set = project.apply(to: set) }
        for diagnostic in set.diagnostics where diagnostic.severity == .error {
            Terminal.printError("skipped: \(diagnostic)")
        }
        return set
    }

    /// The engine to analyse with: the built-in rules as compiled into the binary, or,
    /// with packs, `--rules-dir` or a config, the compiled-rules cache's (compiling on
    /// first use). Prints what was skipped, as `loadRuleSet()` does.
    func loadEngine() throws(AttuneError) -> Engine {
        let configPath = noConfig ? nil : config ?? ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
        let project = try configPath.map { path throws(AttuneError) in try ProjectConfig.load(path: path) }
        let folders = (project?.ruleFolders ?? []) + packs
        if project == nil && folders.isEmpty && rulesDirectory == nil { return try Engine.builtIn() }
        let base = try rulesDirectory.map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
        let packFiles = try folders.map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
        let cache = CompiledEngineCache.standard()
        let (engine, outcome) = try cache.engine(
            base: base, packs: packFiles, config: project, skipBroken: skipBrokenRules)
        for diagnostic in engine.ruleSet.diagnostics where diagnostic.severity == .error {
            Terminal.printError("skipped: \(diagnostic)")
        }
        if outcome.evicted > 0, let directory = cache.directory {
            Terminal.printError(
                "note: \(directory) keeps \(CompiledEngineCache.entryLimit) compiled rule sets; "
                    + "removed the \(outcome.evicted) oldest")
        }
        return engine
    }

    func makeAnalyzer() throws(AttuneError) -> Analyzer {
        try loadEngine().makeAnalyzer()
    }
}
