import AttuneBatch

/// `--format jsonl`: one JSON object per turn, then the summary as one more object.
/// Also the body of `/api/batch`.
public struct JSONLWriter: BatchWriter {
    let options: BatchWriterOptions

    public init(options: BatchWriterOptions) { self.options = options }

    public func begin() -> String { "" }

    public func turn(_ result: BatchResult) -> String { result.json(positions: options.positions) + "\n" }

    public func summary(_ summary: BatchSummary) -> String { summary.json() + "\n" }
}
