import AttuneCore
import Foundation

/// The shared vocabulary of the rules: how raw tokens are normalized (expansions of
/// contractions and chat spellings) and the named word lists patterns use as `@name`.
public struct Lexicon: Sendable {
    /// Whole-token expansions: "dont" → ["do", "not"].
    public var expansions: [String: [String]] = [:]
    /// Clitic expansions for tokens not listed above, longest suffix first.
    public var suffixes: [(suffix: String, words: [String])] = [] {
        didSet { suffixEndings = Set(suffixes.compactMap { $0.suffix.unicodeScalars.last }) }
    }
    /// The last character of every suffix: most tokens end otherwise and skip the search.
    private var suffixEndings: Set<Unicode.Scalar> = []
    /// Named word lists; each entry is a sequence of normalized words.
    public var lists: [String: WordList] = [:]

    public init() {}

    /// The normalized words a casefolded, squeezed token stands for.
    func expand(_ token: String) -> [String]? {
        if let words = expansions[token] { return words }
        guard let last = token.unicodeScalars.last, suffixEndings.contains(last) else { return nil }
        for (suffix, words) in suffixes where token.count > suffix.count && token.hasSuffix(suffix) {
            // The stem is a token of its own: "u'll" is "you will", not "u will".
            let stem = String(token.dropLast(suffix.count))
            return (expansions[stem] ?? [stem]) + words
        }
        return nil
    }

    /// Words of a list that the engine reads itself, as a set (empty when absent).
    package func words(of list: String) -> Set<String> {
        Set(lists[list]?.entries.compactMap { $0.count == 1 ? $0[0] : nil } ?? [])
    }
}

/// A named list of entries, each one or more normalized words.
public struct WordList: Sendable {
    public var name: String
    /// Read from compiled rules on first use (`Deferred`): a reply reaches few lists.
    public var entries: [[String]] {
        get { storedEntries.value.all }
        set { storedEntries = Deferred(ListEntries(newValue)) }
    }
    /// The entries with their index by first word.
    package var indexed: ListEntries { storedEntries.value }
    package var storedEntries: Deferred<ListEntries>
    public var location: SourceLocation
    /// Where each entry stands, for diagnostics.
    public var entryLocations: [SourceLocation] = []

    /// Memberwise, for the loaders in other targets.
    package init(
        name: String,
        entries: [[String]],
        location: SourceLocation,
        entryLocations: [SourceLocation] = []
    ) {
        self.name = name
        self.storedEntries = Deferred(ListEntries(entries))
        self.location = location
        self.entryLocations = entryLocations
    }
}

/// A word list's entries, indexed by their first word: aligning a match asks which
/// entries can start at a token, and reading a list of hundreds of phrases whole at
/// every position tried was most of an alignment's cost. Built when the entries are
/// (read from compiled rules on first use, like them); archived as the entries alone.
package struct ListEntries: Sendable {
    package let all: [[String]]
    /// Indices into `all` by the entry's first word.
    private let byFirstWord: [String: [Int]]
    /// How many entries have no words (each matches zero tokens).
    package let emptyCount: Int

    package init(_ all: [[String]]) {
        self.all = all
        var index: [String: [Int]] = [:]
        for (position, entry) in all.enumerated() {
            if let first = entry.first { index[first, default: []].append(position) }
        }
        byFirstWord = index
        emptyCount = all.count { $0.isEmpty }
    }

    /// The indices of the entries whose first word is `word`, in list order.
    package func entries(startingWith word: String) -> [Int] { byFirstWord[word] ?? [] }
}

/// What a pattern word or list entry must look like to ever match: the form the text
/// pipeline produces.
package enum NormalizationContract {
    /// Why `word` can never appear as a normalized token, or nil when it can.
    package static func problem(with word: String, lexicon: Lexicon) -> String? {
        // Most words are plain lowercase ASCII: only expansion can be wrong with them.
        if word.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x27 }) {
            guard let words = lexicon.expand(word), words != [word] else { return nil }
            return "'\(word)' never reaches a pattern: normalization turns it into '\(words.joined(separator: " "))'"
        }
        if word != word.lowercased() {
            return "'\(word)' has capitals, but tokens are case-folded: write '\(word.lowercased())'"
        }
        if word.unicodeScalars.contains(where: { "\u{2018}\u{2019}\u{201C}\u{201D}".unicodeScalars.contains($0) }) {
            return "'\(word)' has a curly quote, but quotes are folded to straight ones"
        }
        if let words = lexicon.expand(word), words != [word] {
            return "'\(word)' never reaches a pattern: normalization turns it into '\(words.joined(separator: " "))'"
        }
        if let bad = word.unicodeScalars.first(where: { ",.;:!?()[]{}\"/".unicodeScalars.contains($0) }) {
            return "'\(word)' contains '\(bad)', but punctuation is never part of a token"
        }
        if word.count > 1, word.hasPrefix("-") || word.hasSuffix("-") || word.contains("-") {
            return
                "'\(word)' contains '-', but hyphenated words are split: write '\(word.replacingOccurrences(of: "-", with: " "))'"
        }
        return nil
    }
}
