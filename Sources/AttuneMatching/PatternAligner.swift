import AttuneCore
import AttuneRules
import AttuneText

/// For `attune explain`: which tokens of a match each pattern element took. The
/// automaton only reports where a match starts and ends; this re-walks one pattern
/// over that short span (a few tokens) to show the alignment.
package struct PatternAligner {
    package let lexicon: Lexicon
    package let text: TokenizedText
    private var tokens: [Token] { text.tokens }
    /// The vocabulary's words, read once: a token's spelling through `text.vocabulary`
    /// copied the vocabulary at each comparison.
    private let vocabularyWords: [String]

    /// The token ranges of the named captures of a match.
    package func captures(_ elements: [PatternElement], _ range: Range<Int>) -> [String: Range<Int>] {
        var result: [String: Range<Int>] = [:]
        guard let steps = align(elements, range) else { return result }
        for (element, step) in zip(elements, steps) {
            if case .capture(let name, _) = element { result[name] = step.tokens }
        }
        return result
    }

    /// The tokens of a match that the pattern took with its own words (a word, a word
    /// list, inside groups and captures too), as opposed to tokens a wildcard let
    /// through (`_`, `_{m,n}`, `!word`); nil if no alignment exists. An `unless` that
    /// touches such a token re-reads what the rule asked for, so it cancels the match;
    /// one that covers only wildcard tokens is another phrase inside it.
    package func ownWords(_ elements: [PatternElement], _ range: Range<Int>) -> [Int]? {
        var failures: Failures? = Failures(elements: elements.count, span: range)
        return ownWords(elements[...], from: range.lowerBound, to: range.upperBound, failures: &failures)
    }

    /// Which tails of a match's elements were found not to align from which token.
    /// Without them, a tail that cannot end the match was walked again for every way
    /// the elements before it could take the tokens: a search exponential in its gaps
    /// and groups. With them, each (tail, token) pair is tried once.
    private struct Failures {
        private var marks: [Bool]
        private let span: Range<Int>

        init(elements: Int, span: Range<Int>) {
            (marks, self.span) = (Array(filledWith: false, count: (elements + 1) * (span.count + 1)), span)
        }

        private func key(_ tail: Int, _ position: Int) -> Int { tail * (span.count + 1) + position - span.lowerBound }
        func contains(tail: Int, at position: Int) -> Bool { marks[key(tail, position)] }
        mutating func insert(tail: Int, at position: Int) { marks[key(tail, position)] = true }
    }

    /// Whether a match of `elements` takes every token with the pattern's own words:
    /// nothing in them lets a token through (`_`, `_{m,n}`, `!word`), so `ownWords`
    /// of any match is all of it.
    package static func takesOnlyOwnWords(_ elements: [PatternElement]) -> Bool {
        elements.allSatisfy { element in
            switch element {
            case .any, .none, .gap: false
            case .word, .list, .focusStart, .focusEnd, .sentenceStart, .sentenceEnd, .clauseStart: true
            case .group(let alternatives): alternatives.allSatisfy(takesOnlyOwnWords)
            case .optional(let inner): takesOnlyOwnWords([inner])
            case .capture(_, let inner): takesOnlyOwnWords(inner)
            }
        }
    }

    /// `failures` is kept for the match's own elements only (nil inside a group or a
    /// capture, whose elements are another array's).
    private func ownWords(
        _ elements: ArraySlice<PatternElement>, from position: Int, to end: Int, failures: inout Failures?
    ) -> [Int]? {
        guard let element = elements.first else { return position == end ? [] : nil }
        if failures?.contains(tail: elements.startIndex, at: position) == true { return nil }
        for length in lengths(of: element, at: position, end: end) {
            guard let inner = ownWords(of: element, position..<(position + length)),
                let tail = ownWords(elements.dropFirst(), from: position + length, to: end, failures: &failures)
            else { continue }
            return inner + tail
        }
        failures?.insert(tail: elements.startIndex, at: position)
        return nil
    }

    private func ownWords(of element: PatternElement, _ span: Range<Int>) -> [Int]? {
        switch element {
        case .word, .list: return Array(span)
        case .any, .none, .gap, .focusStart, .focusEnd, .sentenceStart, .sentenceEnd, .clauseStart: return []
        case .group(let alternatives):
            var none: Failures? = nil
            for alternative in alternatives {
                if let words = ownWords(alternative[...], from: span.lowerBound, to: span.upperBound, failures: &none) {
                    return words
                }
            }
            return nil
        case .optional(let inner): return span.isEmpty ? [] : ownWords(of: inner, span)
        case .capture(_, let inner):
            var none: Failures? = nil
            return ownWords(inner[...], from: span.lowerBound, to: span.upperBound, failures: &none)
        }
    }

    /// Element descriptions with the tokens each consumed, or nil if no alignment exists.
    package func align(_ elements: [PatternElement], _ range: Range<Int>) -> [(element: String, tokens: Range<Int>)]? {
        align(elements[...], from: range.lowerBound, to: range.upperBound)
    }

    private func align(_ elements: ArraySlice<PatternElement>, from position: Int, to end: Int)
        -> [(element: String, tokens: Range<Int>)]?
    {
        guard let element = elements.first else { return position == end ? [] : nil }
        let rest = elements.dropFirst()
        for length in lengths(of: element, at: position, end: end) {
            if let tail = align(rest, from: position + length, to: end) {
                return [(Self.describe(element), position..<(position + length))] + tail
            }
        }
        return nil
    }

    /// The token counts `element` can consume at `position`, longest first.
    private func lengths(of element: PatternElement, at position: Int, end: Int) -> [Int] {
        let available = end - position
        switch element {
        case .word(let words):
            return available > 0 && words.contains(where: { token(position, is: $0) }) ? [1] : []
        case .list(let name):
            // Only the entries that start with the token's word are read: a list of
            // hundreds of phrases read whole at every position the alignment tried cost
            // a fifth of a million instructions for some matches.
            guard let list = lexicon.lists[name]?.indexed else { return [] }
            var result = [Int](filledWith: 0, count: list.emptyCount)
            if available > 0, let first = word(at: position) {
                for index in list.entries(startingWith: first) {
                    let entry = list.all[index]
                    guard entry.count <= available,
                        entry.indices.dropFirst().allSatisfy({ token(position + $0, is: entry[$0]) })
                    else { continue }
                    result.append(entry.count)
                }
            }
            return result.sorted(by: >)
        case .any:
            return available > 0 ? [1] : []
        case .none(let words, let lists):
            guard available > 0 else { return [] }
            let word = self.word(at: position)
            let excluded =
                words.contains(where: { $0 == word })
                || lists.contains { name in
                    guard let word, let list = lexicon.lists[name]?.indexed else { return false }
                    return list.entries(startingWith: word).contains { list.all[$0].count == 1 }
                }
            return excluded ? [] : [1]
        case .gap(let minimum, let maximum):
            return Array((minimum...min(maximum, max(minimum, available))).reversed()).filter { $0 <= available }
        case .group(let alternatives):
            var reached = [Bool](filledWith: false, count: available + 1)
            for alternative in alternatives {
                for stop in ends(alternative[...], from: position, end: end) { reached[stop - position] = true }
            }
            return reached.indices.reversed().filter { reached[$0] }
        case .optional(let inner):
            return Array(Set(lengths(of: inner, at: position, end: end) + [0])).sorted(by: >)
        case .capture(_, let inner):
            return lengths(of: .group([inner]), at: position, end: end)
        case .focusStart, .focusEnd, .sentenceStart, .sentenceEnd, .clauseStart:
            return [0]
        }
    }

    /// Every position up to `end` at which `elements` can end when started at `position`:
    /// one pass forward over the elements, where aligning the group once per length it
    /// might take cost a search each, nested groups multiplying them.
    private func ends(_ elements: ArraySlice<PatternElement>, from position: Int, end: Int) -> [Int] {
        var reached = [Bool](filledWith: false, count: end - position + 1)
        reached[0] = true
        for element in elements {
            var next = [Bool](filledWith: false, count: reached.count)
            for offset in reached.indices where reached[offset] {
                for length in lengths(of: element, at: position + offset, end: end) { next[offset + length] = true }
            }
            reached = next
        }
        return reached.indices.filter { reached[$0] }.map { position + $0 }
    }

    /// Whether token `position` is `word`: a pattern's words are all in the vocabulary,
    /// so an unknown token is none of them and a known one is its spelling. Comparing
    /// the spelling, not looking the word's id up, keeps a long list's walk cheap.
    private func token(_ position: Int, is word: String) -> Bool {
        self.word(at: position) == word
    }

    /// The spelling of token `position` if the vocabulary knows it (else no pattern
    /// word can be it).
    private func word(at position: Int) -> String? {
        let id = tokens[position].id
        return id == Vocabulary.unknown ? nil : vocabularyWords[Int(id)]
    }

    package static func describe(_ element: PatternElement) -> String {
        switch element {
        case .word(let words): return words.joined(separator: "|")
        case .list(let name): return "@" + name
        case .any: return "_"
        case .none(let words, let lists): return "!" + (words + lists.map { "@" + $0 }).joined(separator: "|")
        case .gap(let minimum, let maximum): return "_{\(minimum),\(maximum)}"
        case .group(let alternatives):
            return "(" + alternatives.map { $0.map(describe).joined(separator: " ") }.joined(separator: "|") + ")"
        case .optional(let inner): return describe(inner) + "?"
        case .capture(let name, let inner): return "{\(name): " + inner.map(describe).joined(separator: " ") + "}"
        case .focusStart: return "["
        case .focusEnd: return "]"
        case .sentenceStart: return "<s>"
        case .sentenceEnd: return "</s>"
        case .clauseStart: return "<c>"
        }
    }

    package init(lexicon: Lexicon, text: TokenizedText) {
        self.lexicon = lexicon
        self.text = text
        vocabularyWords = text.vocabulary.words
    }
}
