import AttuneCore

/// The declarative side of rewriting (`Rules/rewrites.yaml`): what replaces a misattuned
/// sentence of each category, the validation that opens a rewrite, the advice offered
/// with permission, the question that closes it, and the cues by which a sentence is
/// kept (an apology, an offer) or let go (a bare "ok").
public struct RewriteTemplates: Sendable {
    /// Replacement sentence per misattuned category, used where it fits the moment:
    /// `defensiveness` only answering a complaint about the replier, `withdrawal` only
    /// when the reply withdrew from such a conflict (see `Rewriter`).
    public var replace: [Category: String] = [
        .fixing: "Do you want ideas, or would it help more if I just listen for now?",
        .minimizing: "It makes sense that this is getting to you.",
        .defensiveness: "That's fair, and I'm sorry for my part in it.",
        .withdrawal: "I need a few minutes to calm down, and then I want to talk about this properly.",
    ]
    /// Advice kept as an offer: `{advice}` is what they were told to do, as a verb phrase.
    public var advice = "Can I share an idea? When it's this hard, some people find it helps to {advice}."
    /// Opening validation, with `{feeling}` mirroring the bid's first feeling word.
    public var openWithFeeling = "It sounds like you're really {feeling}."
    public var openWithoutFeeling = "That sounds really hard."
    /// Their own words said back, pronouns turned around: `{their_words}`.
    public var openWithTheirWords = "It sounds like you feel {their_words}."
    public var openForGoodNews = "That's wonderful news, congratulations!"
    /// Only for a complaint about the replier.
    public var openForComplaint = "I can see why you're upset with me."
    /// The one question that invites more, per bid kind.
    public var questions: [BidKind: String] = [
        .distress: "Do you want to tell me more about it?",
        .complaint: "What would help most right now?",
        .goodNews: "How are you feeling about it?",
    ]
    /// Words that start advice, before the verb phrase that is its content ("you should").
    public var adviceFrames: [String] = []
    /// Frames followed by a gerund ("have you tried"): the content reads "try {rest}".
    public var adviceGerundFrames: [String] = []
    /// Phrases (normalized tokens) that make a sentence an apology or an offer.
    public var apologyCues: [String] = ["sorry", "apologize", "apologise", "my bad", "my fault"]
    public var offerCues: [String] = ["i will", "i can", "i could", "let me", "want me to", "i am here"]
    /// Tokens that alone make a minimal reply ("k", "ok cool").
    public var minimalWords: Set<String> = ["k", "ok", "okay", "cool", "fine", "thanks", "sure"]
    /// Where each template was read, to report one that misattunes with its line.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    /// Every template with the placeholders left in, keyed as in `locations`.
    public var all: [(key: String, text: String)] {
        var result = Category.allCases.compactMap { category in
            replace[category].map { ("replace.\(category.rawValue)", $0) }
        }
        result += [
            ("advice", advice), ("open.with_feeling", openWithFeeling), ("open.without_feeling", openWithoutFeeling),
            ("open.with_their_words", openWithTheirWords), ("open.good_news", openForGoodNews),
            ("open.complaint", openForComplaint),
        ]
        result += BidKind.allCases.compactMap { kind in questions[kind].map { ("question.\(kind.rawValue)", $0) } }
        return result
    }
}
