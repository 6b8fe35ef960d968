/// Texts made of texts already tokenized: a rewrite is its pieces with a space between,
/// each piece read alone before, so the whole need not be read word by word again.
extension TextPipeline {
    /// What `tokenize(text)` gives for `text`, the texts of `parts` with one space
    /// between each, assembled from the parts' own tokens; nil when the join could read
    /// otherwise than the parts alone, and then only `tokenize` can tell.
    ///
    /// The parts stand apart when each is ASCII (one rule for words, no surrogate pairs),
    /// needs no sentence break from ICU, has no quotation mark between its words (quotes
    /// pair across the whole text), starts with a word, and every part but the last ends
    /// in `.` `!` `?` after a word that is no title ("Dr."): the space after that run
    /// then ends a sentence, as the end of the part alone did, and no state of the
    /// tokenizer reaches across it (`Builder` and `markReportedSpeech` work within a
    /// sentence). `TextPipelineJoinTests` compares the result with `tokenize`'s.
    ///
    /// `text` is taken as the parts joined (the rewriter makes both from the same
    /// pieces); only its length is checked.
    package func joined(_ parts: [TokenizedText], as text: String) -> TokenizedText? {
        guard !parts.isEmpty else { return nil }
        var unitCount = parts.count - 1
        var tokenCount = 0
        var sentenceCount = 0
        for (index, part) in parts.enumerated() {
            guard standsApart(part, endsSentence: index < parts.count - 1) else { return nil }
            unitCount += part.utf16.count
            tokenCount += part.tokens.count
            sentenceCount += part.sentences.count
        }
        // ASCII throughout: as many bytes as units, or `text` is not these parts joined.
        guard text.utf8.count == unitCount else { return nil }
        var units: [UInt16] = []
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        var letters: [UInt16] = []
        units.reserveCapacity(unitCount)
        tokens.reserveCapacity(tokenCount)
        sentences.reserveCapacity(sentenceCount)
        for part in parts {
            if !units.isEmpty { units.append(0x20) }
            let offset = units.count
            let firstToken = tokens.count
            let firstSentence = sentences.count
            // The sentence before ends where this part's first word starts, as `Builder`
            // closes a sentence at the next one's first token.
            if let last = sentences.indices.last { sentences[last].end = offset }
            units.append(contentsOf: part.utf16)
            for var token in part.tokens {
                token.start += offset
                token.end += offset
                token.sentence += firstSentence
                if token.id == Vocabulary.unknown {
                    let start = Int32(letters.count)
                    let range = Int(token.letters.lowerBound)..<Int(token.letters.upperBound)
                    letters.append(contentsOf: part.letters[range])
                    token.letters = start..<Int32(letters.count)
                }
                tokens.append(token)
            }
            for var sentence in part.sentences {
                sentence.tokens = (sentence.tokens.lowerBound + firstToken)..<(sentence.tokens.upperBound + firstToken)
                sentence.start += offset
                sentence.end += offset
                sentences.append(sentence)
            }
        }
        return TokenizedText(
            original: text, tokens: tokens, sentences: sentences, vocabulary: vocabulary, letters: letters,
            pairTails: [], utf16: units)
    }

    /// Whether `part` reads the same inside a joined text as alone (see `joined`);
    /// `endsSentence`: another part follows it. One pass over its units, through a
    /// pointer: asked of every piece of every rewrite.
    private func standsApart(_ part: TokenizedText, endsSentence: Bool) -> Bool {
        let tokens = part.tokens
        guard let first = tokens.first, let last = tokens.last, first.start == 0, !part.sentences.isEmpty,
            !endsSentence || !abbreviations.contains(last.id)
        else { return false }
        let plain = part.utf16.withUnsafeBufferPointer { units in
            // ASCII, with no quotation mark outside a word (after folding, a backtick
            // reads as an apostrophe). Spans are in order; the tokens a contraction
            // expands into share one.
            var token = 0
            for offset in units.indices {
                let unit = units[offset]
                guard unit < 0x80 else { return false }
                guard unit == 0x22 || unit == 0x27 || unit == 0x60 else { continue }
                while token < tokens.count && tokens[token].end <= offset { token += 1 }
                guard token < tokens.count && tokens[token].start <= offset else { return false }
            }
            // Another part follows: this one ends in `.` `!` `?` after its last word.
            guard endsSentence else { return true }
            guard last.end < units.count else { return false }
            return units[last.end...].allSatisfy { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }
        }
        return plain && !Builder.needsICUSentences(part.utf16, breaksAsASCII: true)
    }
}
