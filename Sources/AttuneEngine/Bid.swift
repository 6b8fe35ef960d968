import AttuneCore
import AttuneText

/// The message being answered, as `Analyzer.readBid` reads it (Analyzer+Bid.swift).
public struct Bid: Sendable, Hashable {
    public var kind: BidKind
    /// Feeling words the message used (normalized).
    public var feelings: [String]
    /// What they said they feel, turned around to be said back ("your boss hates you").
    public var theirWords: String? = nil
    /// Crude stems of the message's content words: a reply sharing one refers to it.
    var topics: TopicStems = []
    /// The message thanks ("thank you for yesterday").
    var thanks = false
    /// A complaint about the replier ("you forgot my birthday"), not about someone else:
    /// only then does a rewrite own it ("I can see why you're upset with me").
    var aboutReplier = false
    /// Whether the message reads as English: only then can its words be compared.
    var language: Language = .english
}

extension Bid {
    /// The bid as a reading of a text whose topic stems are `topics` sees it: what
    /// `Analyzer.findings(in:bid:)` reads of it (kind, feelings, thanks, language, and
    /// whether the text shares a topic with it), nothing else. A rewrite's pieces are
    /// read against many messages; those alike in this read alike, so one reading serves
    /// them all (`Analyzer.reading(of:bid:)`).
    func seen(byTextWith topics: TopicStems) -> Bid {
        var seen = Bid(kind: kind, feelings: feelings)
        seen.topics = self.topics.intersection(topics)
        seen.thanks = thanks
        seen.language = language
        return seen
    }
}

extension Optional<Bid> {
    /// Whether there is no message: matched in place, where `== nil` copied the bid
    /// (a retain and a release for each of its arrays and strings).
    var isAbsent: Bool {
        if case .none = self { return true }
        return false
    }
}

/// A rewrite's piece, or a whole rewrite, with what of the message its reading sees.
struct ReadingKey: Hashable {
    var text: String
    var bid: Bid?
}
