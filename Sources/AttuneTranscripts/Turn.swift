/// One turn of a transcript: who said what, where it came from, and what it answers.
public struct Turn: Sendable, Equatable {
    /// A turn's text is at most this long (1 MB, far beyond any reply): a longer one, or a
    /// cue or run of continuation lines that would make one, is an error record instead,
    /// so one runaway turn cannot hold the memory of many.
    public static let maximumTextBytes = 1_048_576

    /// The error record's message for a turn over the limit.
    static var tooLongMessage: String { "turn longer than \(maximumTextBytes / 1_048_576) MB (the limit)" }

    /// The input as the user named it (`-` for standard input).
    public var file: String
    /// The line the turn starts on, from 1.
    public var line: Int
    public var id: String?
    public var speaker: String?
    /// Who the speaker is across conversations (`speaker_id`): without it, the same name
    /// in two conversations is taken for two people.
    public var speakerID: String?
    public var text: String
    /// The message the turn answers: the record's own, or filled in from the
    /// conversation by `ConversationTracker`.
    public var context: String?
    /// True when the record carried its own context (even an empty one), so the
    /// conversation does not supply one.
    public var hasOwnContext: Bool
    public var conversation: String?
    /// The cue's start time as written in the input (VTT, SRT, or a CSV/JSONL field).
    public var startTime: String?
    /// The turn's number in its conversation, from 1; set by `ConversationTracker`.
    public var turn: Int = 0

    public init(
        file: String, line: Int, id: String? = nil, speaker: String? = nil, text: String, context: String? = nil,
        hasOwnContext: Bool = false, conversation: String? = nil, startTime: String? = nil, speakerID: String? = nil
    ) {
        self.file = file
        self.line = line
        self.id = id
        self.speaker = speaker
        self.text = text
        self.context = context
        self.hasOwnContext = hasOwnContext
        self.conversation = conversation
        self.startTime = startTime
        self.speakerID = speakerID
    }

    /// The conversation this turn belongs to: the input's own id, else its file.
    public var conversationKey: String { conversation ?? file }
}

/// A line of input that could not be read as a turn. It takes the turn's place in
/// the output, so nothing is silently dropped.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The column (from 1, in characters) when the problem has a place on the line.
    public var column: Int?
    /// What went wrong; never the input's text (it may be private).
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column.map { "\($0):" } ?? "") \(message)" }

    /// The message with its column, for outputs that have no column of their own.
    public var messageWithColumn: String { column.map { "column \($0): \(message)" } ?? message }
}

/// What a transcript reader yields, in input order.
public enum TranscriptRecord: Sendable, Equatable {
    case turn(Turn)
    case failure(RecordError)
}
