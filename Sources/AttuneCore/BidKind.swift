/// What kind of message a reply answers (its "bid", in Gottman's sense).
public enum BidKind: String, Sendable, CaseIterable {
    case distress, complaint, goodNews = "good_news", request, neutral

    /// A bid for emotional connection: ignoring it is turning away.
    public var isEmotional: Bool { self == .distress || self == .complaint || self == .goodNews }
}
