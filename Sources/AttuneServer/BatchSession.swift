import AttuneKit

/// The state of one `/api/batch` request: lines read as `attune batch --input-format
/// jsonl` reads them, each turn given the context of its conversation, scored in
/// order, one output line per input record (blank lines yield none).
struct BatchSession {
    /// Names the input in turn and error records, as a file name does on the command line.
    static let inputName = "request"

    private let pool: AnalyzerPool
    private var reader = JSONLLineReader(file: inputName)
    private var scoring = BatchScoring()
    private let writer = JSONLWriter(options: BatchWriterOptions())
    private var lineNumber = 0
    private var summary: BatchSummary?

    /// Set when `score` stopped because its client had gone: the rest is not scored.
    private(set) var abandoned = false

    /// - Parameter sameSpeakers: a speaker's name means the same person in every
    ///   conversation of the summary, as `attune batch --same-speakers` takes it.
    init(pool: AnalyzerPool, summary: Bool, sameSpeakers: Bool = false) {
        self.pool = pool
        self.summary = summary ? BatchSummary(sameSpeakers: sameSpeakers) : nil
    }

    /// The JSONL output for `lines`, scored with one borrowed analyzer: it is held only
    /// while scoring, never while waiting for the network. `clientGone` is asked before
    /// each turn; once it says yes, nothing more is scored and `abandoned` is set.
    mutating func score(
        _ lines: [[UInt8]], clientGone: @Sendable () -> Bool = { false }, counter: WorkCounter? = nil
    ) async -> String {
        var records: [TranscriptRecord] = []
        for line in lines {
            lineNumber += 1
            guard let record = reader.read(line: lineNumber, bytes: line) else { continue }
            records.append(scoring.place(record))
        }
        guard !records.isEmpty, !abandoned else { return "" }
        let results = await pool.withAnalyzer { analyzer in
            var results: [BatchResult] = []
            for record in records {
                if case .turn = record, clientGone() { break }
                results.append(BatchScoring.score(record, with: analyzer))
                if case .turn = record { counter?.analysed() }
            }
            return results
        }
        if results.count < records.count {
            abandoned = true
            return ""
        }
        var output = ""
        for result in results {
            summary?.add(result)
            output += writer.turn(result)
        }
        return output
    }

    /// An error record in the place of the rest of the input, for a body cut short.
    mutating func stop(because message: String) -> String {
        let result = BatchResult.failure(RecordError(file: Self.inputName, line: lineNumber + 1, message: message))
        summary?.add(result)
        return writer.turn(result)
    }

    /// The summary line, when it was asked for.
    func end() -> String {
        summary.map(writer.summary) ?? ""
    }
}
