import AttuneKit
import Foundation
import Testing

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

    @Test func keepsOtherTextAsItIs() {
        let text = "ünï 😀 \u{E2}"
        #expect(Self.quoted(text) == "\"\(text)\"")
        let parsed = try? JSONSerialization.jsonObject(with: Data(Self.quoted(text).utf8), options: .fragmentsAllowed)
        #expect(parsed as? String == text)
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
}
