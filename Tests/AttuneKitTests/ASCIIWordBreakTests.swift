import Testing

@testable import AttuneText

/// ASCII text is broken into words without ICU (`ASCIIWordBreaks`); ICU's iterator is
/// the reference it must agree with, segment for segment and word for word.
@Suite struct ASCIIWordBreakTests {
    /// One character or more of each ASCII word-break class: letters (both cases, and
    /// `@`, which ICU counts one), digits, `:` `.` `'` `,` `;` `_`, the space, tab, line
    /// ends and other marks.
    static let alphabet: [UInt16] = Array("aZ@7:.',;_ \t\r\n\u{0B}-!\"#".utf16)

    func expectAgreement(_ units: [UInt16], _ icu: ICUSegmenter, _ mismatches: inout [String]) {
        let mine = units.withUnsafeBufferPointer { ASCIIWordBreaks.segments($0) }
        let theirs = icu.icuWordSegments(units)
        guard !mine.elementsEqual(theirs, by: { $0 == $1 }) else { return }
        let text = String(decoding: units, as: UTF16.self).debugDescription
        mismatches.append(
            "\(text): \(mine.map { "\($0.start)..<\($0.end)\($0.isWord ? "w" : "")" }) vs ICU \(theirs.map { "\($0.start)..<\($0.end)\($0.isWord ? "w" : "")" })"
        )
    }

    @Test func everyShortStringBreaksAsICUBreaksIt() throws {
        let icu = try ICUSegmenter()
        var mismatches: [String] = []
        var strings: [[UInt16]] = [[]]
        for _ in 1...4 {
            strings = strings.flatMap { prefix in Self.alphabet.map { prefix + [$0] } }
            for units in strings { expectAgreement(units, icu, &mismatches) }
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(20).joined(separator: "\n"))")
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
            for text in [reply.text, reply.context ?? ""] where text.utf16.allSatisfy({ $0 < 0x80 }) {
                expectAgreement(Array(text.utf16), icu, &mismatches)
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
