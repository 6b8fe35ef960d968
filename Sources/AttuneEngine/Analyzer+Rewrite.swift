import AttuneCore
import AttuneText

/// The rewrite's side of the analyzer: reading what each sentence of a reply does, and
/// re-reading the pieces of a rewrite against the same message.
extension Analyzer {
    /// The attuned rewrite: unchanged when nothing misattunes. A rewrite that still
    /// misattunes or is not `attuned` as a whole falls back to the opening validation
    /// and the closing question alone.
    func rewrite(_ tokenized: TokenizedText, _ findings: [Finding], _ bid: Bid?) -> String {
        guard findings.contains(polarity: .misattuned) else { return tokenized.original }
        let rewriter = Rewriter(templates: engine.ruleSet.rewrites)
        // Once asked to stop, each piece reads as empty: the rewrite is dropped anyway.
        // A local function, passed where it is called: a closure kept in a constant
        // copied the bid into a context allocated for it.
        func check(_ piece: Piece) -> Rewriter.Reading {
            reading(of: shouldStop() ? Piece(text: "") : piece, bid: bid)
        }
        let sentences = read(tokenized, findings, bid)
        let count = tokenized.sentences.count
        let pieces = rewriter.rewrite(sentences, originalSentences: count, bid: bid, check: check)
        let built = Rewriter.text(of: pieces)
        if shouldStop() || isAttuned(built, pieces, bid: bid) { return built }
        let bare = sentences.map { ReadSentence(text: $0.text, move: .other, tokens: $0.tokens) }
        return Rewriter.text(
            of: rewriter.rewrite(bare, originalSentences: count, bid: bid.map(Self.emotional), check: check))
    }

    /// A bid read as emotional, so the fallback lets every sentence go.
    private static func emotional(_ bid: Bid) -> Bid {
        var bid = bid
        if !bid.kind.isEmotional { bid.kind = .distress }
        return bid
    }

    /// What each sentence of the reply does.
    func read(_ text: TokenizedText, _ findings: [Finding], _ bid: Bid?) -> [ReadSentence] {
        // What the findings say of each sentence, on the stack: two arrays were two
        // allocations per rewrite.
        let count = text.sentences.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { heaviest in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { validated in
                heaviest.initialize(repeating: -1)
                validated.initialize(repeating: false)
                return read(text, findings, bid, heaviest: heaviest, validated: validated)
            }
        }
    }

    /// `read`, with room for each sentence's heaviest misattuned finding (the first of
    /// equals) by index, all -1, and whether a validating one counted in full, all false.
    private func read(
        _ text: TokenizedText, _ findings: [Finding], _ bid: Bid?, heaviest: UnsafeMutableBufferPointer<Int>,
        validated: UnsafeMutableBufferPointer<Bool>
    ) -> [ReadSentence] {
        let turnedAway = engine.ruleSet.bids.turnedAway.id
        // One pass over the findings, so a reply dense with them stays linear.
        // Stored fields read by index, not a copy of the finding: a copy retains each of
        // its strings, and the computed `polarity` was given one.
        for number in findings.indices where findings[number].rule != turnedAway && !findings[number].tokens.isEmpty {
            let tokens = findings[number].tokens
            let first = text.tokens[tokens.lowerBound].sentence
            let last = text.tokens[tokens.upperBound - 1].sentence
            let polarity = findings[number].category.polarity
            let weight = findings[number].weight
            let countsInFull = findings[number].discount == nil
            for index in first...last {
                if polarity == .misattuned {
                    if heaviest[index] < 0 || findings[heaviest[index]].weight < weight { heaviest[index] = number }
                } else if polarity == .attuned && countsInFull {
                    validated[index] = true
                }
            }
        }
        var read: [ReadSentence] = []
        read.reserveCapacity(text.sentences.count)
        for index in text.sentences.indices {
            if stopped || (index % 32 == 0 && shouldStop()) { continue }
            let sentence = text.sentences[index]
            let range = text.trimmed(utf16: sentence.start..<sentence.end)
            guard !range.isEmpty else { continue }
            if heaviest[index] >= 0 {
                let category = findings[heaviest[index]].category
                let content = category == .fixing ? advice.content(of: sentence, in: text) : nil
                // Its words are not copied out: the rewrite replaces a hurt sentence.
                read.append(ReadSentence(text: "", move: .hurt(category), advice: content))
                continue
            }
            let words = text.excerpt(utf16: range)
            read.append(readAlone(index, words, range, in: text, validated: validated[index], bid))
        }
        return read
    }

