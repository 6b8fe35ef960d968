import ArgumentParser
import AttuneKit

/// `attune check`: the critique of one reply.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Critique one reply: findings, score, verdict.",
        discussion: "The reply comes from the argument, or from standard input when there is none."
    )

    @Argument(help: "The reply. Omit it to read standard input (pasting a multi-line reply works).")
    var text: String?

    @Option(help: "The message the reply answers.")
    var context: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Print only the attuned rewrite of the reply (for piping).")
    var rewriteOnly = false

    @OptionGroup var rules: RuleOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let reply = try Terminal.argumentOrStandardInput(text)
        let analyzer = try rules.makeAnalyzer()
        // One reply, then the process ends: freeing the rules piece by piece would take
        // longer than the analysis, and the system reclaims them at exit anyway.
        _ = Unmanaged.passRetained(analyzer)
        let analysis = analyzer.analyze(reply, context: context)
        if rewriteOnly {
            try StandardOutput.print(analysis.rewrite)
            return
        }
        switch format {
        case .json: try StandardOutput.print(analysis.json())
        case .text:
            try StandardOutput.print(TerminalReport(color: Terminal.useColor(color)).render(analysis), terminator: "")
        }
    }
}

extension ColorChoice: ExpressibleByArgument {}
