import AttuneCore
import AttuneRules
import AttuneText

/// Warnings for patterns written as sentences rather than as rules: a long choice of
/// words spelled out inline, or one that repeats a shared word list. Such a pattern
/// matches the phrasings its author thought of that day, and the next author's list
/// drifts from it; a list in `lexicon/` is shared, named and grows in one place.
///
/// These are warnings, never errors: the pattern works, it is just harder to keep.
package enum StyleLint {
    /// More alternatives than this in one `(a|b|...)` group or `a|b|c` choice reads as
    /// a word list written out. Eight keeps the usual small closed sets inline (modal
    /// verbs, tenses of one verb, "this|that|it") and flags enumerations of a vocabulary.
    static let maximumAlternatives = 8
    /// A choice whose single-word alternatives are at least this many entries of one
    /// list, and at least `sharedFraction` of them, should name the list.
    static let minimumShared = 3
    static let sharedFraction = 0.75

    /// Checks every pattern, with the lexicon's lists as the known vocabulary.
    package static func check(_ patterns: [Pattern], lexicon: Lexicon, log: inout DiagnosticLog) {
        // Which shared lists hold each single word, built once: each choice then costs
        // its length. Only the shared lists (`lexicon/wordlists.yaml`) are suggested: a
        // category's own lists are grab bags for its patterns ("you, it, nothing, the"
        // after "at least"), and naming one elsewhere would tie two rule files together.
        var listsOfWord: [String: [String]] = [:]
        for name in lexicon.lists.keys.sorted() where isShared(lexicon.lists[name]) {
            for entry in lexicon.lists[name]?.entries ?? [] where entry.count == 1 {
                listsOfWord[entry[0], default: []].append(name)
            }
        }
        for pattern in patterns {
            for alternation in pattern.alternations {
                let location = pattern.location.shifted(by: alternation.offset)
                if let (list, shared, words) = sharedList(alternation, listsOfWord, lexicon) {
                    let size = lexicon.lists[list]?.entries.count ?? 0
                    log.warning(
                        location,
                        "in pattern \"\(pattern.source)\": \(shared) of the \(words) single words of "
                            + "\(Self.quote(alternation)) are entries of @\(list) (\(size) entries); "
                            + "write @\(list) so the rules share one vocabulary")
                } else if alternation.alternatives.count > maximumAlternatives {
                    log.warning(
                        location,
                        "in pattern \"\(pattern.source)\": \(alternation.alternatives.count) alternatives in "
                            + "\(Self.quote(alternation)) (more than \(maximumAlternatives)) read as a word list "
                            + "written out; move them to a shared list in lexicon/ and write @name")
                }
            }
        }
    }

    /// The list most of the choice's single words belong to, if it passes the
    /// thresholds: the one holding the most of them, then the smallest (the closest
    /// fit), then the first by name.
    private static func sharedList(
        _ alternation: PatternParser.Alternation, _ listsOfWord: [String: [String]], _ lexicon: Lexicon
    ) -> (list: String, shared: Int, words: Int)? {
        var words: Set<String> = []
        for alternative in alternation.alternatives where isPlainWord(alternative) { words.insert(alternative) }
        guard words.count >= minimumShared else { return nil }
        var counts: [String: Int] = [:]
        for word in words {
            for list in listsOfWord[word] ?? [] { counts[list, default: 0] += 1 }
        }
        let size = { (name: String) in lexicon.lists[name]?.entries.count ?? 0 }
        let best = counts.filter {
            $0.value >= minimumShared && Double($0.value) >= sharedFraction * Double(words.count)
        }.min { a, b in
            (a.value, -size(a.key), b.key) > (b.value, -size(b.key), a.key)
        }
        return best.map { ($0.key, $0.value, words.count) }
    }

    /// A list of `lexicon/wordlists.yaml`, the lists every rule is meant to use.
    static func isShared(_ list: WordList?) -> Bool {
        guard let file = list?.location.file else { return false }
        return file == sharedListFile || file.hasSuffix("/" + sharedListFile)
    }

    static let sharedListFile = "wordlists.yaml"

    /// One word as written: no spaces, no pattern syntax.
    private static func isPlainWord(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { $0.isWhitespace || "@_!?<>{}[]()".contains($0) }
    }

    /// The choice as written, shortened to its first alternatives when long.
    private static func quote(_ alternation: PatternParser.Alternation) -> String {
        let shown = alternation.alternatives.prefix(4).joined(separator: "|")
        return "(" + shown + (alternation.alternatives.count > 4 ? "|...)" : ")")
    }
}
