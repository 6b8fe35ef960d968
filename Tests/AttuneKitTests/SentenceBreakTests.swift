import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneText

/// The tokenizer asks ICU for sentence breaks only when they could add one to its own
/// (`Builder.needsICUSentences`); asked always, it must find the same sentences.
@Suite struct SentenceBreakTests {
    let analyzer = Fixtures.analyzer()

    func expectAgreement(_ text: String, _ comment: String, _ mismatches: inout [String]) {
        let pipeline = analyzer.pipeline
        let quick = pipeline.tokenize(text)
        let full = pipeline.tokenize(text, askingICUForSentences: true)
        func fields(_ text: TokenizedText) -> [[Int]] {
            text.tokens.map { [Int($0.id), $0.start, $0.end, $0.sentence, Int($0.flags.rawValue)] }
        }
        if fields(quick) != fields(full) || quick.sentences != full.sentences {
            mismatches.append("\(comment): \(text.debugDescription)")
        }
    }

    @Test func tricky() {
        var mismatches: [String] = []
        let texts = [
            "why?really", "hi.There you go", "ok!!Yes", "ok.] Then", "Dr. Patel is here. OK", "e.g. this. And that",
            "U.S.A. is big", "wait...what", "wait... what", "\"Stop.\" She left.", "(really.) Yes", "done.\nNext",
            "one.\r\ntwo", "3.5 hours. fine", "Hmm?! ok", "ok.' Then", "end.", "end. ", "a.b.c", "no.1 fan",
            "ok.😂 lol", "ok. 😂 lol", "why?🤷‍♀️ fine", "wow!! 👍🏽", "😂. Then", "ok 😂.\nNext", "done.❤️ Bye",
        ]
        for (index, text) in texts.enumerated() { expectAgreement(text, "tricky \(index)", &mismatches) }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    /// ASCII with emoji: ICU is asked only when a run of marks does not end, as in ASCII.
    @Test func seededASCIIStrings() {
        var random = SeededGenerator(seed: 13)
        let pieces = [
            "a", "Bo", "dr", "is", "I", "9", ".", "?", "!", "...", " ", "  ", "\n", "\r\n", "\t", "\"", "'", ")", "(",
            "]",
            ",", ":", "-", "#", "Mr", "ok", "You", "😂", "👍🏽", "🤷‍♀️", "❤️",
        ]
        var mismatches: [String] = []
        for sample in 0..<30_000 {
            let length = Int.random(in: 1...12, using: &random)
            let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            expectAgreement(text, "sample \(sample)", &mismatches)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test func theCorpus() {
        var mismatches: [String] = []
        for reply in Fixtures.corpus {
            expectAgreement(reply.text, reply.id, &mismatches)
            if let context = reply.context { expectAgreement(context, reply.id, &mismatches) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
