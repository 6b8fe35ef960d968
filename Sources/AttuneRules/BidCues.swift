import AttuneCore

/// The declarative cues of `Rules/bids.yaml`: patterns per bid kind, in priority order,
/// and the finding given to a reply that turns away from an emotional bid.
public struct BidCues: Sendable {
    public var kinds: [(kind: BidKind, patterns: [Pattern])] = []
    /// Patterns that capture `{their_words}` in the message, to be said back to them
    /// with pronouns turned around ("I feel like my boss hates me" → "…your boss hates you").
    public var mirror: [Pattern] = []
    /// Patterns by which a reply with no finding still takes up an emotional bid: it
    /// acknowledges it ("oh no", a feeling word), asks about it ("what happened?") or
    /// responds to it (an offer, advice the rules did not flag), for any bid (`nil`) or
    /// one kind. See `Analyzer.turnsAway`.
    public var engaged: [(kind: BidKind?, patterns: [Pattern])] = []
    /// Patterns of thanking: thanks answering thanks is never turning away.
    public var thanks: [Pattern] = []
    /// Words that say nothing about what a message is about ("the", "you", "today"): a
    /// reply that shares only these with the message does not refer to what it said.
    public var functionWords: Set<String> = []
    /// The withdrawal finding for an empty or ignoring reply to an emotional bid.
    public var turnedAway = FindingCue(
        id: "withdrawal.turned-away", weight: 2, attune: .turningToward,
        message: "They reached out with a feeling, and this reply does not turn toward it.")
    /// What to say instead of turning away, per kind of bid (a flat answer to good news
    /// needs other words than a flat answer to distress).
    public var turnedAwaySuggestions: [BidKind: [String]] = [:]
    /// The validating finding for a reply that reflects a feeling the bid named.
    public var reflected = FindingCue(
        id: "validating.reflects-their-feeling", weight: 1, attune: .awareness,
        message: "You named the feeling they named: they can tell you heard it.")

    public init() {}

    /// The groups of the bid automaton after the kinds: the mirror, thanks, then one per
    /// entry of `engaged`.
    package var mirrorGroup: Int { kinds.count }
    package var thanksGroup: Int { kinds.count + 1 }
    package func engagedGroup(_ index: Int) -> Int { kinds.count + 2 + index }
    /// Every group's patterns, in the automaton's order.
    package var automatonGroups: [[Pattern]] { kinds.map(\.patterns) + [mirror, thanks] + engaged.map(\.patterns) }

    /// A finding the engine gives from the bid rather than from a rule's patterns.
    public struct FindingCue: Sendable {
        public var id: String
        public var weight: Double
        public var attune: AttuneComponent
        public var message: String
    }
}