    /// Sentence `index` (its `words` over `range`) with no misattuned finding, read
    /// alone, as a piece of the rewrite will be.
    private func readAlone(
        _ index: Int, _ words: String, _ range: Range<Int>, in text: TokenizedText, validated: Bool, _ bid: Bid?
    ) -> ReadSentence {
        // Without a message its move needs only its tokens' ids, which the reply's own
        // stand for unless quotes reach it; with one, it is read as a text of its own.
        let alone: SentenceTokens
        let read: (tokens: ArraySlice<Token>, isQuestion: Bool)
        if bid.isAbsent, let inReply = SentenceTokens.inReply(index, of: text) {
            alone = .later(SentenceTokens.Later(index, of: text, words: words, range: range))
            read = inReply
        } else {
            let own = tokens(ofSentence: index, words, range, in: text)
            alone = .made(own)
            read = (own.tokens[...], own.sentences.last?.isQuestion ?? false)
        }
        // The ids gathered on the stack: an array of them was an allocation per sentence.
        let apologizes = withUnsafeTemporaryAllocation(of: Int32.self, capacity: read.tokens.count) { ids in
            for (offset, token) in read.tokens.enumerated() { ids[offset] = token.id }
            return cues.apologies.occur(in: UnsafeBufferPointer(ids))
        }
        if validated { return ReadSentence(text: words, move: .validation, apologizes: apologizes, tokens: alone) }
        return ReadSentence(
            text: words, move: apologizes ? .serves : move(of: read.tokens, isQuestion: read.isQuestion, alone, bid),
            apologizes: apologizes, tokens: alone)
    }

