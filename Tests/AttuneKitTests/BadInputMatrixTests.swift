import Foundation
import Testing

import AttuneKit
@testable import AttuneMatching
@testable import AttuneTranscripts

/// The bad inputs of issue 14 that the transcript readers and the batch runner meet,
/// scaled down: each gives a clear error or record, loses nothing else that could be
/// read, and stays within a bound counted in lines, bytes or conversations, never time.
@Suite struct BadInputMatrixTests {
    /// Feeds `text` line by line to a fresh parser of `format`, as `TranscriptReader` does.
    func records(_ text: String, format: TranscriptFormat, file: String = "in") -> [TranscriptRecord] {
        var parser = format.makeParser(file: file)
        var records: [TranscriptRecord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parser.read(InputLine(number: index + 1, content: .text(String(line))), into: &records)
        }
        parser.finish(into: &records)
        return records
    }

    func turns(_ records: [TranscriptRecord]) -> [Turn] {
        records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
    }

    func errors(_ records: [TranscriptRecord]) -> [RecordError] {
        records.compactMap { if case .failure(let error) = $0 { error } else { nil } }
    }

    /// Rows `first...last` of a three-column CSV, with no quotes.
    func rows(_ range: ClosedRange<Int>) -> String {
        range.map { "\($0),A,row \($0)" }.joined(separator: "\n")
    }

    // MARK: CSV

    @Test func aStrayQuoteInAQuotedFieldIsAnErrorAtItsColumnNotAlteredText() {
        let all = records("id,speaker,text\n1,A,\"broken \"quote here\n2,B,fine", format: .csv)
        #expect(errors(all).map { "\($0.line):\($0.column ?? 0)" } == ["2:13"])
        #expect(errors(all).first?.message.contains("stray quote") == true)
        #expect(errors(all).first?.description.hasPrefix("in:2:13: ") == true)
        #expect(turns(all).map(\.text) == ["fine"])
    }

    @Test func aQuoteInAnUnquotedFieldIsAnErrorAtItsColumn() {
        let all = records("id,speaker,text\n1,A,say \"hi\n2,B,fine", format: .csv)
        #expect(errors(all).map { "\($0.line):\($0.column ?? 0)" } == ["2:9"])
        #expect(turns(all).map(\.text) == ["fine"])
    }

    @Test func anUnclosedQuoteCostsOnlyItsOwnRecord() {
        let all = records("id,speaker,text\n2,B,\"never closed\n" + rows(3...202), format: .csv)
        #expect(errors(all).map(\.line) == [2])
        #expect(errors(all).first?.message.contains("never closed") == true)
        #expect(turns(all).map(\.line) == Array(3...202))
        #expect(turns(all).first?.text == "row 3")
    }

    @Test func anUnclosedQuoteClosedByALaterStrayQuoteResynchronises() {
        let text = "id,speaker,text\n2,B,\"oops\n3,A,ok\n4,A,\"quoted\"\n5,A,\"two\nlines\"\n7,A,end"
        let all = records(text, format: .csv)
        #expect(errors(all).map { "\($0.line):\($0.column ?? 0)" } == ["2:5"])
        #expect(errors(all).first?.message.contains("stray quote") == true)
        #expect(errors(all).first?.message.contains("at line 4, column 5") == true)
        #expect(turns(all).map(\.text) == ["ok", "quoted", "two\nlines", "end"])
    }

    @Test func linesThatAreNoRecordAreReportedAsOneRangeWhenResynchronising() {
        let text = "id,speaker,text\n2,B,\"oops\nnot a record\nnor this\n5,A,back"
        let all = records(text, format: .csv)
        #expect(errors(all).map(\.line) == [2, 3])
        #expect(errors(all).last?.message.hasPrefix("lines 3–4 skipped") == true)
        #expect(turns(all).map(\.text) == ["back"])
    }

