import AttuneKit
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

    @Test func addingAMisattunedSentenceNeverRaisesTheScore() {
        let analyzer = Fixtures.analyzer()
        for reply in Fixtures.corpus {
            let base = analyzer.analyze(reply.text, context: reply.context).score
            for sentence in Self.misattuned {
                for text in [reply.text + "\n" + sentence, sentence + "\n" + reply.text] {
                    let score = analyzer.analyze(text, context: reply.context).score
                    #expect(score <= base, "\(reply.id): \(base) → \(score) after adding \"\(sentence)\"")
                }
            }
        }
    }

    @Test func addingAValidatingSentenceNeverLowersTheScore() {
        let analyzer = Fixtures.analyzer()
        for reply in Fixtures.corpus {
            let base = analyzer.analyze(reply.text, context: reply.context).score
            for sentence in Self.validating {
                for text in [reply.text + "\n" + sentence, sentence + "\n" + reply.text] {
                    let score = analyzer.analyze(text, context: reply.context).score
                    #expect(score >= base, "\(reply.id): \(base) → \(score) after adding \"\(sentence)\"")
                }
            }
        }
    }

    @Test func caseAndApostropheStyleNeverChangeTheScore() {
        let analyzer = Fixtures.analyzer()
        for reply in Fixtures.corpus {
            let base = analyzer.analyze(reply.text, context: reply.context)
            for variant in [
                reply.text.uppercased(), reply.text.lowercased(),
                reply.text.replacingOccurrences(of: "'", with: "\u{2019}"),
            ] {
                let other = analyzer.analyze(variant, context: reply.context)
                #expect(other.score == base.score, "\(reply.id): \"\(variant)\"")
                #expect(other.findings.map(\.rule) == base.findings.map(\.rule), "\(reply.id): \"\(variant)\"")
            }
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
