import ArgumentParser
import AttuneKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `attune` command line: a thin layer over AttuneKit.
@main
struct Attune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How does a reply land? A rule-based critique of emotional attunement.",
        subcommands: [
            CheckCommand.self, BatchCommand.self, ExplainCommand.self, RulesCommand.self, EvalCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    /// Async so that `serve` runs its server; every other command is synchronous and
    /// runs as before.
    static func main() async {
        // Arguments are checked before parsing: the standard library would silently
        // replace invalid UTF-8 with U+FFFD, and a reply must never be mangled.
        // A closed pipe is then an EPIPE that StandardOutput reports, not a silent death.
        signal(SIGPIPE, SIG_IGN)
        do {
            if let problem = RawArguments.firstInvalidUTF8() { throw CommandFailure(problem) }
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            // Ours become a message and a status here; ArgumentParser's own it reports itself.
            exit(withError: ErrorReport.status(for: error).map { ExitCode($0) } ?? error)
        }
    }
}
