import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// One flagged span of a reply.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var category: Category
    public var polarity: Polarity { category.polarity }
    /// Code point offsets into the reply: `excerpt == text[start..<end]`.
    public var start: Int
    public var end: Int
    public var excerpt: String
    public var message: String
    public var suggestions: [String]
    public var attune: AttuneComponent
    /// The rule's weight.
    public var weight: Double
    /// The weight that counted in the score, after discounts.
    public var effectiveWeight: Double
    /// Why the weight was discounted, if it was.
    public var discount: String?
    /// Code point offsets of what its suggestions replace: the whole sentences the
    /// finding sits in, so applying one leaves one grammatical reply.
    public var replace: Range<Int> = 0..<0
    /// Token range of the focus (end exclusive); empty for a finding on a reply with no
    /// tokens, whose span is then the whole reply.
    var tokens: Range<Int>
    /// UTF-16 offsets of the focus in the reply.
    var utf16: Range<Int>
    /// The match that speaks for the finding, for filling suggestion templates.
    var match: PatternMatch?
    /// The counselling move of a validating finding, when its rule names one.
    public var move: Move? = nil
    /// For a reflection answering an English message: whether it goes beyond repeating
    /// it (a content word the message did not use). Nil when that cannot be told.
    public var complexReflection: Bool? = nil
}

extension Finding {
    /// A finding the engine gives from the bid (turning away, echoing their feeling)
    /// over a token range of the reply. With no tokens (a reply of "..." or "?!"
    /// that reads as no words) the finding is about the whole reply, so its span is
    /// the whole reply: empty only when the reply is.
    init(
        cue: BidCues.FindingCue, category: Category, tokens: Range<Int>, in text: TokenizedText,
        suggestions: [String] = [], move: Move? = nil
    ) {
        let start = tokens.isEmpty ? 0 : text.tokens[tokens.lowerBound].start
        let end = tokens.isEmpty ? text.utf16.count : text.tokens[tokens.upperBound - 1].end
        self.init(
            rule: cue.id, category: category, start: text.codePointOffset(ofUTF16: start),
            end: text.codePointOffset(ofUTF16: end), excerpt: text.excerpt(utf16: start..<end), message: cue.message,
            suggestions: suggestions, attune: cue.attune, weight: cue.weight, effectiveWeight: cue.weight,
            discount: nil, tokens: tokens, utf16: start..<end, match: nil)
        self.move = move
    }
}

extension [Finding] {
    /// Whether a finding of `polarity` is among them. Its category is read, a stored
    /// field: the computed `polarity` was given a copy of each finding, a retain and a
    /// release per string (inlining its getter did not help: the copy is made before).
    /// Labelled, so it does not read as `Sequence.contains` of an equal finding.
    func contains(polarity: Polarity) -> Bool {
        indices.contains { self[$0].category.polarity == polarity }
    }
}
