@testable import AttuneKit
import Foundation
import Testing

/// The properties the score promises (README "How the score works"), over the corpus.
@Suite struct ScoringTests {
    static let misattuned = [
        "You should just quit.", "Calm down, it's not a big deal.", "I didn't mean it like that.", "Whatever.",
    ]
    static let validating = ["That sounds really hard.", "It makes sense you're upset.", "Tell me more."]

    @Test func theSampleSentencesAreWhatTheyClaim() {
        let analyzer = Fixtures.analyzer()
        for sentence in Self.misattuned {
            let findings = analyzer.analyze(sentence).findings
            #expect(!findings.isEmpty && findings.allSatisfy { $0.polarity == .misattuned }, "\(sentence)")
        }
        for sentence in Self.validating {
            let findings = analyzer.analyze(sentence).findings
            #expect(!findings.isEmpty && findings.allSatisfy { $0.polarity == .attuned }, "\(sentence)")
        }
    }

    /// Additions for the properties: corpus replies that are one short sentence whose
    /// findings all have one polarity, so each property draws from hundreds of phrasings
    /// people use rather than a fixed few.
    static let additions: [Polarity: [String]] = {
        var pools: [Polarity: [String]] = [.misattuned: [], .attuned: []]
        for reply in Fixtures.corpus where sentences(of: reply.text).count == 1 && reply.text.count <= 80 {
            let findings = Fixtures.analysis(of: reply.id).findings
            guard let polarity = findings.first?.polarity, findings.allSatisfy({ $0.polarity == polarity }) else {
                continue
            }
            pools[polarity]?.append(reply.text)
        }
        return pools
    }()

    /// A reply's sentences, split after sentence marks and at line breaks.
    static func sentences(of text: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            let ends =
                character.isNewline || (".!?".contains(character) && (index == text.endIndex || text[index] == " "))
            if ends {
                parts.append(text[start..<index])
                start = index
            }
        }
        if start < text.endIndex { parts.append(text[start...]) }
        return parts.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The words that take back what came before ("but", "however").
    static let contrast = Fixtures.engine.ruleSet.lexicon.words(of: "contrast")

    /// `reply` with `addition` on a line of its own at a sentence boundary chosen by
    /// `random`. Not before a sentence opening with a contrast: "I'm sorry. But you
    /// started it" discounts the apology, and a sentence put between them rightly
    /// takes the "but" for itself, which is a different reply, not an added sentence.
    static func insert(_ addition: String, into reply: String, using random: inout SeededGenerator) -> String {
        let parts = sentences(of: reply).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let boundaries = (0...parts.count).filter { index in
            guard index < parts.count else { return true }
            let first = parts[index].prefix { $0.isLetter || $0 == "'" }.lowercased()
            return !contrast.contains(first)
        }
        var lines = parts
        lines.insert(addition, at: boundaries[Int.random(in: 0..<boundaries.count, using: &random)])
        return lines.joined(separator: "\n")
    }

    /// Inserts a drawn addition of `polarity` into every corpus reply and checks the score
    /// against the reply's own.
    func checkAdding(_ polarity: Polarity, seed: UInt64, holds: (Int, Int) -> Bool) throws {
        let pool = try #require(Self.additions[polarity])
        #expect(pool.count >= 50, "\(polarity) additions: \(pool.count)")
        let analyzer = Fixtures.analyzer()
        var random = SeededGenerator(seed: seed)
        for reply in Fixtures.corpus {
            let base = Fixtures.analysis(of: reply.id).score
            // A sentence's polarity can depend on what it answers ("that's not fair"
            // defends or sides with them): draw one that has it in this conversation.
            var addition = pool[Int.random(in: 0..<pool.count, using: &random)]
            for _ in 0..<5 where !Self.has(polarity, addition, reply.context, analyzer) {
                addition = pool[Int.random(in: 0..<pool.count, using: &random)]
            }
            guard Self.has(polarity, addition, reply.context, analyzer) else { continue }
            let text = Self.insert(addition, into: reply.text, using: &random)
            let score = analyzer.analyzeWithTrace(text, context: reply.context, rewriting: false).analysis.score
            #expect(holds(score, base), "\(reply.id): \(base) → \(score) as \"\(text)\"")
        }
    }

