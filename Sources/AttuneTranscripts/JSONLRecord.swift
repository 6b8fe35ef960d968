import Foundation

/// The fields of one JSONL record, however it was read: by `JSONLScanner` straight
/// from the line's bytes, or by `JSONDecoder` for the lines the scanner leaves to it.
struct JSONLRecord: Equatable {
    var id: String?
    var speaker: String?
    var speakerID: String?
    var text: String
    var context: String?
    /// True when the record has a "context" key, even a null one.
    var hasContext: Bool
    var conversation: String?
    var startTime: String?

    init(
        id: String? = nil, speaker: String? = nil, speakerID: String? = nil, text: String, context: String? = nil,
        hasContext: Bool = false, conversation: String? = nil, startTime: String? = nil
    ) {
        self.id = id
        self.speaker = speaker
        self.speakerID = speakerID
        self.text = text
        self.context = context
        self.hasContext = hasContext
        self.conversation = conversation
        self.startTime = startTime
    }
}

extension JSONLRecord: Decodable {
    enum Keys: String, CodingKey {
        case id, speaker, text, context, conversation
        case startTime = "start_time"
        case speakerID = "speaker_id"
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        id = try Self.label(container, .id)
        speaker = try container.decodeIfPresent(String.self, forKey: .speaker)
        speakerID = try Self.label(container, .speakerID)
        text = try container.decode(String.self, forKey: .text)
        hasContext = container.contains(.context)
        context = try container.decodeIfPresent(String.self, forKey: .context)
        conversation = try Self.label(container, .conversation)
        startTime = try Self.label(container, .startTime)
    }

    /// Ids, conversations and times are labels: a number is read as its digits.
    private static func label(_ container: KeyedDecodingContainer<Keys>, _ key: Keys) throws -> String? {
        if let number = try? container.decodeIfPresent(Int.self, forKey: key) { return String(number) }
        if let number = try? container.decodeIfPresent(Double.self, forKey: key) { return String(number) }
        return try container.decodeIfPresent(String.self, forKey: key)
    }
}
