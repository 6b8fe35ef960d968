import Foundation

/// One normalized token of a reply, with the span it came from.
///
/// A contraction or chat spelling expands into several tokens ("don't" → "do", "not"),
/// all pointing at the same original span, so a finding always highlights whole words
/// the person actually wrote.
///
/// A token holds no `String`: its normalized form ("you", "are", "🙄") is an id in the
/// engine's vocabulary, or, for a word no rule names, letters kept in the reply's
/// `TokenizedText` (`TokenizedText.word(at:)` spells either).
public struct Token: Sendable, Equatable {
    /// The interned id of the normalized form, or `Vocabulary.unknown`.
    public var id: Int32
    /// For an unknown id, where its normalized letters sit in `TokenizedText.letters`.
    var letters: Range<Int32>
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
///
/// Immutable, and a class: an analysis hands it from stage to stage and keeps it for
/// the next turn's bid, and as a struct each copy retained its seven buffers.
public final class TokenizedText: Sendable {
    public let original: String
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// The vocabulary the ids of `tokens` come from.
    package var vocabulary: Vocabulary { sharedVocabulary.vocabulary }
    /// Held by one reference: a text is made for the reply, each sentence read alone and
    /// each rewrite, and a `Vocabulary` held by value retained six references with each.
    private let sharedVocabulary: SharedVocabulary
    /// The normalized letters of the unknown tokens, one after another: one buffer per
    /// reply instead of a `String` per token.
    package let letters: [UInt16]
    /// UTF-16 offsets of the second units of surrogate pairs, ascending: all a code point
    /// offset needs, and empty for the common reply without astral characters.
    let pairTails: [Int32]
    /// The original's UTF-16 units, kept so that excerpts and word bounds cost the length
    /// of what they read, not of the whole reply (a dense reply has a finding per word).
    package let utf16: [UInt16]
    /// Every unit of the original is ASCII (as many units as bytes).
    private let isASCII: Bool

    init(
        original: String, tokens: [Token], sentences: [Sentence], vocabulary: SharedVocabulary, letters: [UInt16],
        pairTails: [Int32], utf16: [UInt16]? = nil
    ) {
        self.original = original
        self.tokens = tokens
        self.sentences = sentences
        sharedVocabulary = vocabulary
        self.letters = letters
        self.pairTails = pairTails
        self.utf16 = utf16 ?? original.utf16Units
        isASCII = self.utf16.count == original.utf8.count
    }

    /// Sentence `index` as a text of its own, `words` (its excerpt over `range`, without
    /// the spaces at its ends): the tokens that tokenizing those words alone would give,
    /// taken from this text instead. Nil when a token of it is quoted: quotation marks
    /// pair across sentences, so those words alone may read otherwise.
    package func sentence(_ index: Int, alone words: String, range: Range<Int>) -> TokenizedText? {
        let sentence = sentences[index]
        var tokens = Array(self.tokens[sentence.tokens])
        let shift = range.lowerBound
        for position in tokens.indices {
            if tokens[position].flags.contains(.quoted) { return nil }
            tokens[position].start -= shift
            tokens[position].end -= shift
            tokens[position].sentence = 0
        }
        let alone = Sentence(
            tokens: 0..<tokens.count, start: tokens.first.map(\.start) ?? 0, end: range.count,
            isQuestion: sentence.isQuestion)
        // The tails before an offset number the offset less its code point offset.
        let tails = pairTails[
            (range.lowerBound - codePointOffset(ofUTF16: range.lowerBound))..<(range.upperBound
                - codePointOffset(ofUTF16: range.upperBound))
        ]
        .map { $0 - Int32(shift) }
        return TokenizedText(
            original: words, tokens: tokens, sentences: tokens.isEmpty ? [] : [alone],
            vocabulary: sharedVocabulary, letters: letters, pairTails: tails, utf16: Array(utf16[range]))
    }

