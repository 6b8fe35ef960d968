/// Writes an attuned version of a reply: attuned and neutral sentences stay word for
/// word, each misattuned sentence gives way to an attuned one of the same intent (ask
/// before advising, accept the feeling, own your part, a pause that promises to come
/// back), a validation opens the reply when it has none, mirroring the feeling the
/// other person named, and the names, times, places and numbers of replaced sentences
/// are kept. A reply with no misattuned finding comes back unchanged.
struct Rewriter {
    let templates: RewriteTemplates
    /// The finding for turning away from a bid: it has no sentence of its own to replace.
    let turnedAwayRule: String

    /// `mirror`: open with their own words turned around, when the bid has them.
    func rewrite(_ text: TokenizedText, findings: [Finding], bid: Bid?, mirror: Bool) -> String {
        let misattuned = findings.filter { $0.polarity == .misattuned }
        guard !misattuned.isEmpty else { return text.original }
        var pieces: [String] = []
        var facts: [String] = []
        var emitted: Set<String> = []
        let units = text.utf16
        let heaviestBySentence = heaviest(misattuned, text)
        var cursor = 0
        for (index, sentence) in text.sentences.enumerated() {
            let end = index + 1 < text.sentences.count ? text.sentences[index + 1].start : units.count
            guard let heaviest = heaviestBySentence[index] else {
                pieces.append(String(decoding: units[cursor..<end], as: UTF16.self))
                cursor = end
                continue
            }
            // Leading text before the sentence (spaces, a lost quote) stays.
            pieces.append(String(decoding: units[cursor..<sentence.start], as: UTF16.self))
            let replacement = templates.replace[heaviest.category] ?? templates.openWithoutFeeling
            if emitted.insert(replacement).inserted {
                pieces.append(replacement + trailingSpace(units[sentence.start..<end]))
            }
            facts += self.facts(in: sentence, text)
            cursor = end
        }
        pieces.append(String(decoding: units[cursor...], as: UTF16.self))
        var body = pieces.joined()
        let distinct = unique(facts)
        let present = PhraseSearch(distinct).found(in: body)
        let missing = distinct.filter { !present.contains($0) }
        if !missing.isEmpty, let sentence = Template.fill(templates.facts, ["facts": Self.list(missing)]) {
            body = Self.join(body, sentence)
        }
        if !findings.contains(where: { $0.polarity == .attuned && $0.discount == nil }) {
            body = Self.join(opener(for: bid, mirror: mirror), body)
        }
        return body.trimmingTrailingWhitespace()
    }

    /// Per sentence, the heaviest misattuned finding over it (the first on a tie): one
    /// pass over the findings, each marking the sentences its tokens reach.
    private func heaviest(_ misattuned: [Finding], _ text: TokenizedText) -> [Finding?] {
        var result = [Finding?](repeating: nil, count: text.sentences.count)
        for finding in misattuned where finding.rule != turnedAwayRule && !finding.tokens.isEmpty {
            let first = text.tokens[finding.tokens.lowerBound].sentence
            let last = text.tokens[finding.tokens.upperBound - 1].sentence
            for sentence in first...last where finding.weight > (result[sentence]?.weight ?? -.infinity) {
                result[sentence] = finding
            }
        }
        return result
    }

    /// A validation that names their feeling when the message named one.
    private func opener(for bid: Bid?, mirror: Bool) -> String {
        if bid?.kind == .goodNews { return templates.openForGoodNews }
        if bid?.kind == .complaint { return templates.openForComplaint }
        if mirror, let words = bid?.theirWords,
            let text = Template.fill(templates.openWithTheirWords, ["their_words": words])
        {
            return text
        }
        if let feeling = bid?.feelings.first, let text = Template.fill(templates.openWithFeeling, ["feeling": feeling])
        {
            return text
        }
        return templates.openWithoutFeeling
    }

    /// Names (capitalized words inside a sentence), numbers and times, as written.
    private func facts(in sentence: Sentence, _ text: TokenizedText) -> [String] {
        var result: [String] = []
        var lastSpan = -1..<(-1)
        var skipUntil = 0
        for index in sentence.tokens {
            let token = text.tokens[index]
            let span = token.start..<token.end
            guard span != lastSpan, span.lowerBound >= skipUntil, !token.flags.contains(.emoji) else { continue }
            lastSpan = span
            var word = text.excerpt(utf16: span)
            let isNumber = word.contains(where: \.isNumber)
            // "1:1", "24/7", "9.30": a number is kept as written, up to the spaces around
            // it, not as the digits its tokens split it into.
            if isNumber {
                let whole = text.units(around: span)
                word = text.excerpt(utf16: whole)
                lastSpan = whole
                skipUntil = whole.upperBound
            }
            let isName =
                index != sentence.tokens.lowerBound && word.first?.isUppercase == true
                && word.dropFirst().contains(where: \.isLowercase) && !Self.pronouns.contains(token.text)
            if isNumber || isName { result.append(word) }
        }
        return result
    }

    private static let pronouns: Set<String> = ["i", "i'm", "i've", "i'll", "i'd", "am"]

    private func trailingSpace(_ units: ArraySlice<UInt16>) -> String {
        let tail = units.reversed().prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
        return tail.isEmpty ? " " : String(decoding: tail.reversed(), as: UTF16.self)
    }

    private func unique(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }
    }

    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    static func join(_ first: String, _ second: String) -> String {
        let a = first.trimmingTrailingWhitespace()
        let b = second.drop { $0 == " " }
        if a.isEmpty { return String(b) }
        if b.isEmpty { return a }
        return a + " " + b
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