    /// Past 1 MB an open quote is given up: the rows it swallowed are read again.
    @Test func anUnclosedQuoteBeforeMoreThanAMegabyteOfRowsLosesNoRow() {
        let count = 30_000
        let all = records("id,speaker,text\n2,B,\"never closed\n" + rows(3...count), format: .csv)
        #expect(errors(all).map(\.line) == [2])
        #expect(turns(all).count == count - 2)
    }

    @Test func aFieldOverTheLimitIsReportedAndTheRestIsRead() {
        let big = String(repeating: "x", count: CSVRecords.maximumFieldBytes + 10)
        let all = records("id,speaker,text\n1,A,\"\(big)\"\n2,B,after", format: .csv)
        #expect(errors(all).map(\.line) == [2])
        #expect(errors(all).first?.message.contains("longer than 1 MB") == true)
        #expect(turns(all).map(\.text) == ["after"])
    }

    /// A quoted field of many lines (40 MB in the issue, 3 MB here): held up to the limit
    /// only, each line read at most twice, and the rows after it read.
    @Test func aHugeMultiLineQuotedFieldHoldsAtMostTheLimit() {
        let line = String(repeating: "y", count: 99)
        var input = ["id,speaker,text", "1,A,\"" + line]
        input += Array(repeating: line, count: 30_000)
        input += [line + "\"", "2,B,after"]
        var csv = CSVRecords()
        var events: [CSVRecords.Event] = []
        var mostHeld = 0
        for (index, text) in input.enumerated() {
            csv.read(InputLine(number: index + 1, content: .text(text)), into: &events)
            mostHeld = max(mostHeld, csv.heldBytes)
        }
        csv.finish(into: &events)
        #expect(mostHeld <= CSVRecords.maximumFieldBytes + 100)
        #expect(csv.linesScanned <= 2 * input.count)
        let failures = events.compactMap {
            if case .failure(let line, _, let message) = $0 { (line, message) } else { nil }
        }
        #expect(failures.map(\.0) == [2, 3])
        #expect(failures.first?.1.contains("1 MB") == true)
        let records = events.compactMap { if case .record(_, let fields) = $0 { fields.last } else { nil } }
        #expect(records == ["text", "after"])
    }

    /// A broken record after a broken record: no line is read a third time.
    @Test func repeatedlyBrokenRecordsStayLinear() {
        var input = ["id,speaker,text"]
        for index in 0..<2_000 { input += ["\(index),A,ok", "\(index),B,\"open"] }
        var csv = CSVRecords()
        var events: [CSVRecords.Event] = []
        for (index, text) in input.enumerated() {
            csv.read(InputLine(number: index + 1, content: .text(text)), into: &events)
        }
        csv.finish(into: &events)
        #expect(csv.linesScanned <= 2 * input.count)
        let read = events.filter { if case .record = $0 { true } else { false } }.count
        let failed = events.filter { if case .failure = $0 { true } else { false } }.count
        #expect(read >= 2)
        #expect(failed >= 1)
    }

    // MARK: Turns, cues and sniffing

    @Test func aTurnOfContinuationLinesOverTheLimitIsAnErrorAndTheNextTurnIsRead() {
        let line = String(repeating: "z", count: 99)
        let opening = (1...12).map { "P\($0 % 2): turn \($0)" }.joined(separator: "\n")
        let text =
            opening + "\nA: hi\n" + Array(repeating: line, count: 11_000).joined(separator: "\n") + "\nB: still read"
        let all = records(text, format: .text)
        #expect(errors(all).map(\.line) == [13])
        #expect(errors(all).first?.message.contains("1 MB") == true)
        #expect(turns(all).count == 13)
        #expect(turns(all).last?.text == "still read")
    }

    @Test func aLongCueWithoutBlankLinesIsAnErrorAndTheNextCueIsRead() {
        let line = String(repeating: "w", count: 99)
        let text =
            "WEBVTT\n\n00:01.000 --> 00:02.000\n" + Array(repeating: line, count: 11_000).joined(separator: "\n")
            + "\n00:03.000 --> 00:04.000\n<v Bo>still read"
        let all = records(text, format: .vtt)
        #expect(errors(all).map(\.line) == [3])
        #expect(errors(all).first?.message.contains("cue longer than 1 MB") == true)
        #expect(turns(all).map(\.text) == ["still read"])
    }

