import AttuneCore

/// Turns lines of one input into records. A parser sees each line once, in order,
/// and holds at most one pending turn or record, so memory stays flat.
protocol TranscriptParser {
    /// Reads one line, appending the records it completes.
    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord])
    /// The end of the input: appends what is still pending.
    mutating func finish(into records: inout [TranscriptRecord])
}

/// The input formats `attune batch` reads, in one table: each format's name, the file
/// extensions that say it, how its first line gives it away, and its parser. A new
/// format is one `TranscriptParser` file and one entry here (docs/ARCHITECTURE.md).
public struct TranscriptFormat: Sendable, Hashable, CaseIterable {
    /// The name `--input-format` takes.
    public let name: String
    /// Lowercased file extensions that say this format.
    let extensions: [String]
    /// Whether a first non-blank line says this format; nil for the fallback.
    let recognises: (@Sendable (String) -> Bool)?
    let make: @Sendable (_ file: String, _ format: TranscriptFormat) -> any TranscriptParser

    /// `Name: utterance` lines, or plain replies one per line: the fallback.
    public static let text = TranscriptFormat(
        name: "text", extensions: ["txt", "text"], recognises: nil, make: { file, _ in PlainTextTranscript(file: file) }
    )
    public static let jsonl = TranscriptFormat(
        name: "jsonl", extensions: ["jsonl", "ndjson"], recognises: { $0.hasPrefix("{") },
        make: { file, _ in JSONLTranscript(file: file) })
    public static let csv = TranscriptFormat(
        name: "csv", extensions: ["csv"], recognises: CSVTranscript.looksLikeHeader,
        make: { file, _ in CSVTranscript(file: file) })
    public static let vtt = TranscriptFormat(
        name: "vtt", extensions: ["vtt"], recognises: { $0.hasPrefix("WEBVTT") },
        make: { file, format in CueTranscript(file: file, format: format) })
    public static let srt = TranscriptFormat(
        name: "srt", extensions: ["srt"], recognises: { !$0.isEmpty && $0.allSatisfy(\.isNumber) },
        make: { file, format in CueTranscript(file: file, format: format) })

    /// The table, in the order help lists it; first lines are tried in this order too.
    public static let allCases: [TranscriptFormat] = [text, jsonl, csv, vtt, srt]

    public static func named(_ name: String) -> TranscriptFormat? { allCases.first { $0.name == name } }

    /// "text, jsonl, csv, vtt or srt".
    public static var list: String {
        let names = allCases.map(\.name)
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
    }

    /// The format a file name says, if it says one.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        guard let dot = lowered.lastIndex(of: ".") else { return nil }
        let suffix = String(lowered[lowered.index(after: dot)...])
        guard let format = Self.allCases.first(where: { $0.extensions.contains(suffix) }) else { return nil }
        self = format
    }

    /// The format the first non-blank line suggests, for standard input and files
    /// without a telling extension.
    public init(firstLine: String) {
        let line = String(firstLine.trimmingSpaces())
        self = Self.allCases.first { $0.recognises?(line) == true } ?? .text
    }

    private init(
        name: String, extensions: [String], recognises: (@Sendable (String) -> Bool)?,
        make: @escaping @Sendable (String, TranscriptFormat) -> any TranscriptParser
    ) {
        self.name = name
        self.extensions = extensions
        self.recognises = recognises
        self.make = make
    }

    func makeParser(file: String) -> any TranscriptParser { make(file, self) }

    public static func == (lhs: TranscriptFormat, rhs: TranscriptFormat) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