    /// What a sentence with no finding does: an apology, an offer or a question that
    /// takes up their bid serves them; a bare "ok" is minimal; the rest is other.
    /// `tokens` are the sentence's, `isQuestion` whether it asks.
    private func move(of tokens: ArraySlice<Token>, isQuestion: Bool, _ sentence: SentenceTokens, _ bid: Bid?)
        -> SentenceMove
    {
        // The ids on the stack, not in an array: one allocation fewer per sentence.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: tokens.count) { buffer in
            var count = 0
            for token in tokens where !token.flags.contains(.emoji) {
                buffer[count] = token.id
                count += 1
            }
            return move(of: UnsafeBufferPointer(rebasing: buffer[..<count]), isQuestion: isQuestion, sentence, bid)
        }
    }

    /// `move(of:isQuestion:_:_:)` of the ids of a sentence's words, emoji left out.
    private func move(
        of words: UnsafeBufferPointer<Int32>, isQuestion: Bool, _ sentence: SentenceTokens, _ bid: Bid?
    ) -> SentenceMove {
        if words.allSatisfy(cues.minimal.contains) { return .minimal }
        let isOffer = cues.offers.occur(in: words)
        guard isOffer || isQuestion else { return .other }
        guard let bid else { return words.contains(where: cues.secondPerson.contains) || isOffer ? .serves : .other }
        let text = sentence.text(pipeline)
        let matches = bidMatches(in: text)
        // A question about errands is a topic switch, whatever it shares with the bid.
        if isQuestion && bidKind(matches) == .request { return .other }
        let owners = Set(matches.map { bidPatterns[Int($0.pattern)].owner })
        let takesUp =
            engages(owners, bid) || !(bid.language == .english && topics(of: text).isDisjoint(with: bid.topics))
        return takesUp ? .serves : .other
    }

    /// A piece of a rewrite read alone against the same message, sentence by sentence.
    /// The reply's own sentences are remembered only without a message: with one, their
    /// keys hold the message's topics and seldom recur, and they would push the
    /// templates' readings out.
    func reading(of piece: Piece, bid: Bid?) -> Rewriter.Reading {
        var parts: [TokenizedText] = []
        func readParts() -> [TokenizedText] {
            if parts.isEmpty { parts = sentences(of: piece.text, tokenized: tokens(of: piece)) }
            return parts
        }
        guard piece.tokens == nil || bid.isAbsent,
            let key = rememberedKey(
                piece.text, bid: bid, topics: { readParts().reduce([]) { $0.union(topics(of: $1)) } })
        else { return read(readParts(), bid: bid) }
        return pieceReadings.value(for: key) { read(readParts(), bid: key.bid) }
    }

    /// Whether a whole rewrite reads as `attuned` with nothing misattuned. Remembered only
    /// without a message: with one, a whole rewrite carries the message's words and the
    /// reply's sentences, and recurred in 1 turn in 8 (measured), too few to pay for a key.
    private func isAttuned(_ rewrite: String, _ pieces: [Piece], bid: Bid?) -> Bool {
        guard bid.isAbsent, rewrite.utf8.count <= Self.rememberedBytes else {
            return readsAttuned(tokens(of: rewrite, pieces), bid: bid)
        }
        return rewriteVerdicts.value(for: rewrite) { readsAttuned(tokens(of: rewrite, pieces), bid: nil) }
    }

    /// The tokens of a whole rewrite, from its pieces' where they join as read alone
    /// (`TextPipeline.joined`): tokenizing the whole again was a tenth of a batch.
    private func tokens(of rewrite: String, _ pieces: [Piece]) -> TokenizedText {
        pipeline.joined(pieces.map(tokens(of:)), as: rewrite) ?? pipeline.tokenize(rewrite)
    }

    /// A piece's tokens: the reply's own sentence's as the reply read it, or else
    /// (a template, a sentence with quotes) tokenized and remembered by its text. A
    /// template's reading is remembered with what it sees of the message, its tokens
    /// whatever the message.
    private func tokens(of piece: Piece) -> TokenizedText {
        if let sentence = piece.tokens { return sentence.text(pipeline) }
        guard piece.text.utf8.count <= Self.rememberedBytes else { return pipeline.tokenize(piece.text) }
        return pieceTokens.value(for: piece.text) { pipeline.tokenize(piece.text) }
    }

    /// The memo key of a reading of `text`, or nil when it is not remembered. Rewrites
    /// carry the reply's own sentences and the message's feelings: without a length
    /// limit the memos' memory would grow with the replies seen; with it, each entry
    /// holds at most 1,024 bytes of text. `topics` is asked only with a message.
    private func rememberedKey(_ text: String, bid: Bid?, topics: () -> TopicStems) -> ReadingKey? {
        guard text.utf8.count <= Self.rememberedBytes else { return nil }
        guard let bid else { return ReadingKey(text: text, bid: nil) }
        guard bid.feelings.reduce(0, { $0 + $1.utf8.count }) <= Self.rememberedBytes else { return nil }
        return ReadingKey(text: text, bid: bid.seen(byTextWith: textTopics.value(for: text, topics)))
    }

    /// The longest text, and feelings, a memo entry holds.
    static let rememberedBytes = 512

    /// A piece's sentences, each read alone; a piece of one sentence (or none) whole.
    /// `tokenized` is the piece's tokens when they are known.
    func sentences(of piece: String, tokenized: TokenizedText? = nil) -> [TokenizedText] {
        let text = tokenized ?? pipeline.tokenize(piece)
        guard text.sentences.count > 1 else { return [text] }
        return text.sentences.indices.map { index in
            let range = text.trimmed(utf16: text.sentences[index].start..<text.sentences[index].end)
            return tokens(ofSentence: index, text.excerpt(utf16: range), range, in: text)
        }
    }

    /// Sentence `index` of `text` (its `words`, over `range`) as tokenizing it alone
    /// gives it: its own tokens, tokenized again only when quotation marks reach it.
    private func tokens(ofSentence index: Int, _ words: String, _ range: Range<Int>, in text: TokenizedText)
        -> TokenizedText
    {
        SentenceTokens.text(index, of: text, words: words, range: range, pipeline)
    }

    func read(_ parts: [TokenizedText], bid: Bid?) -> Rewriter.Reading {
        // A piece of one sentence is read whole (it may be empty: no sentence).
        let sentences = parts.count == 1 ? parts[0].sentences.count : parts.count
        var reading = Rewriter.Reading(sentences: sentences, misattuned: false, attuned: false)
        for part in parts {
            let found = findings(in: part, bid: bid, forVerdict: true, notingSuppressions: false).findings
            if found.contains(polarity: .misattuned) { reading.misattuned = true }
            if found.contains(polarity: .attuned) { reading.attuned = true }
        }
        return reading
    }

    private func readsAttuned(_ text: TokenizedText, bid: Bid?) -> Bool {
        let found = findings(in: text, bid: bid, forVerdict: true, notingSuppressions: false).findings
        guard !found.contains(polarity: .misattuned) else { return false }
        return Scorer(policy: engine.ruleSet.scoring, contrast: cues.contrast, but: cues.but).score(found, in: text)
            .verdict == .attuned
    }

    /// The whole sentences a finding sits in, in code points, without the spaces around
    /// them: what its suggestions replace.
    func replaceSpan(of finding: Finding, in text: TokenizedText, units: [UInt16]) -> Range<Int> {
        guard !finding.tokens.isEmpty else { return finding.start..<finding.end }
        let first = text.sentences[text.tokens[finding.tokens.lowerBound].sentence]
        let last = text.sentences[text.tokens[finding.tokens.upperBound - 1].sentence]
        var start = first.start
        var end = last.end
        while start < end, Self.isSpace(units[start]) { start += 1 }
        while end > start, Self.isSpace(units[end - 1]) { end -= 1 }
        return text.codePointOffset(ofUTF16: start)..<text.codePointOffset(ofUTF16: end)
    }

    private static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }
}
