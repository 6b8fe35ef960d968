import Foundation

/// One normalized token of a reply, with the span it came from.
///
/// A contraction or chat spelling expands into several tokens ("don't" → "do", "not"),
/// all pointing at the same original span, so a finding always highlights whole words
/// the person actually wrote.
public struct Token: Sendable, Equatable {
    /// The normalized form patterns are written against ("you", "are", "🙄").
    public var text: String
    /// The interned id of `text` in the rule set's vocabulary, or `Vocabulary.unknown`.
    public var id: Int32
    /// UTF-16 offsets of the original span in the reply.
    public var start: Int
    public var end: Int
    /// Index of the sentence this token belongs to.
    public var sentence: Int
    public var flags: Flags

    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// First token of a clause: sentence start, or after `,` `;` `:` or a dash.
        public static let clauseStart = Flags(rawValue: 1 << 0)
        /// Inside quotation marks.
        public static let quoted = Flags(rawValue: 1 << 1)
        /// Reported speech: after "you said", "she told me" in the same clause.
        public static let reported = Flags(rawValue: 1 << 2)
        public static let emoji = Flags(rawValue: 1 << 3)
        /// Part of a chat abbreviation that expanded into a phrase ("idk" → "i do not
        /// know"): its negator belongs to the phrase and negates nothing around it.
        public static let idiom = Flags(rawValue: 1 << 4)
    }
}

/// A sentence as a range of tokens.
public struct Sentence: Sendable, Equatable {
    public var tokens: Range<Int>
    /// UTF-16 offsets of the sentence in the reply.
    public var start: Int
    public var end: Int
    /// Ends with a question mark.
    public var isQuestion: Bool
}

/// A reply after the text pipeline: normalized tokens, sentences, and the way back
/// to the original characters.
public struct TokenizedText: Sendable {
    public let original: String
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// `codePointOffsets[u]` is the code point offset of UTF-16 offset `u`.
    let codePointOffsets: [Int32]
    /// The original's UTF-16 units, kept so that excerpts and word bounds cost the length
    /// of what they read, not of the whole reply (a dense reply has a finding per word).
    package let utf16: [UInt16]

    init(original: String, tokens: [Token], sentences: [Sentence], codePointOffsets: [Int32]) {
        self.original = original
        self.tokens = tokens
        self.sentences = sentences
        self.codePointOffsets = codePointOffsets
        utf16 = Array(original.utf16)
    }

    /// Converts a UTF-16 offset into a code point offset (the JSON contract's unit).
    public func codePointOffset(ofUTF16 offset: Int) -> Int {
        Int(codePointOffsets[offset])
    }

    /// The original text between two UTF-16 offsets.
    public func excerpt(utf16 range: Range<Int>) -> String {
        String(decoding: utf16[range], as: UTF16.self)
    }

    /// The word `range` sits in, as a reader splits words: out to the spaces around it,
    /// without punctuation or symbols at its ends ("1:1," → "1:1").
    public func units(around range: Range<Int>) -> Range<Int> {
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }
        func isEdge(_ unit: UInt16) -> Bool {
            guard let scalar = Unicode.Scalar(unit) else { return false }
            return Self.edges.contains(scalar)
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower > 0, !isSpace(utf16[lower - 1]) { lower -= 1 }
        while upper < utf16.count, !isSpace(utf16[upper]) { upper += 1 }
        while lower < range.lowerBound, isEdge(utf16[lower]) { lower += 1 }
        while upper > range.upperBound, isEdge(utf16[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Punctuation and symbols, built once rather than for every character tested.
    private static let edges = CharacterSet.punctuationCharacters.union(.symbols)
}
