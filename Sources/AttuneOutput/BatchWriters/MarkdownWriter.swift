import AttuneBatch

/// `--format markdown`: `MarkdownReport`, written as the turns arrive.
public struct MarkdownWriter: BatchWriter {
    private var report = MarkdownReport()

    public init(options: BatchWriterOptions) {}

    public func begin() -> String { report.begin() }

    public mutating func turn(_ result: BatchResult) -> String { report.write(result) }

    public func summary(_ summary: BatchSummary) -> String { report.end(summary: summary) }
}
