import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Turning away: a reply that does nothing with an emotional bid.
extension Analyzer {
    /// The longest reply that counts as a minimal answer ("k", "ok cool", "sure.").
    static let minimalReplyTokens = 3

    /// Whether a reply with no finding turns away from an emotional bid, read by what it
    /// does with the bid rather than by its length alone. It turns away when it neither
    /// acknowledges the bid, asks about it nor responds to it (no `engaged` pattern of
    /// `Rules/bids.yaml` matches) and it is empty or minimal ("k"), only logistics ("So,
    /// what's the plan for Saturday?"), or shares no content word with the
    /// message ("Okay, sounds good. See you at six." to "My mom was just rushed to the
    /// hospital"). Thanks answering thanks never turns away; a reply that talks about
    /// the same thing ("the hospital") does not either.
    func turnsAway(_ reply: TokenizedText, from bid: Bid) -> Bool {
        let cues = engine.ruleSet.bids
        let matches = bidMatches(in: reply)
        let owners = Set(matches.map { bidPatterns[Int($0.pattern)].owner })
        let thanksBack = bid.thanks && owners.contains(cues.thanksGroup)
        let engages = engages(owners, bid)
        // Taking the bid up counts first: "congrats!!" is short and "when do you start?"
        // asks about plans, but both answer the news.
        if thanksBack || engages { return false }
        if reply.tokens.count <= Self.minimalReplyTokens || bidKind(matches) == .request { return true }
        // What the message talked about can only be compared when it is English.
        guard bid.language == .english else { return false }
        return topics(of: reply).isDisjoint(with: bid.topics)
    }

    /// Whether bid-automaton matches (by owner group) acknowledge, ask about or respond
    /// to the bid (the `engaged` patterns of `Rules/bids.yaml`).
    func engages(_ owners: Set<Int>, _ bid: Bid) -> Bool {
        let cues = engine.ruleSet.bids
        return cues.engaged.indices.contains { index in
            (cues.engaged[index].kind ?? bid.kind) == bid.kind && owners.contains(cues.engagedGroup(index))
        }
    }

    func turnedAway(_ text: TokenizedText, bid: BidKind) -> Finding {
        Finding(
            cue: engine.ruleSet.bids.turnedAway, category: .withdrawal, tokens: 0..<text.tokens.count, in: text,
            suggestions: engine.ruleSet.bids.turnedAwaySuggestions[bid] ?? [])
    }
}
