import ArgumentParser
import AttuneKit

/// `attune explain`: why a reply got its findings, token by token.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Trace an analysis: tokens, matches, suppressed candidates, score arithmetic.")

    @Argument(help: "The reply. Omit it to read standard input.")
    var text: String?

    @Option(help: "The message the reply answers.")
    var context: String?

    @Option(help: "Show only this rule's matches and suppressions.")
    var rule: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let reply = try Terminal.argumentOrStandardInput(text)
        let analyzer = try rules.makeAnalyzer()
        if let rule, !analyzer.engine.ruleSet.rules.contains(where: { $0.id == rule }) {
            throw CommandFailure("no rule '\(rule)'")
        }
        let (analysis, trace) = analyzer.analyzeWithTrace(reply, context: context)
        try StandardOutput.print(
            ExplainReport(analysis: analysis, trace: trace, lexicon: analyzer.engine.ruleSet.lexicon, rule: rule)
                .render(), terminator: "")
    }
}
