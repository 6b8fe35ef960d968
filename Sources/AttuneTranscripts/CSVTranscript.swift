import AttuneCore

/// RFC 4180 CSV with a header row naming at least a text column, its records gathered
/// by `CSVRecords` (so each knows its line and one bad row costs one record).
struct CSVTranscript: TranscriptParser {
    /// The fields a turn takes from a row, and the header names read as each (first
    /// match wins; compared case-insensitively).
    enum Field: CaseIterable {
        case text, speaker, speakerID, id, context, conversation, startTime

        var names: [String] {
            switch self {
            case .text: ["text", "utterance", "message", "reply", "content"]
            case .speaker: ["speaker", "name", "author", "from", "sender"]
            case .speakerID: ["speaker_id", "author_id", "sender_id"]
            case .id: ["id", "turn_id", "message_id"]
            case .context: ["context", "in_reply_to_text"]
            case .conversation: ["conversation", "conversation_id", "session", "thread"]
            case .startTime: ["start_time", "timestamp", "time", "start"]
            }
        }
    }

    /// Where each field is in a row, and how many fields a row has.
    struct Columns {
        var count: Int
        var index: [Field: Int]
    }

    /// Whether a first line reads as a header with a text column.
    static func looksLikeHeader(_ line: String) -> Bool {
        guard line.contains(",") else { return false }
        let names = Set(line.lowercased().split(separator: ",").map { $0.trimmingSpaces() })
        return Field.text.names.contains { names.contains(Substring($0)) }
    }

    private let file: String
    private var columns: Columns?
    /// A header without a text column: every row is reported, none is read.
    private var headerProblem: String?
    private var records = CSVRecords()

    init(file: String) { self.file = file }

    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord]) {
        var events: [CSVRecords.Event] = []
        self.records.read(line, into: &events)
        handle(events, into: &records)
    }

    mutating func finish(into records: inout [TranscriptRecord]) {
        var events: [CSVRecords.Event] = []
        self.records.finish(into: &events)
        handle(events, into: &records)
    }

    private mutating func handle(_ events: [CSVRecords.Event], into records: inout [TranscriptRecord]) {
        for event in events {
            switch event {
            case .record(let line, let fields): complete(fields, line: line, into: &records)
            case .failure(let line, let column, let message): fail(line, column: column, message, into: &records)
            }
        }
    }

    private mutating func complete(_ fields: [String], line recordLine: Int, into records: inout [TranscriptRecord]) {
        guard let columns else { return readHeader(fields, line: recordLine, into: &records) }
        if let headerProblem { return fail(recordLine, headerProblem, into: &records) }
        guard fields.count == columns.count else {
            return fail(recordLine, "expected \(columns.count) fields, found \(fields.count)", into: &records)
        }
        let value = { (field: Field) -> String? in
            columns.index[field].flatMap { fields[$0].isEmpty ? nil : fields[$0] }
        }
        records.append(
            .turn(
                Turn(
                    file: file, line: recordLine, id: value(.id), speaker: value(.speaker),
                    text: fields[columns.index[.text]!], context: value(.context),
                    hasOwnContext: value(.context) != nil, conversation: value(.conversation),
                    startTime: value(.startTime), speakerID: value(.speakerID))))
    }

    private mutating func readHeader(_ fields: [String], line: Int, into records: inout [TranscriptRecord]) {
        var found = Columns(count: fields.count, index: [:])
        let names = fields.map { String($0.lowercased().trimmingSpaces()) }
        for field in Field.allCases {
            found.index[field] = field.names.lazy.compactMap { names.firstIndex(of: $0) }.first
        }
        columns = found
        if found.index[.text] == nil {
            headerProblem = "the header names no text column (one of: \(Field.text.names.joined(separator: ", ")))"
            fail(line, headerProblem!, into: &records)
        }
    }

    private func fail(_ line: Int, column: Int? = nil, _ message: String, into records: inout [TranscriptRecord]) {
        records.append(.failure(RecordError(file: file, line: line, column: column, message: message)))
    }
}
