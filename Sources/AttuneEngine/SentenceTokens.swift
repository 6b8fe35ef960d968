import AttuneText

/// One of the reply's sentences as a text of its own, as tokenizing its words alone
/// gives it (`TokenizedText.sentence(_:alone:range:)`): made while the reply is read, or
/// made the first time a piece of the rewrite needs it and then kept. Without a message,
/// the pieces and whole rewrites are mostly read from memos by their text
/// (`Analyzer.reading(of:bid:)`), and making every kept sentence's text ahead cost about
/// 2,400 of a warm analysis's 72,600 instructions.
enum SentenceTokens {
    case made(TokenizedText)
    case later(Later)

    /// The sentence as a text of its own.
    func text(_ pipeline: TextPipeline) -> TokenizedText {
        switch self {
        case .made(let text): text
        case .later(let later): later.text(pipeline)
        }
    }

    /// Sentence `index` in `reply`, when the reply's tokens of it are those it has alone
    /// (the same ids and flags): when no quotation mark reaches it. Quotes pair across
    /// sentences, so a quoted sentence's words alone may read otherwise.
    static func inReply(_ index: Int, of reply: TokenizedText) -> (tokens: ArraySlice<Token>, isQuestion: Bool)? {
        let sentence = reply.sentences[index]
        let tokens = reply.tokens[sentence.tokens]
        return tokens.contains { $0.flags.contains(.quoted) } ? nil : (tokens, sentence.isQuestion)
    }

    /// Sentence `index` of `reply` (its `words` over `range`, without the spaces at its
    /// ends) as a text of its own: taken from the reply's tokens, or tokenized again by
    /// `pipeline` when quotes reach it.
    static func text(
        _ index: Int, of reply: TokenizedText, words: String, range: Range<Int>, _ pipeline: TextPipeline
    ) -> TokenizedText {
        reply.sentence(index, alone: words, range: range) ?? pipeline.tokenize(words)
    }

    /// The text of sentence `index` of `reply` (its `words` over `range`), made on first use.
    final class Later {
        private let reply: TokenizedText
        private let index: Int
        private let words: String
        private let range: Range<Int>
        private var made: TokenizedText?

        init(_ index: Int, of reply: TokenizedText, words: String, range: Range<Int>) {
            self.reply = reply
            self.index = index
            self.words = words
            self.range = range
        }

        func text(_ pipeline: TextPipeline) -> TokenizedText {
            if let made { return made }
            let text = SentenceTokens.text(index, of: reply, words: words, range: range, pipeline)
            made = text
            return text
        }
    }
}
