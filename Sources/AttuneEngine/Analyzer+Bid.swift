import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Reading the bid: what kind of message the reply answers, its feelings, its topics
/// and their words to be said back.
extension Analyzer {
    /// Words by which a complaint is about the replier ("you forgot").
    static let secondPerson: Set<String> = ["you", "your", "yours", "yourself", "u", "ur"]

    /// Crude stems of the content words of a text: not function words, not emoji, at
    /// least three characters. One pass over its tokens; a vocabulary word's stem is
    /// read once per word and taken once per text (`knownWords`), an unknown word's
    /// once per stem, so only the distinct words' stems are sorted: a long message
    /// repeats its words many times over.
    func topics(of text: TokenizedText) -> TopicStems {
        stemPass &+= 1
        if stemPass == 0 {
            // Wrapped around: every word reads as not yet taken again.
            for id in knownWords.indices { knownWords[id].pass = 0 }
            stemPass = 1
        }
        // Worked on as a local, moved back after: a class's stored array is checked for
        // exclusive access at every use.
        var known = knownWords
        knownWords = []
        defer { knownWords = known }
        let pass = stemPass
        var stems: [Stem] = []
        stems.reserveCapacity(text.tokens.count)
        var unknownStems: Set<Stem> = []
        for (index, token) in text.tokens.enumerated() where !token.flags.contains(.emoji) {
            guard token.id != Vocabulary.unknown else {
                if let stem = topicStem(text.word(at: index)), unknownStems.insert(stem).inserted { stems.append(stem) }
                continue
            }
            let id = Int(token.id)
            guard known[id].pass != pass else { continue }
            known[id].pass = pass
            if case .unread = known[id].stem {
                known[id].stem = topicStem(text.word(at: index)).map(KnownStem.stem) ?? .noStem
            }
            if case .stem(let stem) = known[id].stem { stems.append(stem) }
        }
        return TopicStems(stems)
    }

    /// The stem a content word gives, or nil for a function word or one shorter than
    /// three characters.
    private func topicStem(_ word: String) -> Stem? {
        guard word.count >= 3, !engine.ruleSet.bids.functionWords.contains(word) else { return nil }
        return Self.asciiStemKey(word) ?? Stem(Self.characterStem(word))
    }

    /// "hospitals", "hospitalized" → "hospi"; "yelled", "yelling" → "yell": without
    /// -'s, -ing, -ed, -es or -s when three letters remain, then at most five letters.
    static func stem(_ word: String) -> String { asciiStem(word) ?? characterStem(word) }

    /// `stem` by characters, for a word with letters beyond ASCII.
    static func characterStem(_ word: String) -> String {
        var stem = Substring(word)
        if stem.hasSuffix("'s") { stem = stem.dropLast(2) }
        for suffix in ["ing", "ed", "es", "s"] where stem.count - suffix.count >= 3 && stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        return String(stem.prefix(5))
    }

    /// `stem` of an ASCII word, on its bytes: the same steps (a character is a byte),
    /// without the grapheme breaking of `String`'s suffix tests and counts, which was
    /// most of reading a message's topics. Nil for any other word.
    static func asciiStem(_ word: String) -> String? {
        asciiStem(word) { String(decoding: $0, as: UTF8.self) }
    }

    /// `asciiStem` packed as a `Stem` straight from the word's bytes, no string made.
    static func asciiStemKey(_ word: String) -> Stem? { asciiStem(word, Stem.init(utf8:)) }

    private static func asciiStem<Result>(_ word: String, _ make: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var word = word
        return word.withUTF8 { bytes -> Result? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func endsWith(_ suffix: StaticString, before end: Int) -> Bool {
                let count = suffix.utf8CodeUnitCount
                guard end >= count else { return false }
                return (0..<count).allSatisfy { bytes[end - count + $0] == suffix.utf8Start[$0] }
            }
            var end = bytes.count
            if endsWith("'s", before: end) { end -= 2 }
            for suffix: StaticString in ["ing", "ed", "es", "s"]
            where end - suffix.utf8CodeUnitCount >= 3 && endsWith(suffix, before: end) {
                end -= suffix.utf8CodeUnitCount
                break
            }
            return make(UnsafeBufferPointer(rebasing: bytes[..<min(end, 5)]))
        }
    }

