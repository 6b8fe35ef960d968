import AttuneKit
import Foundation
import Testing

/// Reading transcripts: every format, line numbers, and one record per turn even
/// when lines are broken.
@Suite struct TranscriptTests {
    /// Writes `bytes` to a temporary file named `name` and reads it back as records.
    func records(_ name: String, _ bytes: [UInt8], format: TranscriptFormat? = nil) throws -> [TranscriptRecord] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = TranscriptReader(inputs: [path], format: format)
        var all: [TranscriptRecord] = []
        while let record = reader.next() { all.append(record) }
        return all
    }

    func records(_ name: String, _ text: String, format: TranscriptFormat? = nil) throws -> [TranscriptRecord] {
        try records(name, Array(text.utf8), format: format)
    }

    func turns(_ records: [TranscriptRecord]) -> [Turn] {
        records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
    }

    func errors(_ records: [TranscriptRecord]) -> [(line: Int, message: String)] {
        records.compactMap { if case .failure(let error) = $0 { (error.line, error.message) } else { nil } }
    }

    @Test func plainTextDialogueWithContinuationAndBlankLines() throws {
        let text = """
            Maya: I had the worst day.

            Jordan: What happened?
            Tell me everything.
            Dr. Lee (therapist): Take your time, Maya.
            """
        let read = turns(try records("session.txt", text))
        #expect(read.map(\.speaker) == ["Maya", "Jordan", "Dr. Lee (therapist)"])
        #expect(
            read.map(\.text) == ["I had the worst day.", "What happened? Tell me everything.", "Take your time, Maya."])
        #expect(read.map(\.line) == [1, 3, 5])
    }

    @Test func plainRepliesOnePerLineHaveNoSpeaker() throws {
        let read = turns(try records("replies.txt", "you're overreacting\n\nthat sounds so hard: I'm here\nok\n"))
        #expect(read.map(\.text) == ["you're overreacting", "that sounds so hard: I'm here", "ok"])
        #expect(read.allSatisfy { $0.speaker == nil })
        #expect(read.map(\.line) == [1, 3, 4])
    }

    @Test func jsonlFieldsIncludingNumbersAndAnExplicitNullContext() throws {
        let text = """
            {"id": 7, "speaker": "A", "text": "I'm so tired", "conversation": "c1", "start_time": "00:01"}
            {"id": "x", "speaker": "B", "text": "rest", "context": null}
            """
        let read = turns(try records("chat.jsonl", text))
        #expect(read.count == 2)
        #expect(read[0].id == "7" && read[0].conversation == "c1" && read[0].startTime == "00:01")
        #expect(read[1].hasOwnContext && read[1].context == nil)
    }

    @Test func csvQuotedCommasQuotesAndLineBreaksKeepTheirLines() throws {
        let text =
            "id,speaker,text\r\n1,Ana,\"Well, that's \"\"fine\"\"\"\r\n2,Ben,\"first line\r\nsecond line\"\r\n3,Ana,ok\r\n"
        let read = turns(try records("chat.csv", text))
        #expect(read.map(\.text) == ["Well, that's \"fine\"", "first line\nsecond line", "ok"])
        #expect(read.map(\.line) == [2, 3, 5])
        #expect(read.map(\.id) == ["1", "2", "3"])
    }

    @Test func csvRowWithTheWrongFieldCountIsAnErrorInItsPlace() throws {
        let all = try records("chat.csv", "speaker,text\nAna,hi\nBen,too,many\nAna,\"never closed\n")
        #expect(turns(all).map(\.text) == ["hi"])
        #expect(errors(all).map(\.line) == [3, 4])
        #expect(errors(all)[0].message == "expected 2 fields, found 3")
        #expect(errors(all)[1].message.contains("never closed"))
    }

    @Test func csvWithoutATextColumnSaysSo() throws {
        let all = try records("chat.csv", "who,what\nAna,hi\n")
        #expect(turns(all).isEmpty)
        #expect(errors(all).first?.message.contains("no text column") == true)
    }

    @Test func webVTTVoiceTagsTimingsNotesAndAnEmptyCue() throws {
        let text = """
            WEBVTT

            NOTE exported by a meeting tool

            1
            00:00:01.000 --> 00:00:04.000
            <v Sam Rivera>I didn't get the promotion.</v>

            00:00:05.000 --> 00:00:07.500
            <v.loud Dana>That's <i>so</i> unfair &amp; I'm sorry.</v>

            3
            00:00:08.000 --> 00:00:09.000

            4
            00:00:10.000 --> 00:00:12.000
            Dana: Want to talk about it?
            """
        let all = try records("call.vtt", text)
        let read = turns(all)
        #expect(read.map(\.speaker) == ["Sam Rivera", "Dana", "Dana"])
        #expect(
            read.map(\.text) == [
                "I didn't get the promotion.", "That's so unfair & I'm sorry.", "Want to talk about it?",
            ])
        #expect(read.map(\.startTime) == ["00:00:01.000", "00:00:05.000", "00:00:10.000"])
        #expect(read[0].id == "1" && read[0].line == 7)
        #expect(errors(all).map(\.line) == [12])
        #expect(errors(all).first?.message == "cue without text")
    }

    @Test func srtCuesWithSpeakerPrefixesAndTwoLineText() throws {
        let text = """
            1
            00:00:00,800 --> 00:00:03,000
            Kofi: My order still hasn't come.

            2
            00:00:03,500 --> 00:00:06,000
            Ruth: I'm sorry, that's frustrating.
            Let me look into it.
            """
        let read = turns(try records("call.srt", text))
        #expect(read.map(\.speaker) == ["Kofi", "Ruth"])
        #expect(read[1].text == "I'm sorry, that's frustrating. Let me look into it.")
        #expect(read[1].startTime == "00:00:03,500")
    }

    @Test func formatIsSniffedFromContentWithoutAnExtension() throws {
        #expect(turns(try records("a", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi\n")).first?.speaker == "A")
        #expect(turns(try records("b", "{\"text\": \"hi\"}\n")).first?.text == "hi")
        #expect(turns(try records("c", "speaker,text\nA,hi\n")).first?.speaker == "A")
        #expect(turns(try records("d", "1\n00:00:01,000 --> 00:00:02,000\nA: hi\n")).first?.speaker == "A")
    }

    /// Lines are read in place from the reader's 64 KB buffer when they lie in it, and
    /// gathered across reads when they do not: both give the same lines, with a byte
    /// order mark, carriage returns and a bad byte handled alike.
    @Test func linesInAndAcrossTheReadersBufferReadAlike() throws {
        let long = String(repeating: "so tired ", count: 12_000)  // 108,000 bytes
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"text\": \"one\"}\r\n".utf8)
        bytes += Array("{\"text\": \"\(long)\"}\r\n".utf8)
        bytes += [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x0A]  // {"text":"\xFF"}
        for number in 0..<2_000 { bytes += Array("{\"text\": \"turn \(number)\"}\n".utf8) }
        bytes += Array("{\"text\": \"last\"}".utf8)
        let all = try records("buffered.jsonl", bytes)
        #expect(all.count == 2_004)
        let texts = turns(all).map(\.text)
        #expect(texts.first == "one")
        #expect(texts.dropFirst().first == long)
        #expect(Array(texts.dropFirst(2).prefix(2_000)) == (0..<2_000).map { "turn \($0)" })
        #expect(texts.last == "last")
        #expect(turns(all).map(\.line) == [1, 2] + Array(4...2_004))
        #expect(errors(all).map(\.line) == [3])
        #expect(errors(all).first?.message == "not valid UTF-8 (first bad byte at column 10)")
    }

    /// Broken JSON, a missing text, invalid UTF-8: each costs exactly its own record.
    @Test func everyLineYieldsOneRecordWithBrokenLinesMixedIn() throws {
        var bytes = Array("{\"text\": \"one\"}\n{\"text\": \n".utf8)
        bytes += [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x0A]  // {"text":"\xFF"}
        bytes += Array("{\"speaker\": \"A\"}\n\n[1, 2]\n{\"text\": 5}\n{\"text\": \"two\"}".utf8)
        let all = try records("mixed.jsonl", bytes)
        #expect(all.count == 7)
        #expect(turns(all).map(\.text) == ["one", "two"])
        #expect(turns(all).map(\.line) == [1, 8])
        #expect(errors(all).map(\.line) == [2, 3, 4, 6, 7])
        #expect(errors(all)[1].message == "not valid UTF-8 (first bad byte at column 10)")
        #expect(errors(all)[2].message == "missing \"text\"")
        #expect(errors(all)[4].message == "\"text\" has the wrong type")
    }

    @Test func aMissingFileIsAnErrorRecordAndTheRestIsRead() throws {
        let reader = TranscriptReader(inputs: ["/nonexistent/chat.jsonl"])
        guard case .failure(let error) = reader.next() else {
            Issue.record("expected an error record")
            return
        }
        #expect(error.file == "/nonexistent/chat.jsonl" && error.line == 0)
        #expect(error.message.contains("cannot be read"))
        #expect(reader.next() == nil)
    }

    @Test func contextIsThePreviousTurnOfAnotherSpeakerInTheSameConversation() {
        var tracker = ConversationTracker()
        let script: [(String?, String, String?)] = [
            ("A", "I'm stressed", "c1"), ("B", "why?", "c1"), ("B", "tell me", "c1"), ("A", "work", "c1"),
            ("C", "hello", "c2"), (nil, "a reply alone", "c1"),
        ]
        var contexts: [String?] = []
        var numbers: [Int] = []
        for (speaker, text, conversation) in script {
            var turn = Turn(file: "f", line: 1, speaker: speaker, text: text, conversation: conversation)
            tracker.place(&turn)
            contexts.append(turn.context)
            numbers.append(turn.turn)
        }
        #expect(contexts == [nil, "I'm stressed", "I'm stressed", "tell me", nil, nil])
        #expect(numbers == [1, 2, 3, 4, 1, 5])
    }

    @Test func aRecordsOwnContextWins() {
        var tracker = ConversationTracker()
        var first = Turn(file: "f", line: 1, speaker: "A", text: "hi")
        tracker.place(&first)
        var second = Turn(file: "f", line: 2, speaker: "B", text: "hey", context: "mine", hasOwnContext: true)
        tracker.place(&second)
        #expect(second.context == "mine")
    }
}
