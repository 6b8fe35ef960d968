import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneText

/// A whole rewrite is read from its pieces' tokens (`TextPipeline.joined`) instead of
/// being tokenized again: wherever the join answers, it must be what `tokenize` gives,
/// and it must decline the joins that read otherwise.
@Suite struct TextPipelineJoinTests {
    let analyzer = Fixtures.analyzer()

    /// The pieces a rewrite is made of: the reply's sentences as the rewrite takes them
    /// (their own tokens where the reply has them), and the templates tokenized alone.
    func pieces(of reply: String) -> [(text: String, tokens: TokenizedText)] {
        let text = analyzer.pipeline.tokenize(reply)
        return text.sentences.indices.compactMap { index in
            let range = text.trimmed(utf16: text.sentences[index].start..<text.sentences[index].end)
            let words = text.excerpt(utf16: range)
            guard !words.isEmpty else { return nil }
            return (words, text.sentence(index, alone: words, range: range) ?? analyzer.pipeline.tokenize(words))
        }
    }

    var templates: [(text: String, tokens: TokenizedText)] {
        let rewrites = Fixtures.engine.ruleSet.rewrites
        return ([rewrites.openWithoutFeeling, rewrites.openForComplaint] + rewrites.questions.values.sorted())
            .map { ($0, analyzer.pipeline.tokenize($0)) }
    }

    /// Whether `parts` joined agree with tokenizing their text, when the join answers;
    /// true when it answered.
    @discardableResult
    func expectAgreement(_ parts: [(text: String, tokens: TokenizedText)], _ comment: String) -> Bool {
        let text = parts.map(\.text).joined(separator: " ")
        guard let joined = analyzer.pipeline.joined(parts.map(\.tokens), as: text) else { return false }
        let whole = analyzer.pipeline.tokenize(text)
        #expect(joined.tokens == whole.tokens, "\(comment): \(text)")
        #expect(joined.sentences == whole.sentences, "\(comment): \(text)")
        #expect(joined.letters == whole.letters, "\(comment): \(text)")
        #expect(joined.utf16 == whole.utf16 && joined.original == whole.original, "\(comment)")
        #expect(joined.pairTails == whole.pairTails, "\(comment)")
        return true
    }

    @Test func joinedPiecesReadAsTheWholeText() {
        let templates = self.templates
        var answered = 0
        var asked = 0
        for reply in SentenceAloneTests.tricky + Fixtures.corpus.map(\.text) {
            let sentences = pieces(of: reply)
            guard !sentences.isEmpty else { continue }
            // The rewrite's shapes: an opener, the reply's sentences, a closing question;
            // and each sentence between two templates.
            let shapes =
                [[templates[0]] + sentences + [templates[templates.count - 1]], sentences]
                + sentences.map { [templates[1], $0, templates[2]] }
            for shape in shapes {
                asked += 1
                if expectAgreement(shape, reply) { answered += 1 }
            }
        }
        // Most corpus replies are plain ASCII chat: a join that seldom answers saves nothing.
        #expect(answered * 2 > asked, "joined \(answered) of \(asked)")
    }

    @Test func joinsThatReadOtherwiseAreDeclined() {
        let pipeline = analyzer.pipeline
        func parts(_ texts: [String]) -> [TokenizedText] { texts.map { pipeline.tokenize($0) } }
        let declined: [[String]] = [
            ["He said \"no.", "Go away\" and left."],  // a quote pairs across the join
            ["I saw Dr.", "Patel today."],  // a title's period ends no sentence
            ["That sounds hard", "Tell me more."],  // no mark: one sentence across the join
            ["It's fine.", "“Really” fine."],  // not ASCII
            ["Wait...what.", "Ok."],  // a run ICU may break inside
            ["Ok.", " leading space."],  // a piece that starts with no word
        ]
        for texts in declined {
            #expect(pipeline.joined(parts(texts), as: texts.joined(separator: " ")) == nil, "\(texts)")
        }
        let plain = ["That sounds really hard.", "I don't know what to say!", "Do you want to talk?"]
        #expect(expectAgreement(plain.map { ($0, pipeline.tokenize($0)) }, "plain"))
        // Text that is not these parts joined is declined.
        #expect(pipeline.joined(parts(plain), as: plain.joined(separator: "  ")) == nil)
    }
}
