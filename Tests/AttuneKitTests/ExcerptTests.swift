import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneText

/// Excerpts are encoded to UTF-8 by hand (`TokenizedText.excerpt`): they must be the
/// text `String(decoding:as:)` makes of the same units, unpaired surrogates included.
@Suite struct ExcerptTests {
    @Test func anExcerptIsTheTextOfItsUnits() {
        let analyzer = Fixtures.analyzer()
        let samples: [[UInt16]] = [
            Array("plain ASCII, and “curly” — é ñ 中文 😢🤷‍♀️ 𝒻".utf16),
            [0x61, 0xD83D, 0x62], [0xDE22, 0x61], [0xD83D], [0xDC00, 0xD800], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
            [0xD83D, 0xDE22, 0xD83D], [],
        ]
        for units in samples {
            let text = analyzer.pipeline.tokenize(String(decoding: units, as: UTF16.self))
            // The tokenizer's text repairs the surrogates first; ask the excerpt of the raw
            // units through a text made of them.
            let expected = String(decoding: text.utf16, as: UTF16.self)
            #expect(text.excerpt(utf16: 0..<text.utf16.count) == expected)
            for start in 0..<text.utf16.count {
                let range = start..<text.utf16.count
                #expect(text.excerpt(utf16: range) == String(decoding: text.utf16[range], as: UTF16.self))
            }
        }
    }
}

/// The tokenizer's own UTF-8 → UTF-16 transcoding against the standard library's.
@Suite struct UTF16UnitsTests {
    @Test func everyWidthOfScalar() {
        for text in [
            "", "plain", "café", "“quoted”", "😢 ok", "a\u{10FFFF}b", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
        ] {
            #expect(text.utf16Units == Array(text.utf16), "\(text.debugDescription)")
        }
    }

    @Test func seededMixedScalars() {
        var random = SeededGenerator(seed: 16)
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF,
        ]
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                let range = ranges.randomElement(using: &random)!
                scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &random))!)
            }
            let text = String(scalars)
            #expect(text.utf16Units == Array(text.utf16))
        }
    }
}
