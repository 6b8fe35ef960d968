import AttuneEngine
import AttuneTranscripts

/// One output record of a batch: a turn with its critique, or the error that took
/// the place of an unreadable one.
public enum BatchResult: Sendable {
    case turn(Turn, Analysis)
    case failure(RecordError)
}

extension Analysis {
    /// Whether the reply answered an emotional bid (distress, complaint, good news).
    public var answersEmotionalBid: Bool { bid?.kind.isEmotional == true }

    /// Turning toward, after Gottman: engaging with the bid rather than ignoring it
    /// (withdrawal, including a minimal reply) or turning against it (minimizing,
    /// defensiveness). Advice still engages, so fixing does not count against it.
    public var turnsToward: Bool {
        answersEmotionalBid
            && !findings.contains { [.withdrawal, .defensiveness, .minimizing].contains($0.category) }
    }
}
