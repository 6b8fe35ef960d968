import ArgumentParser
import AttuneKit
import Foundation

/// `attune batch`: scores whole transcripts, a record per turn, in input order.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Score transcripts: one record per turn, with per-speaker summaries.",
        discussion: """
            Reads plain text (Name: utterance lines, or one reply per line), JSONL, CSV, WebVTT and SRT, \
            from files, folders (recursively) or - for standard input. Each turn is read as an answer to the \
            previous turn of another speaker in its conversation, unless the record has its own context. \
            A line that cannot be read yields an error record in its place and the exit status is 1.
            """
    )

    @Argument(help: "Files, folders or - (standard input, the default).")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Read every input as this format instead of guessing: \(TranscriptFormat.list)."))
    var inputFormat: TranscriptFormat?

    @Option(help: ArgumentHelp("Output: \(BatchFormat.list)."))
    var format: BatchFormat?

    @Flag(help: "Print the per-speaker and per-conversation summary after the turns.")
    var summary = false

    @Flag(help: "Print only the summary.")
    var summaryOnly = false

    @Flag(
        inversion: .prefixedNo,
        help: """
            Give each JSONL turn its "file", "line" and "turn". Leave them out when scoring shards of a \
            corpus, so that the shards' outputs concatenate to the output of the whole.
            """)
    var positions = true

    @Flag(
        help: """
            Take a speaker's name for the same person in every conversation (a role, such as Therapist, \
            is then summed over sessions). Without it, a name counts per conversation unless the records \
            carry a "speaker_id".
            """)
    var sameSpeakers = false

    @Flag(help: "Stop at the first record that cannot be read.")
    var strict = false

    // Optional, so the help says "every core" rather than the count of the machine it was built on.
    @Option(help: "Worker threads (default: every core; at most 4 per core, or 64 on a small machine).")
    var jobs: Int?

    @Flag(help: "Never show the progress bar.")
    var quiet = false

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let jobs, jobs > BatchRunner.maximumWorkers {
            throw ValidationError(
                "--jobs must be at most \(BatchRunner.maximumWorkers) (4 per core, or 64 on a small machine): "
                    + "more threads than that only cost memory.")
        }
    }

    func run() throws {
        var failed = false
        var records = 0
        let engine = try rules.loadEngine()
        let reader = TranscriptReader(inputs: inputs.isEmpty ? ["-"] : inputs, format: inputFormat)
        let format = format ?? (Terminal.standardOutputIsTerminal ? .markdown : .jsonl)
        var output = BatchOutput(
            format: format, turns: !summaryOnly, summary: summary || summaryOnly, positions: positions,
            sameSpeakers: sameSpeakers)
        var progress = ProgressBar(
            totalBytes: reader.totalBytes, enabled: !quiet && Terminal.standardErrorIsTerminal)
        var out = StandardOutput()
        out.write(output.begin())
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let outcome = try BatchRunner(engine: engine, workers: workers).run(
            reader, progress: { progress.update(bytes: $0) }, encode: output.encoder
        ) { result, encoded in
            records += 1
            if case .failure(let error) = result {
                failed = true
                progress.clear()
                Terminal.printError("attune: \(error)")
            }
            output.write(result, encoded: encoded, to: &out)
            // A lost output ends the run: nothing more can reach the reader.
            return !(failed && strict) && out.failure == nil
        }
        progress.clear()
        if let failure = out.failure { throw failure }
        // Not an error (an empty shard is a fine input), but a user who piped nothing should hear it.
        if records == 0 { Terminal.printError("attune: no turns to score: the input was empty") }
        out.write(output.end())
        try out.flush()
        if outcome.turnsWithoutContext > 0 {
            Terminal.printError(
                "attune: \(outcome.turnsWithoutContext) turns were read without their conversation's context: "
                    + "more than \(ConversationTracker.defaultMaximumConversations) conversations were open at once, "
                    + "and theirs had been let go")
        }
        if outcome.cacheResets > 0 {
            Terminal.printError(
                "attune: note: the analyzers' caches filled up \(outcome.cacheResets) times and started again "
                    + "(the run was slower for it; the results are the same)")
        }
        if failed { throw ExitCode(1) }
    }
}

extension TranscriptFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = TranscriptFormat.named(argument) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}

extension BatchFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = BatchFormat.named(argument) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { all.map(\.name) }
}

/// The chosen format's writer, with the summary kept alongside.
struct BatchOutput {
    let turns: Bool
    let summary: Bool
    /// For the workers to encode turns with, when the format allows it and turns are written.
    let encoder: BatchEncoder?
    private var writer: any BatchWriter
    private var tally: BatchSummary

    init(format: BatchFormat, turns: Bool, summary: Bool, positions: Bool, sameSpeakers: Bool) {
        writer = format.makeWriter(BatchWriterOptions(turns: turns, positions: positions))
        tally = BatchSummary(sameSpeakers: sameSpeakers)
        encoder = turns ? writer.encoder : nil
        self.turns = turns
        self.summary = summary || format.alwaysSummarises
    }

    mutating func begin() -> String { writer.begin() }

    /// Writes one result: the bytes a worker encoded for it, else the writer's text.
    mutating func write(_ result: BatchResult, encoded: ArraySlice<UInt8>, to out: inout StandardOutput) {
        if summary { tally.add(result) }
        guard turns else { return }
        if encoder != nil { out.write(encoded) } else { out.write(writer.turn(result)) }
    }

    mutating func end() -> String { summary ? writer.summary(tally) : "" }
}
