import AttuneBatch

/// `--format csv`: `BatchCSV`'s header and rows, the summary as a second table after a
/// blank line.
public struct CSVWriter: BatchWriter {
    let options: BatchWriterOptions

    public init(options: BatchWriterOptions) { self.options = options }

    public func begin() -> String { options.turns ? BatchCSV.line(BatchCSV.header) : "" }

    public func turn(_ result: BatchResult) -> String { BatchCSV.row(result) }

    public var encoder: BatchEncoder? { { result, buffer in buffer.append(contentsOf: BatchCSV.row(result).utf8) } }

    public func summary(_ summary: BatchSummary) -> String {
        (options.turns ? "\r\n" : "") + BatchCSV.summary(summary)
    }
}
