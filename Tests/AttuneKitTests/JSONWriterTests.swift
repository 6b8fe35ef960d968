import AttuneKit
import Foundation
import Testing

@testable import AttuneOutput

/// The JSON writer escapes exactly what JSON (and a script tag) needs, byte for byte.
@Suite struct JSONWriterTests {
    static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.output
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(Self.quoted("a\"b\\c\nd\re\tf\u{1}g") == #""a\"b\\c\nd\re\tf\u0001g""#)
    }

    @Test func escapesTheTwoLineSeparatorsJavaScriptTreatsAsNewlines() {
        #expect(Self.quoted("x\u{2028}y\u{2029}z\u{2027}") == "\"x\\u2028y\\u2029z\u{2027}\"")
    }

    /// Integers are written digit by digit in place: the same text `String(_:)` gives.
    @Test func integersAsTheirDecimalText() {
        var random = SeededGenerator(seed: 10)
        var numbers = [0, 1, -1, 9, 10, 99, 100, 12_345, Int.max, Int.min, Int.max - 1, Int.min + 1]
        numbers += (0..<19).flatMap { power -> [Int] in
            let value = (0..<power).reduce(1) { result, _ in result * 10 }
            return [value, value - 1, -value, -(value - 1)]
        }
        numbers += (0..<2_000).map { _ in Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64) }
        for number in numbers {
            var writer = JSONWriter()
            writer.number(number)
            #expect(writer.output == String(number))
        }
        var writer = JSONWriter()
        writer.number(Double(-42))
        #expect(writer.output == "-42")
    }

    @Test func keepsOtherTextAsItIs() {
        let text = "ünï 😀 \u{E2}"
        #expect(Self.quoted(text) == "\"\(text)\"")
        let parsed = try? JSONSerialization.jsonObject(with: Data(Self.quoted(text).utf8), options: .fragmentsAllowed)
        #expect(parsed as? String == text)
    }

    /// The eight-byte test must say yes whenever one of its bytes needs a look, and no
    /// otherwise: seeded words, and each byte value in each position of plain ones.
    @Test func theEightByteTestAgreesWithTheBytes() {
        func needs(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
        func expected(_ word: UInt64) -> Bool {
            (0..<8).contains { needs(UInt8(truncatingIfNeeded: word >> ($0 * 8))) }
        }
        var generator = SeededGenerator(seed: 2028)
        for _ in 0..<200_000 {
            let word = UInt64.random(in: .min ... .max, using: &generator)
            #expect(JSONWriter.mayNeedEscape(word) == expected(word))
        }
        let plain: UInt64 = 0x6161_6161_6161_6161
        for position in 0..<8 {
            for byte in 0...255 {
                let word = plain & ~(0xFF << (position * 8)) | UInt64(byte) << (position * 8)
                #expect(JSONWriter.mayNeedEscape(word) == needs(UInt8(byte)), "byte \(byte) at \(position)")
            }
        }
        // Past eight bytes and across a block's edge.
        let text = "abcdefg\"hijklmnopqrstu\u{1}vwxyz\u{2028}0123456789ab\\"
        #expect(Self.quoted(text) == #""abcdefg\"hijklmnopqrstu\u0001vwxyz\u20280123456789ab\\""#)
    }

    /// Literal keys are written as they are; a key made at run time is escaped as any
    /// string, and both take their commas like any value, nested or not.
    @Test func keysMadeAtRunTimeAreEscaped() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key(text: "say \"hi\"\n")
        writer.beginArray()
        writer.beginObject()
        writer.field("a", 1)
        writer.endObject()
        writer.number(2)
        writer.endArray()
        writer.key("b")
        writer.bool(true)
        writer.endObject()
        #expect(writer.output == #"{"say \"hi\"\n":[{"a":1},2],"b":true}"#)
    }

    /// The writer's buffer starts small and doubles: long strings, escapes at its edges
    /// and many small values come out whole, and appended to a buffer, after its bytes.
    @Test func writesPastItsFirstCapacity() {
        var random = SeededGenerator(seed: 16)
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{1}", "\u{2028}", "😀", "plain text "]
        for length in [0, 1, 15, 16, 17, 255, 256, 257, 5_000] {
            let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var writer = JSONWriter(capacity: 16)
            writer.beginArray()
            for number in 0..<length { writer.number(number) }
            writer.string(text)
            writer.endArray()
            let parsed = try? JSONSerialization.jsonObject(with: Data(writer.output.utf8)) as? [Any]
            #expect(parsed?.count == length + 1)
            #expect(parsed?.last as? String == text)
            var buffer = Array("before ".utf8)
            writer.append(to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == "before " + writer.output)
        }
    }

    @Test func objectsAndArraysTakeCommasInTheirPlaces() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", 1)
        writer.field("b", strings: ["x", "y"])
        writer.key("c")
        writer.null()
        writer.endObject()
        #expect(writer.output == #"{"a":1,"b":["x","y"],"c":null}"#)
    }

    /// A closed level is a value of the one around it: each level here holds a value
    /// before its inner array and one after it, many levels deep.
    @Test func deepNestingTakesCommasInTheirPlaces() throws {
        for depth in [1, 63, 64, 65, 66, 130] {
            var writer = JSONWriter()
            for level in 0..<depth {
                writer.beginArray()
                writer.number(level)
            }
            for _ in 0..<depth {
                writer.number(-1)
                writer.endArray()
            }
            var expected = ""
            for level in 0..<depth { expected += "[\(level)," }
            expected += "-1]" + String(repeating: ",-1]", count: depth - 1)
            #expect(writer.output == expected, "depth \(depth)")
        }
    }
}
