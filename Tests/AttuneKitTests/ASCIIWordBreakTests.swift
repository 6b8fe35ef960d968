import Testing

@testable import AttuneText

/// ASCII text, and ASCII with emoji, is broken into words without ICU (`ASCIIWordBreaks`);
/// ICU's iterator is the reference it must agree with, segment for segment and word for
/// word.
@Suite struct ASCIIWordBreakTests {
    /// One character or more of each ASCII word-break class: letters (both cases, and
    /// `@`, which ICU counts one), digits, `:` `.` `'` `,` `;` `_`, the space, tab, line
    /// ends and other marks.
    static let alphabet: [UInt16] = Array("aZ@7:.',;_ \t\r\n\u{0B}-!\"#".utf16)

    /// Emoji as chat writes them: alone, with a variation selector or a skin tone, joined
    /// by zero-width joiners, and a one-unit pictograph.
    static let emoji = ["😂", "👍🏽", "❤️", "🤷‍♀️", "©", "👨‍👩‍👧"].map { Array($0.utf16) }
    /// Characters beyond ASCII that are no emoji of their own, or only part of one: a
    /// text holding one where no emoji takes it is left to ICU.
    static let notEmoji =
        ["\u{FE0F}", "\u{200D}", "\u{1F3FD}", "é", "🇺🇸", "…", "中"].map { Array($0.utf16) }
        + [[0xD83D]]

    /// Compares with ICU; `mustBreak`: the text must not be left to ICU. Returns whether
    /// `ASCIIWordBreaks` broke it.
    @discardableResult
    func expectAgreement(
        _ units: [UInt16], _ icu: ICUSegmenter, _ mismatches: inout [String], mustBreak: Bool = true
    ) -> Bool {
        let text = String(decoding: units, as: UTF16.self).debugDescription
        var mine: [WordSegment] = []
        guard units.withUnsafeBufferPointer({ ASCIIWordBreaks.segments($0, into: &mine) }) else {
            if mustBreak { mismatches.append("\(text): left to ICU") }
            return false
        }
        var theirs: [WordSegment] = []
        icu.icuWordSegments(units, into: &theirs)
        guard !mine.elementsEqual(theirs, by: { $0 == $1 }) else { return true }
        mismatches.append(
            "\(text): \(mine.map { "\($0.start)..<\($0.end)\($0.isWord ? "w" : "")" }) vs ICU \(theirs.map { "\($0.start)..<\($0.end)\($0.isWord ? "w" : "")" })"
        )
        return true
    }

    /// Every string of one to `length` of `pieces`, shortest first.
    static func strings(of pieces: [[UInt16]], upTo length: Int) -> [[UInt16]] {
        var strings: [[UInt16]] = [[]]
        var all: [[UInt16]] = []
        for _ in 1...length {
            strings = strings.flatMap { prefix in pieces.map { prefix + $0 } }
            all += strings
        }
        return all
    }

    @Test func everyShortStringBreaksAsICUBreaksIt() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        for units in Self.strings(of: Self.alphabet.map { [$0] }, upTo: 4) {
            expectAgreement(units, icu, &mismatches)
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// Up to three pieces of ASCII and emoji: every emoji beside every class, and beside
    /// another emoji.
    @Test func asciiWithEmojiBreaksAsICUBreaksIt() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        for units in Self.strings(of: Self.alphabet.map { [$0] } + Self.emoji, upTo: 3) {
            expectAgreement(units, icu, &mismatches)
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// With a character that is no emoji of its own, the text is left to ICU unless an
    /// emoji takes it in (a skin tone after a pictograph); what is broken here agrees.
    @Test func otherCharactersAreLeftToICU() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        var broken = 0
        let pieces = Array("a .'_".utf16).map { [$0] } + Self.emoji.prefix(2) + Self.notEmoji
        for units in Self.strings(of: pieces, upTo: 3) where Self.notEmoji.contains(where: { units.contains($0) }) {
            if expectAgreement(units, icu, &mismatches, mustBreak: false) { broken += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
        #expect(broken > 0)
        for other in Self.notEmoji {
            var segments: [WordSegment] = []
            let text = Array("a".utf16) + other
            #expect(!text.withUnsafeBufferPointer { ASCIIWordBreaks.segments($0, into: &segments) })
        }
    }

    /// The rules look one character past each side of a boundary: every three ASCII
    /// characters is every neighbourhood of a boundary between two of them.
    @Test func everyThreeASCIICharactersBreakAsICUBreaksThem() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        let ascii = (0..<128).map { UInt16($0) }
        for first in ascii {
            for second in ascii {
                for third in ascii { expectAgreement([first, second, third], icu, &mismatches) }
            }
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test func theCorpusBreaksAsICUBreaksIt() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        var checked = 0
        for reply in Fixtures.corpus {
            for text in [reply.text, reply.context ?? ""] {
                if expectAgreement(Array(text.utf16), icu, &mismatches, mustBreak: false) { checked += 1 }
            }
        }
        #expect(checked > 1_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
