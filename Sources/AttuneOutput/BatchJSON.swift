import AttuneBatch
import AttuneCore

/// The JSON Lines shapes of a batch: one object per turn (the `check --format json`
/// object plus where the turn came from), `{"file", "line", "error"}` in place of a
/// turn that could not be read, and the summary object.
extension BatchResult {
    /// Without `positions` a turn leaves out "file", "line" and "turn", which depend on
    /// where a shard starts, so the outputs of shards concatenate to the whole's.
    public func json(positions: Bool = true) -> String {
        var bytes: [UInt8] = []
        writeJSONLine(positions: positions, to: &bytes)
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    /// The object and a line break, appended to `buffer` as UTF-8: batch workers write
    /// many turns into one buffer without a `String` per turn.
    public func writeJSONLine(positions: Bool = true, to buffer: inout [UInt8]) {
        // About the size of a turn's line with a finding or two.
        var writer = JSONWriter(capacity: 2_048)
        writer.beginObject()
        switch self {
        case .turn(let turn, let analysis):
            if positions {
                writer.field("file", turn.file)
                writer.field("line", turn.line)
            }
            if let id = turn.id { writer.field("id", id) }
            if let conversation = turn.conversation { writer.field("conversation", conversation) }
            writer.field("speaker", turn.speaker)
            if let speakerID = turn.speakerID { writer.field("speaker_id", speakerID) }
            if positions { writer.field("turn", turn.turn) }
            if let startTime = turn.startTime { writer.field("start_time", startTime) }
            analysis.writeFields(to: &writer)
        case .failure(let error):
            writer.field("file", error.file)
            writer.field("line", error.line)
            if let column = error.column { writer.field("column", column) }
            writer.field("error", error.message)
        }
        writer.endObject()
        writer.append(to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
    }
}

extension BatchSummary {
    /// `{"turns", "errors", "speakers": [...], "conversations": [...]}`.
    public func json() -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("turns", turns)
        writer.field("errors", errors)
        writer.key("speakers")
        Self.write(speakers, to: &writer)
        writer.key("conversations")
        writer.beginArray()
        for conversation in conversations.items {
            writer.beginObject()
            writer.field("conversation", conversation.conversation)
            Self.write(conversation.tally, to: &writer)
            writer.key("speakers")
            Self.write(conversation.speakers, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output
    }

    private static func write(_ speakers: OrderedTallies, to writer: inout JSONWriter) {
        writer.beginArray()
        for speaker in speakers.items {
            writer.beginObject()
            writer.field("speaker", speaker.speaker)
            if let speakerID = speaker.speakerID { writer.field("speaker_id", speakerID) }
            if let conversation = speaker.conversation { writer.field("conversation", conversation) }
            write(speaker.tally, to: &writer)
            writer.endObject()
        }
        writer.endArray()
    }

    private static func write(_ tally: Tally, to writer: inout JSONWriter) {
        writer.field("turns", tally.turns)
        writer.field("mean_score", tally.meanScore.map { rounded($0, places: 1) })
        writer.key("counts")
        writer.beginObject()
        for category in Category.allCases {
            writer.key(text: category.rawValue)
            writer.number(tally.counts[category, default: 0])
        }
        writer.endObject()
        writer.field("positive_to_negative", tally.positiveToNegative.map { rounded($0, places: 2) })
        writer.field("bids", tally.bids)
        writer.field("turned_toward", tally.turnedToward)
        writer.key("miti")
        write(tally.miti, to: &writer)
    }

    /// `{"reflections", "complex_reflections", "reflections_judged", "questions",
    /// "reflections_to_questions", "complex_share", "affirmations",
    /// "advice_with_permission", "advice_without_permission"}`; ratios null without a divisor.
    private static func write(_ miti: MITICounts, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("reflections", miti.reflections)
        writer.field("complex_reflections", miti.complexReflections)
        writer.field("reflections_judged", miti.reflectionsJudged)
        writer.field("questions", miti.questions)
        writer.field("reflections_to_questions", miti.reflectionsToQuestions.map { rounded($0, places: 2) })
        writer.field("complex_share", miti.complexShare.map { rounded($0, places: 2) })
        writer.field("affirmations", miti.affirmations)
        writer.field("advice_with_permission", miti.adviceWithPermission)
        writer.field("advice_without_permission", miti.adviceWithoutPermission)
        writer.endObject()
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = places == 1 ? 10.0 : 100.0
        return (value * scale).rounded() / scale
    }
}
