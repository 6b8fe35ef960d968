import AttuneBatch

/// `--format html`: `HTMLReport`, one self-contained page.
public struct HTMLWriter: BatchWriter {
    private var report = HTMLReport()

    public init(options: BatchWriterOptions) {}

    public func begin() -> String { report.begin() }

    public mutating func turn(_ result: BatchResult) -> String { report.write(result) }

    public func summary(_ summary: BatchSummary) -> String { report.end(summary: summary) }
}
