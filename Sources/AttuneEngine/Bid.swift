import AttuneCore
import AttuneText

/// The message being answered, as `Analyzer.readBid` reads it (Analyzer+Bid.swift).
public struct Bid: Sendable, Equatable {
    public var kind: BidKind
    /// Feeling words the message used (normalized).
    public var feelings: [String]
    /// What they said they feel, turned around to be said back ("your boss hates you").
    public var theirWords: String? = nil
    /// Crude stems of the message's content words: a reply sharing one refers to it.
    var topics: Set<String> = []
    /// The message thanks ("thank you for yesterday").
    var thanks = false
    /// A complaint about the replier ("you forgot my birthday"), not about someone else:
    /// only then does a rewrite own it ("I can see why you're upset with me").
    var aboutReplier = false
    /// Whether the message reads as English: only then can its words be compared.
    var language: Language = .english
}