    /// Whether `text` read as a reply to `context` has findings, all of `polarity`.
    static func has(_ polarity: Polarity, _ text: String, _ context: String?, _ analyzer: Analyzer) -> Bool {
        let findings = analyzer.analyzeWithTrace(text, context: context, rewriting: false).analysis.findings
        return !findings.isEmpty && findings.allSatisfy { $0.polarity == polarity }
    }

    @Test func addingAMisattunedSentenceNeverRaisesTheScore() throws {
        try checkAdding(.misattuned, seed: 61) { $0 <= $1 }
    }

    @Test func addingAValidatingSentenceNeverLowersTheScore() throws {
        try checkAdding(.attuned, seed: 62) { $0 >= $1 }
    }

    @Test func caseAndApostropheStyleNeverChangeTheScore() {
        let analyzer = Fixtures.analyzer()
        var random = SeededGenerator(seed: 63)
        for reply in Fixtures.corpus {
            let base = Fixtures.analysis(of: reply.id)
            let variant = [
                reply.text.uppercased(), reply.text.lowercased(),
                reply.text.replacingOccurrences(of: "'", with: "\u{2019}"),
            ][Int.random(in: 0..<3, using: &random)]
            let other = analyzer.analyzeWithTrace(variant, context: reply.context, rewriting: false).analysis
            #expect(other.score == base.score, "\(reply.id): \"\(variant)\"")
            #expect(other.findings.map(\.rule) == base.findings.map(\.rule), "\(reply.id): \"\(variant)\"")
        }
    }

    @Test func noFindingsIsNeutralAtFifty() {
        let analysis = Fixtures.analyzer().analyze("The pharmacy closes at nine.")
        #expect(analysis.findings.isEmpty)
        #expect(analysis.verdict == .neutral)
        #expect(analysis.score == 50)
    }

    @Test func validationBeforeButCountsForLess() {
        let analyzer = Fixtures.analyzer()
        let plain = analyzer.analyze("I hear you. You need to calm down.")
        let erased = analyzer.analyze("I hear you, but you need to calm down.")
        #expect(erased.score < plain.score)
    }

    @Test func adviceAfterAcknowledgementWeighsLess() {
        let analyzer = Fixtures.analyzer()
        let instead = analyzer.analyze("You should talk to your manager.")
        let after = analyzer.analyze("That sounds really stressful. You should talk to your manager.")
        let fixing = after.findings.first { $0.category == .fixing }
        #expect(fixing?.discount != nil)
        #expect(after.score > instead.score)
    }

    @Test func anEmptyReplyToAnEmotionalBidIsWithdrawal() {
        let analyzer = Fixtures.analyzer()
        let empty = analyzer.analyze("", context: "I had the worst day, I feel awful")
        #expect(empty.findings.map(\.category) == [.withdrawal])
        let nothing = analyzer.analyze("   ")
        #expect(nothing.verdict == .neutral)
        #expect(nothing.notes.contains { $0.contains("Nothing to analyse") })
    }

    @Test func anEmptyContextIsNoContext() {
        let analysis = Fixtures.analyzer().analyze("ok", context: "  \n ")
        #expect(analysis.context == nil)
        #expect(analysis.bid == nil)
        #expect(!analysis.notes.isEmpty)
    }

    @Test func reflectingTheirFeelingWordCounts() {
        let analyzer = Fixtures.analyzer()
        let context = "I'm so overwhelmed with everything"
        let flat = analyzer.analyze("The kids have soccer at 5, overwhelmed or not.", context: context)
        #expect(
            flat.findings.contains { $0.rule == "validating.reflects-their-feeling" && $0.excerpt == "overwhelmed" })
        let other = analyzer.analyze("The kids have soccer at 5.", context: "How was work?")
        #expect(flat.score > other.score)
    }
}
