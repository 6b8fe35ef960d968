/// Interned token ids: every word a pattern or word list can name gets a small integer,
/// so the matcher compares integers, never strings.
///
/// The engine adds its own cue words after the rules' words (`internCueWord`), so that
/// the few places that compare a token with a fixed word compare ids too. Those ids are
/// past every automaton's tables, which read them as unknown, and they do not make a
/// word "known" to squeezing: a cue word behaves as any other word the rules do not name.
public struct Vocabulary: Sendable {
    /// The id of any token no pattern names.
    public static let unknown: Int32 = -1

    /// The ASCII words (nearly all), keyed by their units: the tokenizer's common case
    /// looks a word up without making a `String` of it, and compiled rules carry the
    /// table as it is, so reading them hashes no word.
    var asciiWords = UnitTable()
    /// The other words, by their text.
    var otherWords: [String: Int32] = [:]
    package internal(set) var words: [String] = []
    /// Ids below this are words of the rules; the rest are the engine's cue words.
    package internal(set) var ruleWordCount = Int32.max

    public init() {}

    @discardableResult
    package mutating func intern(_ word: String) -> Int32 {
        let id = Int32(words.count)
        if Self.isASCII(word) {
            let interned = asciiWords.insert(word.utf16, value: id)
            if interned == id { words.append(word) }
            return interned
        }
        if let known = otherWords[word] { return known }
        otherWords[word] = id
        words.append(word)
        return id
    }

    /// Interns a word the engine compares tokens with; the rules' words end here.
    @discardableResult
    package mutating func internCueWord(_ word: String) -> Int32 {
        if ruleWordCount == .max { ruleWordCount = Int32(words.count) }
        return intern(word)
    }

    public func id(of word: String) -> Int32 {
        guard Self.isASCII(word) else { return otherWords[word] ?? Self.unknown }
        return Self.withUnits(ofASCII: word) { id(ofASCII: $0) }
    }

    /// `body` given the UTF-16 units of an ASCII `word`, widened on the stack from its
    /// bytes: how a `String` is looked up in a `UnitTable`.
    static func withUnits<Result>(ofASCII word: String, _ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        var word = word
        return word.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: utf8.count) { units in
                for index in utf8.indices { units[index] = UInt16(utf8[index]) }
                return body(UnsafeBufferPointer(units))
            }
        }
    }

    /// Read from the string's bytes in place: the UTF-8 view's iterator cost about a
    /// dozen instructions a byte, for every word of the vocabulary at each start.
    static func isASCII(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } }
            ?? word.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The id of the ASCII word spelled by `units`, or `unknown`.
    package func id(ofASCII units: UnsafeBufferPointer<UInt16>) -> Int32 { asciiWords.find(units) ?? Self.unknown }

    public func contains(_ word: String) -> Bool { id(of: word) != Self.unknown }

    /// A word of the rules (not unknown, not one of the engine's cue words): what
    /// squeezing ("sooo" → "so") calls known.
    package func isRuleWord(_ id: Int32) -> Bool { id >= 0 && id < ruleWordCount }

    /// The word an id stands for (not `unknown`).
    public func word(of id: Int32) -> String { words[Int(id)] }

    public var count: Int { words.count }
}

/// A vocabulary behind one reference, for what is made per reply and keeps one (every
/// `TokenizedText`): a `Vocabulary` copied retains six references.
package final class SharedVocabulary: Sendable {
    package let vocabulary: Vocabulary

    package init(_ vocabulary: Vocabulary) { self.vocabulary = vocabulary }
}

/// A set of words as a bit per vocabulary id, built once per engine: membership of a
/// token is one load, and an unknown token is in no set.
package struct WordIDs: Sendable {
    private var bits: [UInt64]

    /// The ids of `words`; every one must already be interned (words a lexicon list or
    /// `Vocabulary.internCueWord` put there).
    package init(_ words: some Sequence<String>, in vocabulary: Vocabulary) {
        bits = Array(repeating: 0, count: vocabulary.count / 64 + 1)
        for word in words {
            let id = vocabulary.id(of: word)
            precondition(id != Vocabulary.unknown, "'\(word)' was never interned")
            bits[Int(id) >> 6] |= 1 << (UInt64(id) & 63)
        }
    }

    package func contains(_ id: Int32) -> Bool {
        guard id >= 0, Int(id) >> 6 < bits.count else { return false }
        return bits[Int(id) >> 6] & (1 << (UInt64(id) & 63)) != 0
    }
}