    /// Classifies the message being answered by the cues of `Rules/bids.yaml`: the kind
    /// with the most matching cues wins, earlier kinds break ties.
    func readBid(_ context: String) -> Bid {
        let last = lastReply.flatMap { $0.text.original == context ? $0 : nil }
        let tokenized = last?.text ?? pipeline.tokenize(context)
        var feelings: [String] = []
        for match in feelingMatches(in: tokenized) {
            let words = tokenized.words(match.start..<match.end).joined(separator: " ")
            if !feelings.contains(words) { feelings.append(words) }
        }
        // One pass of the bid automaton serves the kind, the mirrored words and thanks.
        let matches = bidMatches(in: tokenized)
        var bid = Bid(kind: bidKind(matches), feelings: feelings, theirWords: theirWords(matches, in: tokenized))
        bid.topics = topics(of: tokenized)
        bid.thanks = matches.contains {
            bidPatterns[Int($0.pattern)].owner == engine.ruleSet.bids.thanksGroup
        }
        bid.language = last?.language ?? languageGuesser.guess(context)
        bid.aboutReplier = bid.kind == .complaint && tokenized.tokens.contains { cues.secondPerson.contains($0.id) }
        return bid
    }

    /// The longest `{their_words}` a mirror pattern captures in the message, turned around.
    func theirWords(_ matches: [PatternMatch], in tokenized: TokenizedText) -> String? {
        let mirrorGroup = engine.ruleSet.bids.mirrorGroup
        let aligner = PatternAligner(lexicon: engine.ruleSet.lexicon, text: tokenized)
        var best: Range<Int>?
        for match in matches where bidPatterns[Int(match.pattern)].owner == mirrorGroup {
            let info = bidPatterns[Int(match.pattern)]
            let pattern = engine.ruleSet.bids.mirror[info.ordinal]
            guard let range = aligner.captures(pattern.elements, match.start..<match.end)["their_words"],
                !range.isEmpty,
                range.count > (best?.count ?? 0)
            else { continue }
            best = range
        }
        guard let best else { return nil }
        let words = tokenized.excerpt(
            utf16: tokenized.tokens[best.lowerBound].start..<tokenized.tokens[best.upperBound - 1].end)
        return Pronouns.turnAround(words)
    }

    func bidKind(_ matches: [PatternMatch]) -> BidKind {
        // Counted on the stack: an array of counts was an allocation per message read.
        let best = withUnsafeTemporaryAllocation(of: Int.self, capacity: engine.ruleSet.bids.kinds.count) {
            counts -> Int? in
            counts.initialize(repeating: 0)
            for match in matches where bidPatterns[Int(match.pattern)].owner < counts.count {
                counts[bidPatterns[Int(match.pattern)].owner] += 1
            }
            let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }
            return best.flatMap { counts[$0] > 0 ? $0 : nil }
        }
        return best.map { engine.ruleSet.bids.kinds[$0].kind } ?? .neutral
    }
}

/// What `Analyzer.topics(of:)` knows of a vocabulary word: its stem, once read, and
/// the last pass that took it. One value per word: the pass fits in the stem's padding,
/// so a second array (and its pages, touched at every start) is not needed.
struct KnownWord {
    var stem = KnownStem.unread
    var pass: UInt32 = 0
}

/// A vocabulary word's topic stem, as `Analyzer.topics(of:)` knows it.
enum KnownStem {
    case unread
    /// A function word, or shorter than three characters.
    case noStem
    case stem(Stem)
}
