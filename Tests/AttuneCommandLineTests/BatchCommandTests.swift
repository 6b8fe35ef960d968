import AttuneKit
import Foundation
import Testing

/// `attune batch` end to end: a clean Unix filter that loses nothing.
extension CommandLineTests {
    /// A corpus of records that carry their own context, as a sharded job has them.
    static let shardable: String =
        (0..<60).map { index in
            let replies = [
                "Just study harder.", "That sounds so hard.", "ok", "You're overreacting.", "I'm here for you.",
            ]
            return
                #"{"id": "r\#(index)", "speaker": "B", "text": "\#(replies[index % 5])", "context": "I'm so stressed"}"#
        }.joined(separator: "\n") + "\n"

    @Test func splittingJSONLIntoChunksGivesTheSameOutputAsTheWhole() throws {
        let whole = try run(["batch", "--format", "jsonl", "--no-positions", "-"], input: Data(Self.shardable.utf8))
        #expect(whole.status == 0)
        let lines = Self.shardable.split(separator: "\n", omittingEmptySubsequences: false)
        var concatenated = ""
        for chunk in stride(from: 0, to: lines.count, by: 25) {
            let part = lines[chunk..<min(chunk + 25, lines.count)].joined(separator: "\n")
            concatenated += try run(["batch", "--format", "jsonl", "--no-positions"], input: Data(part.utf8)).output
        }
        #expect(concatenated == whole.output)
        #expect(whole.output.split(separator: "\n").count == 60)
    }

    @Test func brokenLinesBecomeErrorRecordsInPlaceAndTheExitIsNonZero() throws {
        var input = Data("{\"text\": \"ok\"}\n{broken\n".utf8)
        input.append(contentsOf: [0x7B, 0xFF, 0x7D, 0x0A])
        input.append(Data("{\"text\": \"that makes sense\"}\n".utf8))
        let result = try run(["batch", "--format", "jsonl", "-"], input: input)
        let records = result.output.split(separator: "\n").map(String.init)
        #expect(result.status == 1)
        #expect(records.count == 4)
        #expect(records[1] == #"{"file":"-","line":2,"error":"not valid JSON"}"#)
        #expect(records[2].contains(#""line":3,"error":"not valid UTF-8"#))
        #expect(records[3].contains(#""text":"that makes sense""#))
        #expect(result.errors.contains("attune: -:2: not valid JSON"))
        #expect(!result.errors.contains("that makes sense"))
    }

    @Test func strictStopsAtTheFirstBrokenRecord() throws {
        let input = Data("{\"text\": \"ok\"}\n{broken\n{\"text\": \"fine\"}\n".utf8)
        let result = try run(["batch", "--strict", "--format", "jsonl", "-"], input: input)
        #expect(result.status == 1)
        #expect(result.output.split(separator: "\n").count == 2)
    }

    @Test func theSampleTranscriptsReadWithoutErrorsInEveryFormat() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Corpus/transcripts").path
        let result = try run(["batch", "--summary-only", folder])
        #expect(result.status == 0, "\(result.errors)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(summary?["errors"] as? Int == 0)
        let conversations = summary?["conversations"] as? [[String: Any]] ?? []
        let names = conversations.compactMap { $0["conversation"] as? String }
        for format in ["txt", "ps-1", "ps-2", "csv", "vtt", "srt"] {
            #expect(names.contains { $0.hasSuffix(format) }, "no conversation from \(format)")
        }
        #expect((summary?["turns"] as? Int ?? 0) > 100)
    }

    @Test func emptyInputIsScoredButSaidOnStandardError() throws {
        let result = try run(["batch", "--summary-only", "-"], input: Data())
        #expect(result.status == 0)
        #expect(result.errors == "attune: no turns to score: the input was empty\n")
        #expect(result.output.hasPrefix(#"{"turns":0,"errors":0"#))
        #expect(try run(["batch", "--format", "jsonl", "-"], input: Data("ok\n".utf8)).errors.isEmpty)
    }

    @Test func jobsHelpNamesItsDefaultOnce() throws {
        let help = try run(["batch", "--help"]).output
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Worker threads (default: every core; at most 4 per core"))
        #expect(!help.contains("(default: every core). (default:"))
        #expect(try run(["batch", "--jobs", "0", "-"]).errors.contains("--jobs must be at least 1."))
    }

    @Test func csvAndSummaryOutputsFromTheCommandLine() throws {
        let input = Data("speaker,text\nAna,I'm so stressed\nBen,\"Just relax, it's fine\"\n".utf8)
        let result = try run(["batch", "--format", "csv", "--summary", "-"], input: input)
        let lines = result.output.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("file,line,id,conversation,speaker,turn,start_time,score,verdict,fixing"))
        #expect(lines[2].hasPrefix("-,3,,,Ben,2,,"))
        #expect(lines[3] == "")
        #expect(lines[4].hasPrefix("conversation,speaker,turns,mean_score"))
        #expect(result.errors.isEmpty)
    }
}
