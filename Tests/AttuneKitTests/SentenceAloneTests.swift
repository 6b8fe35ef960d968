import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneText

/// The rewrite reads each sentence without a finding as it would read alone
/// (`Analyzer.read`); it takes those tokens from the reply's own
/// (`TokenizedText.sentence(_:alone:range:)`) instead of tokenizing the sentence again.
/// Both must agree, token for token.
@Suite struct SentenceAloneTests {
    let analyzer = Fixtures.analyzer()

    static let tricky = [
        "Dr. Patel said it's fine. I don't know?! Maybe... ok",
        "She said \"you never listen.\" I get it. \"Fine,\" he said",
        "I told you so 😢 just quit.\nNew line here   \n\n  and more!!! Really??",
        "U.S. mail is slow, etc. and so on. ok ok.",
        "“Curly quotes” are here. It’s fine — really (I think). Right?",
        "sooooo tired 🤷‍♀️ idk u r fine rn. 𝒻𝒶𝓃𝒸𝓎 letters 🙏🏽 again. The end",
        "Mr. Smith's dog. 1.5 hours, 3:30pm! wow.Ok then",
        "Wait. 'Single quotes' pair. Don't they? 'unpaired start. yes",
        "...",
        "Hmm.  ",
    ]

    func expectAgreement(_ reply: String, _ comment: String) {
        let text = analyzer.pipeline.tokenize(reply)
        for index in text.sentences.indices {
            let sentence = text.sentences[index]
            let range = text.trimmed(utf16: sentence.start..<sentence.end)
            let words = text.excerpt(utf16: range)
            guard let sliced = text.sentence(index, alone: words, range: range) else { continue }
            let alone = analyzer.pipeline.tokenize(words)
            func fields(_ text: TokenizedText) -> [[Int]] {
                text.tokens.map { [Int($0.id), $0.start, $0.end, $0.sentence, Int($0.flags.rawValue)] }
            }
            #expect(fields(sliced) == fields(alone), "\(comment), sentence \(index)")
            #expect(sliced.sentences == alone.sentences, "\(comment), sentence \(index)")
            #expect(sliced.words(sliced.tokens.indices) == alone.words(alone.tokens.indices), "\(comment)")
            #expect(sliced.utf16 == alone.utf16 && sliced.original == alone.original, "\(comment)")
            #expect(
                (0...alone.utf16.count).allSatisfy {
                    sliced.codePointOffset(ofUTF16: $0) == alone.codePointOffset(ofUTF16: $0)
                }, "\(comment)")
        }
    }

    @Test func aSentencesOwnTokensAreItsTokensAlone() {
        for (number, reply) in Self.tricky.enumerated() { expectAgreement(reply, "tricky \(number)") }
        for reply in Fixtures.corpus { expectAgreement(reply.text, reply.id) }
    }

    @Test func aQuotedSentenceIsTokenizedAgain() {
        let text = analyzer.pipeline.tokenize("He said \"no. Go away\" and left.")
        let quoted = text.sentences.indices.filter { index in
            text.tokens[text.sentences[index].tokens].contains { $0.flags.contains(.quoted) }
        }
        #expect(!quoted.isEmpty)
        for index in quoted {
            let sentence = text.sentences[index]
            let range = text.trimmed(utf16: sentence.start..<sentence.end)
            #expect(text.sentence(index, alone: text.excerpt(utf16: range), range: range) == nil)
        }
    }

    /// Without a message the rewrite reads what a kept sentence does from the reply's
    /// tokens (`SentenceTokens.inReply`) and makes its own text only if a piece needs it:
    /// the reply's tokens must be the sentence's alone, id and flags, whenever they are
    /// offered, and the text made later must be the one tokenizing gives.
    @Test func theReplysTokensStandForASentencesOwnWhenOffered() {
        for reply in Self.tricky + Fixtures.corpus.map(\.text) {
            let text = analyzer.pipeline.tokenize(reply)
            for index in text.sentences.indices {
                let sentence = text.sentences[index]
                let range = text.trimmed(utf16: sentence.start..<sentence.end)
                let words = text.excerpt(utf16: range)
                let alone = analyzer.pipeline.tokenize(words)
                let later = SentenceTokens.later(.init(index, of: text, words: words, range: range))
                #expect(later.text(analyzer.pipeline).tokens.map(\.id) == alone.tokens.map(\.id), "\(reply)")
                guard let inReply = SentenceTokens.inReply(index, of: text) else {
                    #expect(text.sentence(index, alone: words, range: range) == nil, "\(reply)")
                    continue
                }
                #expect(inReply.tokens.map(\.id) == alone.tokens.map(\.id), "\(reply), sentence \(index)")
                #expect(inReply.tokens.map(\.flags) == alone.tokens.map(\.flags), "\(reply), sentence \(index)")
                #expect(inReply.isQuestion == (alone.sentences.last?.isQuestion ?? false), "\(reply)")
            }
        }
    }
}
