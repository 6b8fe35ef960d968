import Foundation

/// JSON Lines: one `{"id"?, "speaker"?, "speaker_id"?, "text", "context"?,
/// "conversation"?, "start_time"?}` object per line. Blank lines are skipped; any other line that is
/// not such an object becomes an error record.
struct JSONLTranscript: TranscriptParser {
    private let file: String
    private let decoder = JSONDecoder()

    init(file: String) { self.file = file }

    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let text = line.text else {
            return records.append(.failure(RecordError(file: file, line: line.number, message: line.problem!)))
        }
        guard !text.isBlank else { return }
        do {
            // The scanner reads the plain lines; the decoder the rest, with its messages.
            var bytes = text
            let scanned = bytes.withUTF8 { JSONLScanner.record(in: $0) }
            let record = try scanned ?? decoder.decode(JSONLRecord.self, from: Data(text.utf8))
            guard record.text.utf8.count <= Turn.maximumTextBytes else {
                return records.append(
                    .failure(RecordError(file: file, line: line.number, message: "\"text\": " + Turn.tooLongMessage)))
            }
            records.append(
                .turn(
                    Turn(
                        file: file, line: line.number, id: record.id, speaker: record.speaker, text: record.text,
                        context: record.context, hasOwnContext: record.hasContext,
                        conversation: record.conversation, startTime: record.startTime,
                        speakerID: record.speakerID)))
        } catch {
            records.append(.failure(RecordError(file: file, line: line.number, message: Self.describe(error))))
        }
    }

    mutating func finish(into records: inout [TranscriptRecord]) {}

    /// A short reason that names the field, never the text.
    static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _):
            return "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.last?.stringValue ?? "the line"
            return field == "the line" ? "not a JSON object" : "\"\(field)\" has the wrong type"
        case .dataCorrupted(let context):
            if let field = context.codingPath.last?.stringValue { return "\"\(field)\": \(context.debugDescription)" }
            return "not valid JSON"
        default:
            return "not valid JSON"
        }
    }
}
