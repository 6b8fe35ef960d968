import AttuneKit
import Testing

/// Tokens are ids, with letters kept only for words no rule names; these pin down that
/// the id path spells every token as the `String` path did.
@Suite struct TokenIdsTests {
    let analyzer = Fixtures.analyzer()

    func tokenized(_ text: String) -> TokenizedText {
        analyzer.analyzeWithTrace(text, rewriting: false).trace.tokens
    }

    func words(_ text: String) -> [String] {
        let tokens = tokenized(text)
        return tokens.words(tokens.tokens.indices)
    }

    @Test func unknownWordsKeepTheirNormalizedLetters() {
        // Folded, squeezed to two when neither form is known, and a clitic's stem alone.
        #expect(words("Blorptastic ZZZOOOOMM zorbo'll") == ["blorptastic", "zzoomm", "zorbo", "will"])
        let tokens = tokenized("Blorptastic ZZZOOOOMM")
        #expect(tokens.tokens.allSatisfy { $0.id == Vocabulary.unknown })
    }

    @Test func onlyUnknownWordsStoreLetters() {
        let tokens = tokenized("you are so blorptastic")
        #expect(tokens.letters.count == "blorptastic".utf16.count)
    }

    @Test func cueWordsAreNotKnownToSqueezing() {
        // "prof" is a title the sentence splitter knows, not a word of the rules: a
        // stretched "proooof" squeezes to two letters as any unknown word does.
        #expect(words("proooof") == ["proof"])
        #expect(words("Prof. Ada said so") == ["prof", "ada", "said", "so"])
        #expect(tokenized("Prof. Ada said so").sentences.count == 1)
    }

    @Test func otherScriptsTakeTheICUPathToTheSameIds() {
        let ascii = tokenized("you should stop")
        let fullWidth = tokenized("ＹＯＵ ｓｈｏｕｌｄ ｓｔｏｐ")
        #expect(fullWidth.tokens.map(\.id) == ascii.tokens.map(\.id))
        #expect(ascii.tokens.allSatisfy { $0.id != Vocabulary.unknown })
        #expect(words("ｓｏｏｏｏ") == ["so"])
        #expect(words("Ünïcödé") == ["ünïcödé"])
    }

    @Test func codePointOffsetsCountAstralCharactersOnce() {
        for text in ["🙄 you 😢 ok 🤷🏽‍♀️ fine", "plain ascii reply", "é𝒳 done", ""] {
            let tokens = tokenized(text)
            let units = Array(text.utf16)
            for offset in 0...units.count {
                // Inside a pair, the half pair before the offset counts as one code point.
                let expected = String(decoding: units[..<offset], as: UTF16.self).unicodeScalars.count
                #expect(tokens.codePointOffset(ofUTF16: offset) == expected, "\(text) \(offset)")
            }
        }
    }
}
