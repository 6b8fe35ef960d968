import AttuneCore
import CICU

/// A word segment of a text in UTF-16 offsets, and whether it is a word (holds a letter
/// or a digit) or what lies between words.
typealias WordSegment = (start: Int, end: Int, isWord: Bool)

/// The ICU objects one thread needs: break iterators and the NFKC-casefold
/// normalizer. Creating them is not free, so a `TextPipeline` keeps one and reuses it.
final class ICUSegmenter {
    private let handle: OpaquePointer
    private var starts: [Int32] = []
    private var statuses: [Int32] = []
    private var folded: [UInt16] = Array(repeating: 0, count: 64)

    init() throws(AttuneError) {
        var message: UnsafePointer<CChar>?
        guard let handle = cicu_segmenter_create("en", &message) else {
            throw AttuneError.icu(message.map { String(cString: $0) } ?? "unknown error")
        }
        self.handle = handle
    }

    deinit { cicu_segmenter_destroy(handle) }

    /// Puts the word segments of `text` in `segments`: ASCII text, and ASCII with emoji,
    /// by `ASCIIWordBreaks`, the same rules without ICU's iterator; other text by ICU.
    /// Returns whether ICU broke the text (then its sentences may break where the
    /// builder's do not: `Builder.needsICUSentences`).
    func wordSegments(_ text: [UInt16], into segments: inout [WordSegment]) -> Bool {
        if text.withUnsafeBufferPointer({ ASCIIWordBreaks.segments($0, into: &segments) }) { return false }
        icuWordSegments(text, into: &segments)
        return true
    }

    /// Word segments by ICU's break iterator, whatever the text, into `segments`
    /// (emptied first).
    func icuWordSegments(_ text: [UInt16], into segments: inout [WordSegment]) {
        segments.removeAll(keepingCapacity: true)
        prepare(capacity: text.count + 1)
        let count = text.withUnsafeBufferPointer { buffer in
            cicu_word_segments(handle, buffer.baseAddress, Int32(buffer.count), &starts, &statuses)
        }
        for index in 0..<max(0, Int(count)) {
            segments.append((Int(starts[index]), Int(starts[index + 1]), statuses[index] != 0))
        }
    }

    /// Sentence start offsets (UTF-16), always beginning with 0 for non-empty text.
    func sentenceStarts(_ text: [UInt16]) -> [Int] {
        prepare(capacity: text.count + 1)
        let count = text.withUnsafeBufferPointer { buffer in
            cicu_sentence_segments(handle, buffer.baseAddress, Int32(buffer.count), &starts)
        }
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { Int(starts[$0]) }
    }

    /// NFKC case folding of one token.
    func caseFold(_ units: ArraySlice<UInt16>) -> [UInt16] {
        if units.allSatisfy({ $0 < 0x80 }) {
            // ASCII: NFKC-casefold is plain lowercasing.
            return units.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        }
        while true {
            let capacity = folded.count
            let length = units.withUnsafeBufferPointer { source in
                folded.withUnsafeMutableBufferPointer { dest in
                    cicu_casefold(
                        handle, source.baseAddress, Int32(source.count), dest.baseAddress,
                        Int32(capacity))
                }
            }
            if length < 0 { return Array(units) }
            if Int(length) <= capacity { return Array(folded[0..<Int(length)]) }
            folded = Array(repeating: 0, count: Int(length))
        }
    }

    private func prepare(capacity: Int) {
        if starts.count < capacity {
            starts = Array(repeating: 0, count: capacity)
            statuses = Array(repeating: 0, count: capacity)
        }
    }
}

/// Unicode properties the tokenizer needs from ICU.
enum UnicodeProperties {
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool { cicu_is_emoji(scalar.value) != 0 }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        cicu_is_alphanumeric(scalar.value) != 0
    }

    /// A scalar's part in an emoji, as the word and sentence rules see it.
    enum EmojiPart {
        /// A pictograph the rules class as Other: "😂", "👍", "❤", "♀".
        case pictograph
        /// A mark that joins the pictograph before it: a variation selector, a skin tone.
        case extender
        case neither
    }

    static func emojiPart(_ value: UInt32) -> EmojiPart {
        switch cicu_emoji_part(value) {
        case 1: .pictograph
        case 2: .extender
        default: .neither
        }
    }
}
