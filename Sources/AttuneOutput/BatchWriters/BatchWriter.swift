import AttuneBatch

/// One output format of `attune batch`, the mirror of a `TranscriptParser`: it is
/// given the results in input order and returns the text for each, so it never holds
/// more than the format itself needs. `BatchFormat.all` lists the formats.
public protocol BatchWriter {
    init(options: BatchWriterOptions)
    /// What comes before the first turn (a header, the start of a page).
    mutating func begin() -> String
    /// One turn's result, or an unreadable record's error.
    mutating func turn(_ result: BatchResult) -> String
    /// The per-speaker and per-conversation summary, after the turns.
    mutating func summary(_ summary: BatchSummary) -> String
    /// What `turn` returns, as UTF-8 appended to a buffer, callable on any thread: batch
    /// workers encode their own turns, so one writing thread does not limit how many
    /// cores help. Nil for a format whose text for a turn depends on the turns before.
    var encoder: BatchEncoder? { get }
}

extension BatchWriter {
    public var encoder: BatchEncoder? { nil }
}

/// What a writer is told about the run.
public struct BatchWriterOptions: Sendable {
    /// Whether turns are written (false for `--summary-only`).
    public var turns: Bool
    /// Whether a JSONL turn carries its "file", "line" and "turn".
    public var positions: Bool

    public init(turns: Bool = true, positions: Bool = true) {
        self.turns = turns
        self.positions = positions
    }
}