    /// Converts a UTF-16 offset into a code point offset (the JSON contract's unit): the
    /// offset less the pair tails before it, found by binary search, so only the offsets
    /// asked for (those of findings) cost anything.
    public func codePointOffset(ofUTF16 offset: Int) -> Int {
        var low = 0
        var high = pairTails.count
        while low < high {
            let middle = (low + high) / 2
            if Int(pairTails[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return offset - low
    }

    /// The normalized form of token `index` ("you", "🙄", or an unknown word's letters),
    /// made on demand for output and the few checks that read letters.
    public func word(at index: Int) -> String {
        let token = tokens[index]
        if token.id != Vocabulary.unknown { return vocabulary.word(of: token.id) }
        return letters[Int(token.letters.lowerBound)..<Int(token.letters.upperBound)].withUnsafeBufferPointer(
            Self.string(utf16:))
    }

    /// The normalized forms of `range`'s tokens, for output ("Normalized: …").
    public func words(_ range: Range<Int>) -> [String] { range.map(word(at:)) }

    /// Whether token `index` is one of `words`.
    package func token(_ index: Int, isIn words: WordIDs) -> Bool { words.contains(tokens[index].id) }

    /// The original text between two UTF-16 offsets. An ASCII original's offsets are its
    /// bytes': the excerpt is copied from them, not encoded again from the units.
    public func excerpt(utf16 range: Range<Int>) -> String {
        guard isASCII else { return utf16[range].withUnsafeBufferPointer(Self.string(utf16:)) }
        var original = original
        return original.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// UTF-16 units as a `String`, encoded to UTF-8 here: `String(decoding:as:
    /// UTF16.self)` goes through a slow generic path. Counted first, so the string
    /// holds no spare capacity.
    private static func string(utf16 units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: utf8Count(units)) { bytes in encodeUTF8(units, into: bytes) }
    }

    /// The UTF-8 length of `units` as `encodeUTF8` writes them (an unpaired surrogate is
    /// U+FFFD, three bytes).
    private static func utf8Count(_ units: UnsafeBufferPointer<UInt16>) -> Int {
        var count = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            index += 1
            if unit < 0x80 {
                count += 1
            } else if unit < 0x800 {
                count += 2
            } else if (0xD800...0xDBFF).contains(unit), index < units.count, (0xDC00...0xDFFF).contains(units[index]) {
                count += 4
                index += 1
            } else {
                count += 3
            }
        }
        return count
    }

    /// Writes `units` as UTF-8 and returns the byte count; an unpaired surrogate becomes
    /// U+FFFD, as `String(decoding:as:)` repairs it.
    private static func encodeUTF8(_ units: UnsafeBufferPointer<UInt16>, into bytes: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        var count = 0
        func put(_ byte: UInt32) {
            bytes[count] = UInt8(truncatingIfNeeded: byte)
            count += 1
        }
        var index = 0
        while index < units.count {
            var scalar = UInt32(units[index])
            index += 1
            if scalar < 0x80 {
                put(scalar)
                continue
            }
            if (0xD800...0xDBFF).contains(scalar), index < units.count, (0xDC00...0xDFFF).contains(units[index]) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                index += 1
            } else if (0xD800...0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            if scalar < 0x800 {
                put(0xC0 | scalar >> 6)
            } else if scalar < 0x10000 {
                put(0xE0 | scalar >> 12)
                put(0x80 | (scalar >> 6) & 0x3F)
            } else {
                put(0xF0 | scalar >> 18)
                put(0x80 | (scalar >> 12) & 0x3F)
                put(0x80 | (scalar >> 6) & 0x3F)
            }
            put(0x80 | scalar & 0x3F)
        }
        return count
    }

    /// The original text between two UTF-16 offsets without the white space at either
    /// end: the Unicode White_Space scalars, the set Foundation's
    /// `.whitespacesAndNewlines` trims (all in the BMP, so one unit each).
    public func trimmedExcerpt(utf16 range: Range<Int>) -> String {
        excerpt(utf16: trimmed(utf16: range))
    }

    /// `range` without the white space at either end (see `trimmedExcerpt`).
    package func trimmed(utf16 range: Range<Int>) -> Range<Int> {
        func isSpace(_ unit: UInt16) -> Bool {
            // ASCII asks no table: of it, only tab to carriage return and the space are white.
            unit < 0x80
                ? unit == 0x20 || (0x09...0x0D).contains(unit) : Unicode.Scalar(unit)?.properties.isWhitespace ?? false
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(utf16[lower]) { lower += 1 }
        while upper > lower, isSpace(utf16[upper - 1]) { upper -= 1 }
        return lower..<upper
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

extension String {
    /// The text's UTF-16 units, transcoded from its UTF-8 in one pass.
    package var utf16Units: [UInt16] {
        var text = self
        return text.withUTF8 { bytes in
            // Never more units than bytes: one byte, two or three are one unit; four, two.
            // Transcoded on the stack and appended: see `Array(filledWith:count:)` for
            // why not `Array(unsafeUninitializedCapacity:)`.
            var result: [UInt16] = []
            result.reserveCapacity(bytes.count)
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: bytes.count) { units in
                let count = Self.transcode(bytes, into: units)
                result.append(contentsOf: UnsafeBufferPointer(rebasing: units[..<count]))
            }
            return result
        }
    }

    /// Valid UTF-8 (a `String`'s own) as UTF-16, in one pass: `Array(utf16)` decoded
    /// each unit through the string's index, a tenth of tokenizing a reply with emoji.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutableBufferPointer<UInt16>)
        -> Int
    {
        var read = 0
        var written = 0
        while read < bytes.count {
            // Eight ASCII bytes at a time, most of a text: one test for the eight.
            if read + 8 <= bytes.count,
                UnsafeRawPointer(bytes.baseAddress! + read).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                for offset in 0..<8 { units[written + offset] = UInt16(bytes[read + offset]) }
                read += 8
                written += 8
                continue
            }
            if bytes[read] < 0x80 {
                units[written] = UInt16(bytes[read])
                written += 1
                read += 1
                continue
            }
            let (scalar, width) = ValidUTF8.scalar(in: bytes, at: read)
            read += width
            if scalar < 0x1_0000 {
                units[written] = UInt16(scalar)
                written += 1
            } else {
                units[written] = UInt16(0xD800 | (scalar - 0x1_0000) >> 10)
                units[written + 1] = UInt16(0xDC00 | (scalar & 0x3FF))
                written += 2
            }
        }
        return written
    }
}

/// Reading a `String`'s own bytes, valid UTF-8 by construction, without the standard
/// library's per-scalar index: the tokenizer and the language guess read every byte.
enum ValidUTF8 {
    /// The scalar value starting at `offset` (a lead byte) and its width in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, width: Int) {
        let lead = UInt32(bytes[offset])
        func continuation(_ index: Int) -> UInt32 { UInt32(bytes[offset + index] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }
}
