import AttuneCore

/// Turns lines of one input into records. A parser sees each line once, in order,
/// and holds at most one pending turn or record, so memory stays flat.
protocol TranscriptParser {
    /// Reads one line, appending the records it completes.
    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord])
    /// The end of the input: appends what is still pending.
    mutating func finish(into records: inout [TranscriptRecord])
}

/// The input formats `attune batch` reads.
public enum TranscriptFormat: String, Sendable, CaseIterable {
    /// `Name: utterance` lines, or plain replies one per line.
    case text
    case jsonl
    case csv
    case vtt
    case srt

    /// The format a file name says, if it says one.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        guard let dot = lowered.lastIndex(of: ".") else { return nil }
        switch lowered[lowered.index(after: dot)...] {
        case "txt", "text": self = .text
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "vtt": self = .vtt
        case "srt": self = .srt
        default: return nil
        }
    }

    /// The format the first non-blank line suggests, for standard input and files
    /// without a telling extension.
    public init(firstLine: String) {
        let line = String(firstLine.trimmingSpaces())
        if line.hasPrefix("WEBVTT") {
            self = .vtt
        } else if line.hasPrefix("{") {
            self = .jsonl
        } else if !line.isEmpty, line.allSatisfy(\.isNumber) {
            self = .srt
        } else if CSVTranscript.looksLikeHeader(line) {
            self = .csv
        } else {
            self = .text
        }
    }

    func makeParser(file: String) -> any TranscriptParser {
        switch self {
        case .text: PlainTextTranscript(file: file)
        case .jsonl: JSONLTranscript(file: file)
        case .csv: CSVTranscript(file: file)
        case .vtt, .srt: CueTranscript(file: file, format: self)
        }
    }
}