    @Test func aJSONLTextOverTheLimitIsAnError() {
        let big = String(repeating: "v", count: Turn.maximumTextBytes + 1)
        let all = records("{\"text\": \"\(big)\"}\n{\"text\": \"ok\"}", format: .jsonl)
        #expect(errors(all).map(\.line) == [1])
        #expect(turns(all).map(\.text) == ["ok"])
    }

    /// One labelled line then blank lines: blank lines are never held while sniffing.
    @Test func sniffingHoldsNoBlankLines() {
        var parser = PlainTextTranscript(file: "in")
        var records: [TranscriptRecord] = []
        var mostHeld = 0
        parser.read(InputLine(number: 1, content: .text("Ana: hi")), into: &records)
        for number in 2...20_001 {
            parser.read(InputLine(number: number, content: .text("")), into: &records)
            mostHeld = max(mostHeld, parser.heldLines)
        }
        parser.read(InputLine(number: 20_002, content: .text("Ben: hello")), into: &records)
        parser.finish(into: &records)
        #expect(mostHeld <= PlainTextTranscript.sniffLines)
        #expect(turns(records).map(\.speaker) == ["Ana", "Ben"])
    }

    @Test func aLongRunOfSentenceMarksIsReadInOnePass() throws {
        let analyzer = Fixtures.analyzer()
        let text = String(repeating: ".…a", count: 4_000) + ". Then done."
        let analysis = analyzer.analyze(text, context: nil)
        #expect(analysis.score >= 0)
    }

    // MARK: Batch

    /// 25,000 one-turn conversations with room for 1,000: memory stays at the bound,
    /// numbering and the summary's count of conversations stay right.
    @Test func conversationsNotSeenForAWhileAreLetGo() {
        var tracker = ConversationTracker(maximumConversations: 1_000)
        var mostHeld = 0
        for index in 0..<25_000 {
            var turn = Turn(file: "f", line: index + 1, speaker: "A", text: "t\(index)", conversation: "c\(index)")
            tracker.place(&turn)
            #expect(turn.turn == 1)
            mostHeld = max(mostHeld, tracker.conversationsHeld)
        }
        #expect(mostHeld <= 1_000)
        #expect(tracker.conversationsLetGo >= 23_000)
        // The first conversation comes back: numbered on, and counted as read without context.
        var back = Turn(file: "f", line: 25_001, speaker: "B", text: "back", conversation: "c0")
        tracker.place(&back)
        #expect(back.turn == 2)
        #expect(back.context == nil)
        #expect(tracker.turnsWithoutContext == 1)
        // A conversation still held keeps its context.
        var recent = Turn(file: "f", line: 25_002, speaker: "B", text: "hey", conversation: "c24999")
        tracker.place(&recent)
        #expect(recent.context == "t24999" && recent.turn == 2)
    }

    @Test func theSummaryCountsEveryConversationWhateverTheTrackerLetGo() {
        let analysis = Fixtures.analyzer().analyze("ok", context: nil)
        var tracker = ConversationTracker(maximumConversations: 100)
        var summary = BatchSummary()
        for index in 0..<3_000 {
            var turn = Turn(file: "f", line: index + 1, speaker: "A", text: "t", conversation: "c\(index % 1_500)")
            tracker.place(&turn)
            summary.add(.turn(turn, analysis))
        }
        #expect(summary.conversations.items.count == 1_500)
        #expect(summary.conversations.items.allSatisfy { $0.tally.turns == 2 })
    }

    @Test func jobsAreCapped() {
        let runner = BatchRunner(engine: Fixtures.engine, workers: 100_000)
        #expect(runner.workers == BatchRunner.maximumWorkers)
        #expect(BatchRunner.maximumWorkers >= 64)
    }
}
