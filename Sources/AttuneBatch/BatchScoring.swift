import AttuneEngine
import AttuneTranscripts

/// The one place where transcript records become analysed turns, for `attune batch`
/// (`BatchRunner`) and `/api/batch` alike. Two steps, because they run on different
/// threads: `place`, in input order, gives a turn the context of its conversation (the
/// previous turn of another speaker); `score`, on any thread, analyses it. An
/// unreadable record passes through as its error.
public struct BatchScoring {
    public private(set) var tracker = ConversationTracker()

    public init() {}

    /// The record with its turn placed in its conversation.
    public mutating func place(_ record: TranscriptRecord) -> TranscriptRecord {
        guard case .turn(var turn) = record else { return record }
        tracker.place(&turn)
        return .turn(turn)
    }

    /// The record's result: its turn analysed in context, or its error.
    public static func score(_ record: TranscriptRecord, with analyzer: Analyzer) -> BatchResult {
        switch record {
        case .turn(let turn): .turn(turn, analyzer.analyze(turn.text, context: turn.context))
        case .failure(let error): .failure(error)
        }
    }
}
