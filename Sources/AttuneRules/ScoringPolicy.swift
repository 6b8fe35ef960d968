/// The constants of the score, read from `Rules/scoring.yaml` so they can be tuned
/// without touching code. See README "How the score works".
public struct ScoringPolicy: Sendable {
    /// Pseudo-weight on both sides: with no findings the score is 50, and a single
    /// finding cannot drive it to 0 or 100.
    public var prior = 2.0
    /// Scores at or above this are `attuned`.
    public var attunedAt = 65.0
    /// Scores below this are `misattuned`; between the two, `mixed`.
    public var misattunedBelow = 40.0
    /// A validation followed by "but" counts this fraction of its weight.
    public var validationBeforeContrast = 0.25
    /// Advice after a real acknowledgement counts this fraction of its weight.
    public var adviceAfterAcknowledgement = 0.5

    public init() {}
}
