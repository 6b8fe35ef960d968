import ArgumentParser
import AttuneKit

/// `attune rules …`: tools for rule authors.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Tools for rule authors.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesListCommand.self]
    )
}

/// Loads the folders an author names, or the built-in rules.
private func ruleSet(for folders: [String], skipBroken: Bool = false) throws(AttuneError) -> RuleSet {
    guard let first = folders.first else {
        return try RuleSet.load(base: RuleSet.builtInFiles(), skipBroken: skipBroken)
    }
    let base = try RuleSet.files(in: first)
    let packs = try folders.dropFirst().map { dir throws(AttuneError) in try RuleSet.files(in: dir) }
    return try RuleSet.load(base: base, packs: packs, skipBroken: skipBroken)
}

/// `attune rules test`: every rule's examples.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run every rule's match and no_match examples.")

    @Argument(help: "Rule folders (the first replaces the built-in rules, the rest are packs). Default: built-in.")
    var folders: [String] = []

    @Option(help: "Only this rule (repeatable).")
    var rule: [String] = []

    func run() throws {
        // Broken files are reported and their rules skipped, so one author's
        // half-written file does not stop everyone else's examples from running.
        let set = try ruleSet(for: folders, skipBroken: true)
        let errors = set.diagnostics.filter { $0.severity == .error }
        for error in errors { try StandardOutput.print("skipped: \(error)") }
        let analyzer = try Engine(ruleSet: set).makeAnalyzer()
        let report = ExampleRunner(analyzer: analyzer).run(only: rule.isEmpty ? nil : Set(rule))
        for failure in report.failures { try StandardOutput.print(failure) }
        let failedRules = Set(report.failures.map(\.rule)).count
        try StandardOutput.print(
            "\(report.rulesTested) rules, \(report.examplesRun) examples: "
                + "\(report.examplesRun - report.failures.count) passed, \(report.failures.count) failed"
                + (failedRules > 0 ? " (in \(failedRules) rules)" : ""))
        if !report.failures.isEmpty || !errors.isEmpty { throw ExitCode.failure }
    }
}

/// `attune rules lint`: every problem in rule and lexicon files.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check rule and lexicon files; report every problem as file:line:column.")

    @Argument(help: "Rule folders (the first replaces the built-in rules, the rest are packs). Default: built-in.")
    var folders: [String] = []

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let set = try ruleSet(for: folders, skipBroken: true)
        // Suggestions and rewrite templates that the rules themselves flag.
        let diagnostics = set.diagnostics + (try SuggestionLint.check(Engine(ruleSet: set)))
        for diagnostic in diagnostics { try StandardOutput.print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        try StandardOutput.print("\(set.rules.count) rules loaded: \(errors) errors, \(warnings) warnings")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}

/// `attune rules list`: the rules in effect, as a table or JSON.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules in effect.")

    @Option(help: "Only rules of this category.")
    var category: Category?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var rules: RuleOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let selected = try rules.loadRuleSet().rules.filter { category == nil || $0.category == category }
        try StandardOutput.print(
            format == .json ? RuleListing.json(selected) : RuleListing.table(selected), terminator: "")
    }
}

extension Category: ExpressibleByArgument {}
