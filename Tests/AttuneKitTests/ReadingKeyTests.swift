import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneRules

/// The rewrite remembers how a piece reads by its text and the message as that reading
/// sees it (`Bid.seen(byTextWith:)`): kind, feelings, thanks, language and the topics
/// the piece shares. Read against the whole message, every piece must read the same.
@Suite struct ReadingKeyTests {
    func pieces(of reply: String, _ bid: Bid, _ analyzer: Analyzer) -> [String] {
        let text = analyzer.pipeline.tokenize(reply)
        var pieces = text.sentences.map { text.excerpt(utf16: text.trimmed(utf16: $0.start..<$0.end)) }
        let templates = analyzer.engine.ruleSet.rewrites
        pieces += Array(templates.replace.values) + [templates.openWithoutFeeling, templates.openForComplaint]
        pieces += templates.questions.values
        for feeling in bid.feelings {
            if let opener = Template.fill(templates.openWithFeeling, ["feeling": feeling]) { pieces.append(opener) }
        }
        if let words = bid.theirWords, let opener = Template.fill(templates.openWithTheirWords, ["their_words": words])
        {
            pieces.append(opener)
        }
        return pieces
    }

    @Test func aPieceReadsTheSameAgainstTheMessageAsItsReadingSeesIt() {
        let differences = Fixtures.overCorpus { reply, analyzer -> [String] in
            guard let context = reply.context else { return [] }
            let bid = analyzer.readBid(context)
            return pieces(of: reply.text, bid, analyzer).compactMap { piece in
                let remembered = analyzer.reading(of: Piece(text: piece), bid: bid)
                let whole = analyzer.read(analyzer.sentences(of: piece), bid: bid)
                let same =
                    remembered.sentences == whole.sentences && remembered.misattuned == whole.misattuned
                    && remembered.attuned == whole.attuned
                return same ? nil : "\(reply.id): \(piece)"
            }
        }.flatMap { $0 }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test func theMessageAsSeenKeepsOnlyTheTopicsTheTextShares() {
        var bid = Bid(kind: .distress, feelings: ["scared"], theirWords: "your mom is sick")
        bid.topics = ["hospi", "mom", "sick"]
        bid.aboutReplier = true
        let seen = bid.seen(byTextWith: ["hospi", "visit"])
        #expect(seen.topics == ["hospi"] && seen.feelings == ["scared"] && seen.kind == .distress)
        #expect(seen.theirWords == nil && !seen.aboutReplier)
    }
}
