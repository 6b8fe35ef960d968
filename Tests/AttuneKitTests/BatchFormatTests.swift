import AttuneKit
import Foundation
import Testing

/// The input and output formats each come from one table, which `--help` (and for
/// output, the README) lists.
@Suite struct BatchFormatTests {
    @Test func eachFormatIsFoundByItsOwnName() {
        let names = BatchFormat.all.map(\.name)
        #expect(Set(names).count == names.count)
        for format in BatchFormat.all { #expect(BatchFormat.named(format.name) == format) }
        #expect(BatchFormat.named("xml") == nil)
    }

    @Test func theReadmeListsTheTablesFormats() throws {
        let readme = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains("`--format` takes \(BatchFormat.list)."), "README: `--format` takes \(BatchFormat.list).")
    }

    @Test func theListNamesEveryFormatOnce() {
        let list = BatchFormat.list
        for format in BatchFormat.all {
            #expect(list.components(separatedBy: format.name).count == 2, "\(format.name) in \(list)")
        }
    }

    @Test func reportsForPeopleAlwaysSummarise() {
        #expect(BatchFormat.all.filter(\.alwaysSummarises).map(\.name) == ["markdown", "html"])
    }

    @Test func eachInputFormatIsFoundByItsNameAndItsExtensions() {
        let names = TranscriptFormat.allCases.map(\.name)
        #expect(names == ["text", "jsonl", "csv", "vtt", "srt"])
        #expect(TranscriptFormat.list == "text, jsonl, csv, vtt or srt")
        for format in TranscriptFormat.allCases {
            #expect(TranscriptFormat.named(format.name) == format)
            #expect(TranscriptFormat(fileName: "talk." + format.name.uppercased()) == format)
        }
        #expect(TranscriptFormat(fileName: "talk.ndjson") == .jsonl)
        #expect(TranscriptFormat(fileName: "talk.md") == nil)
    }

    @Test func theFirstLineTellsTheInputFormat() {
        #expect(TranscriptFormat(firstLine: "WEBVTT") == .vtt)
        #expect(TranscriptFormat(firstLine: "  {\"text\": \"hi, you\"}") == .jsonl)
        #expect(TranscriptFormat(firstLine: "12") == .srt)
        #expect(TranscriptFormat(firstLine: "speaker,text") == .csv)
        #expect(TranscriptFormat(firstLine: "Sam: hi, there") == .text)
        #expect(TranscriptFormat(firstLine: "") == .text)
    }
}
