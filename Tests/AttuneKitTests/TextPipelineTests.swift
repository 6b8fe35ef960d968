import AttuneKit
import Testing

@testable import AttuneText

/// The normalization contract patterns rely on (Rules/README.md).
@Suite struct TextPipelineTests {
    let analyzer = Fixtures.analyzer()

    func tokens(_ text: String) -> [String] {
        let tokenized = analyzer.analyzeWithTrace(text).trace.tokens
        return tokenized.words(tokenized.tokens.indices)
    }

    @Test func caseAndCompatibilityFolding() {
        #expect(tokens("YOU Should ﬁx IT") == ["you", "should", "fix", "it"])
    }

    @Test func contractionsExpandWithEitherApostrophe() {
        #expect(tokens("I don't know") == ["i", "do", "not", "know"])
        #expect(tokens("I don’t know") == ["i", "do", "not", "know"])
        #expect(tokens("you're wouldn't can't") == ["you", "are", "would", "not", "can", "not"])
    }

    @Test func chatSpellingsExpand() {
        #expect(tokens("idk u r fine rn") == ["i", "do", "not", "know", "you", "are", "fine", "right", "now"])
        #expect(tokens("dont im okay tbh") == ["do", "not", "i", "am", "ok", "to", "be", "honest"])
        #expect(tokens("k") == ["k"], "a curt k is not an ok")
    }

    @Test func aContractedChatStemExpandsToo() {
        #expect(tokens("u'll be fine") == ["you", "will", "be", "fine"])
    }

    @Test func ambiguousUrStaysForTheWordLists() {
        #expect(tokens("ur overreacting") == ["ur", "overreacting"])
    }

    @Test func stretchedWordsSqueezeToKnownWords() {
        #expect(tokens("sooooo") == ["so"])
        #expect(tokens("whateverrrr") == ["whatever"])
        #expect(tokens("nooooo waaaay") == ["no", "way"])
    }

    @Test func emojiAreTokensWithoutModifiers() {
        #expect(tokens("ok 🙄") == ["ok", "🙄"])
        #expect(tokens("🤷🏽‍♀️") == ["🤷"])
        #expect(tokens("❤️") == ["❤"])
    }

    @Test func everyTokenMapsBackToItsOriginalSpan() {
        let text = "Hey 👋🏽, DON’T   you “dare”… it’s fine"
        let tokenized = analyzer.analyzeWithTrace(text).trace.tokens
        let excerpts = tokenized.tokens.map { tokenized.excerpt(utf16: $0.start..<$0.end) }
        #expect(excerpts == ["Hey", "👋🏽", "DON’T", "DON’T", "you", "dare", "it’s", "it’s", "fine"])
    }

    @Test func sentencesSplitEvenInLowercaseChat() {
        let tokenized = analyzer.analyzeWithTrace("thats not what i said. ur twisting it! why? ok").trace.tokens
        #expect(tokenized.sentences.count == 4)
        #expect(tokenized.sentences.map(\.isQuestion) == [false, false, true, false])
    }

    @Test func abbreviationsDoNotEndSentences() {
        let tokenized = analyzer.analyzeWithTrace("Dr. Patel said so").trace.tokens
        #expect(tokenized.sentences.count == 1)
    }

    @Test func quotedAndReportedSpeechIsMarked() {
        let quotedText = analyzer.analyzeWithTrace("when you said 'calm down' it hurt").trace.tokens
        let calm = quotedText.tokens[quotedText.tokens.indices.first { quotedText.word(at: $0) == "calm" }!]
        #expect(calm.flags.contains(.quoted) || calm.flags.contains(.reported))
        let reported = analyzer.analyzeWithTrace("my mom always told me to get over it").trace.tokens.tokens
        #expect(reported.last!.flags.contains(.reported))
        let own = analyzer.analyzeWithTrace("I said I was sorry").trace.tokens.tokens
        #expect(!own.last!.flags.contains(.reported))
        let doubleQuotedText = analyzer.analyzeWithTrace("He wrote \u{201C}relax\u{201D} and left").trace.tokens
        let doubleQuoted = doubleQuotedText.tokens
        let relax = doubleQuoted.indices.first { doubleQuotedText.word(at: $0) == "relax" }!
        #expect(doubleQuoted[relax].flags.contains(.quoted))
        #expect(!doubleQuoted.last!.flags.contains(.quoted))
    }

    @Test func clauseStartsFollowPunctuation() {
        let tokens = analyzer.analyzeWithTrace("ok, just quit - seriously").trace.tokens.tokens
        #expect(tokens.map { $0.flags.contains(.clauseStart) } == [true, true, false, true])
    }

    @Test func hyphenatedWordsAreNotClauses() {
        let tokens = analyzer.analyzeWithTrace("a nerve-wracking day").trace.tokens.tokens
        #expect(tokens.filter { $0.flags.contains(.clauseStart) }.count == 1)
    }

    /// A long reply is read whole: twice the text gives twice the findings. (How the
    /// time grows with a megabyte reply is `Benchmarks/linearity.sh`'s to measure.)
    @Test func aLongReplyIsReadWhole() {
        let sentence = "You should just quit, it is not a big deal. That sounds hard. "
        let once = String(repeating: sentence, count: 400)
        let found = analyzer.analyze(once).findings.count
        #expect(found >= 800)
        #expect(analyzer.analyze(once + once).findings.count == 2 * found)
    }
}

/// Typographic folding (`TypographyFolding`): every unit of the Basic Multilingual Plane
/// folds to what its table says, whatever shortcut the loop takes to get there.
@Suite struct TypographyFoldingTests {
    static let folded: [UInt16: UInt16] = [
        0x2018: 0x27, 0x2019: 0x27, 0x201B: 0x27, 0x02BC: 0x27, 0x2032: 0x27, 0xFF07: 0x27, 0x0060: 0x27,
        0x00B4: 0x27, 0x201C: 0x22, 0x201D: 0x22, 0x201E: 0x22, 0x201F: 0x22, 0x00AB: 0x22, 0x00BB: 0x22,
        0x2033: 0x22, 0xFF02: 0x22, 0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D, 0xFE63: 0x2D,
        0xFF0D: 0x2D,
    ]

    @Test func everyUnitFoldsAsTheTableSays() {
        let units = TypographyFolding.folded((0...0xFFFF).map { UInt16($0) })
        let wrong = (0...0xFFFF).filter { units[$0] != Self.folded[UInt16($0), default: UInt16($0)] }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    /// Alone in a text, so the test of whether anything folds is what decides.
    @Test func everyUnitAloneFoldsAsTheTableSays() {
        let wrong = (0...0xFFFF).filter {
            TypographyFolding.folded([UInt16($0), 0x61]) != [Self.folded[UInt16($0), default: UInt16($0)], 0x61]
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { String($0, radix: 16) })")
    }
}
