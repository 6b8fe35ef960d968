import ArgumentParser
import AttuneKit

/// The `attune` command line: a thin layer over AttuneKit.
@main
struct Attune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How does a reply land? A rule-based critique of emotional attunement.",
        subcommands: [CheckCommand.self, BatchCommand.self, ExplainCommand.self, RulesCommand.self, EvalCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    static func main() {
        // Arguments are checked before parsing: the standard library would silently
        // replace invalid UTF-8 with U+FFFD, and a reply must never be mangled.
        if let problem = RawArguments.firstInvalidUTF8() {
            Terminal.fail(problem)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
