import Foundation
import Testing

@testable import AttuneTranscripts

/// The JSONL scanner reads a line exactly as `JSONDecoder` does, or leaves it to the
/// decoder: it never reads a record differently, and it reads the plain shapes itself.
@Suite struct JSONLScannerTests {
    static func scanned(_ line: String) -> JSONLRecord? {
        var line = line
        return line.withUTF8 { JSONLScanner.record(in: $0) }
    }

    static func decoded(_ line: String) -> JSONLRecord? {
        try? JSONDecoder().decode(JSONLRecord.self, from: Data(line.utf8))
    }

    /// Lines the scanner must read itself, as the decoder reads them.
    static let plain = [
        #"{"id": 0, "speaker": "A", "text": "priya called. okay okay 🙏"}"#,
        #"{"text":"hi"}"#,
        #"  {"text" : "hi" , "context" : null }  "#,
        "{\"text\":\"tab\\there\"}\t\r",
        #"{"text": "", "context": ""}"#,
        #"{"id": -0, "conversation": 12, "speaker_id": -7, "start_time": "00:01", "text": "x"}"#,
        #"{"id": "a", "speaker": null, "text": "say \"hi\" \\ \/ \b\f\n\r\t \u00e9\u0000 \uD83D\uDE00 \u2028"}"#,
        #"{"extra": {"a": [1, -2.5e+3, 0.5E-1, true, false, null, {"b": "c"}], "d": []}, "text": "x"}"#,
        #"{"text": "x", "extra": "\u00e9\"", "more": [], "other": {}}"#,
        #"{"id": 9223372036854775807, "text": "big"}"#,
    ]

    /// Lines the scanner leaves to the decoder (errors, or shapes it does not read).
    static let leftToTheDecoder = [
        "", "   ", "[1, 2]", "null", #""text""#, "{", "{}", #"{"speaker": "A"}"#,
        #"{"text": 5}"#, #"{"text": null}"#, #"{"text": "a", "text": "b"}"#, #"{"te\u0078t": "x"}"#,
        #"{"text": "x",}"#, #"{"text": "x"} x"#, #"{"text": "x"}{"#, #"{"text" "x"}"#, #"{"text": 'x'}"#,
        #"{"id": 1.5, "text": "x"}"#, #"{"id": 1e2, "text": "x"}"#, #"{"id": 99999999999999999999, "text": "x"}"#,
        #"{"id": 01, "text": "x"}"#, #"{"id": -, "text": "x"}"#, #"{"id": true, "text": "x"}"#,
        #"{"speaker": 5, "text": "x"}"#, #"{"context": [], "text": "x"}"#, "{\"text\": \"raw\ttab\"}",
        #"{"text": "lone \uD83D surrogate"}"#, #"{"text": "lone \uDE00 low"}"#, #"{"text": "bad \x escape"}"#,
        #"{"text": "short \u12"}"#, #"{"text": "open"#, #"{"x": [1, 2,], "text": "y"}"#, #"{"x": 1., "text": "y"}"#,
        #"{"x": .5, "text": "y"}"#, #"{"x": +1, "text": "y"}"#, #"{"x": tru, "text": "y"}"#,
        #"{"x": NaN, "text": "y"}"#,
        "{\"x\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
            + ", \"text\": \"deep\"}",
    ]

    @Test func readsThePlainShapesAsTheDecoderDoes() throws {
        for line in Self.plain {
            let scanned = Self.scanned(line)
            #expect(scanned != nil, "not read: \(line)")
            #expect(scanned == Self.decoded(line), "read differently: \(line)")
        }
        #expect(Self.scanned(Self.plain[0])?.id == "0")
        #expect(Self.scanned(Self.plain[2])?.hasContext == true)
        #expect(Self.scanned(Self.plain[6])?.text.contains("é\u{0} 😀 \u{2028}") == true)
    }

    @Test func leavesEveryOtherLineToTheDecoder() {
        for line in Self.leftToTheDecoder {
            #expect(Self.scanned(line) == nil, "read, but should be left to the decoder: \(line)")
        }
    }

    /// Many generated lines: whatever the scanner reads, the decoder reads the same.
    @Test func neverDisagreesWithTheDecoder() {
        let pieces = [
            #"{"#, #"}"#, #"""#, #":"#, #","#, " ", #"\"#, "u00e9", "uD83D", "uDE00", "n", "1", "-", ".", "e", "0",
            #""text""#, #""id""#, #""context""#, "null", "[", "]", "é", "\t", #""x""#, "true",
        ]
        var generator = SeededGenerator(seed: 13)
        var read = 0
        for _ in 0..<20_000 {
            var line = #"{"text": "#
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                line += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            if Bool.random(using: &generator) { line += #""ok"}"# }
            guard let scanned = Self.scanned(line) else { continue }
            read += 1
            #expect(scanned == Self.decoded(line), "read differently: \(line)")
        }
        #expect(read > 100)
    }

    /// Each malformed line still costs its own record, with the message it had before
    /// the scanner (file:line, and the column where the line has one).
    @Test func malformedLinesKeepTheirMessages() {
        let cases: [(line: [UInt8], message: String)] = [
            (Array(#"{"text": "#.utf8), "not valid JSON"),
            (Array("[1]".utf8), "not a JSON object"),
            (Array(#"{"speaker": "A"}"#.utf8), #"missing "text""#),
            (Array(#"{"text": 5}"#.utf8), #""text" has the wrong type"#),
            (Array(#"{"text": "a", "id": true}"#.utf8), #""id" has the wrong type"#),
            (Array(#"{"text": "lone \uD83D"}"#.utf8), "not valid JSON"),
            (Array(#"{"text": "x"} x"#.utf8), "not valid JSON"),
            (Array("{\"text\": \"raw\ttab\"}".utf8), "not valid JSON"),
            (Array(#"{"text": "#.utf8) + [0xFF] + Array(#""}"#.utf8), "not valid UTF-8 (first bad byte at column 10)"),
        ]
        var reader = JSONLLineReader(file: "in.jsonl")
        for (number, (line, message)) in cases.enumerated() {
            guard case .failure(let error) = reader.read(line: number + 1, bytes: line) else {
                Issue.record("line \(number + 1) was read as a turn")
                continue
            }
            #expect(error.description == "in.jsonl:\(number + 1): \(message)")
        }
    }

    /// What the decoder reads that the scanner leaves to it is still read, as before.
    @Test func shapesLeftToTheDecoderAreStillRead() {
        var reader = JSONLLineReader(file: "in.jsonl")
        let lines = [
            #"{"id": 1.5, "text": "x"}"#, #"{"id": 1e2, "text": "x"}"#, #"{"text": "a", "text": "b"}"#,
            #"{"te\u0078t": "x"}"#,
        ]
        let read = lines.enumerated().map { reader.read(line: $0.offset + 1, bytes: Array($0.element.utf8)) }
        guard case .turn(let first) = read[0], case .turn(let second) = read[1], case .turn(let third) = read[2],
            case .turn(let fourth) = read[3]
        else {
            Issue.record("expected four turns: \(read)")
            return
        }
        #expect(first.id == "1.5" && second.id == "100" && third.text == "a" && fourth.text == "x")
    }
}
