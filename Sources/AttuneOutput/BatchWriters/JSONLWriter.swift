import AttuneBatch

/// `--format jsonl`: one JSON object per turn, then the summary as one more object.
/// Also the body of `/api/batch`.
public struct JSONLWriter: BatchWriter {
    let options: BatchWriterOptions

    public init(options: BatchWriterOptions) { self.options = options }

    public func begin() -> String { "" }

    public func turn(_ result: BatchResult) -> String {
        var line: [UInt8] = []
        result.writeJSONLine(positions: options.positions, to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    public var encoder: BatchEncoder? {
        let positions = options.positions
        return { result, buffer in result.writeJSONLine(positions: positions, to: &buffer) }
    }

    public func summary(_ summary: BatchSummary) -> String { summary.json() + "\n" }
}
