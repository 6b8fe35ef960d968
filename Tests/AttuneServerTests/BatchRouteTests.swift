import AttuneKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// `POST /api/batch`: JSONL in, a line out per record, in order, with conversation contexts.
@Suite struct BatchRouteTests {
    static func post(
        _ body: ByteBuffer, query: String = "", server: WebServer? = nil
    ) async throws -> (status: HTTPResponse.Status, lines: [[String: Any]], contentType: String?) {
        let server = try server ?? ServerFixtures.server()
        let response = try await ServerFixtures.withClient(server) { client in
            try await client.execute(
                uri: "/api/batch" + query, method: .post, headers: ServerFixtures.jsonLinesType, body: body)
        }
        let lines = response.status == .ok ? try ServerFixtures.jsonLines(response.body) : []
        return (response.status, lines, response.headers[.contentType])
    }

    @Test func aLinePerRecordWithAnErrorRecordForABrokenLine() async throws {
        let input = """
            {"speaker": "Maya", "text": "I had an awful day at work"}
            {"speaker": "Jordan", "text": "You should just quit, it's not a big deal"

            {"speaker": "Jordan", "text": "That sounds really hard."}
            {"speaker": "Maya"}
            """
        let (status, lines, contentType) = try await Self.post(ByteBuffer(string: input))
        #expect(status == .ok)
        #expect(contentType == "application/x-ndjson")
        try #require(lines.count == 4)
        #expect(
            lines[0]["line"] as? Int == 1 && lines[0]["turn"] as? Int == 1 && lines[0]["file"] as? String == "request")
        #expect(lines[1]["file"] as? String == "request" && lines[1]["line"] as? Int == 2)
        #expect(lines[1]["error"] as? String == "not valid JSON")
        // Blank lines yield nothing; the turn after them answers Maya, the other speaker.
        #expect(lines[2]["line"] as? Int == 4)
        #expect(lines[2]["context"] as? String == "I had an awful day at work")
        #expect(lines[2]["verdict"] as? String == "attuned")
        #expect(lines[3]["error"] as? String == #"missing "text""#)
    }

    @Test func eachLineIsWhatAttuneBatchWritesForTheTurn() async throws {
        let input =
            #"{"speaker": "A", "text": "I bombed the interview"}"# + "\n"
            + #"{"speaker": "B", "text": "Have you tried practicing with a friend?", "id": 7}"# + "\n"
        let response = try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(
                uri: "/api/batch", method: .post, headers: ServerFixtures.jsonLinesType, body: ByteBuffer(string: input)
            )
        }
        let lines = String(buffer: response.body).split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        let analyzer = try ServerFixtures.engine.makeAnalyzer()
        var first = Turn(file: "request", line: 1, speaker: "A", text: "I bombed the interview")
        first.turn = 1
        var second = Turn(
            file: "request", line: 2, id: "7", speaker: "B", text: "Have you tried practicing with a friend?",
            context: "I bombed the interview")
        second.turn = 2
        #expect(lines[0] == BatchResult.turn(first, analyzer.analyze(first.text)).json())
        #expect(lines[1] == BatchResult.turn(second, analyzer.analyze(second.text, context: second.context)).json())
    }

    @Test func invalidUTF8InALineIsThatLinesErrorRecord() async throws {
        var body = ByteBuffer(string: #"{"text": "fine"}"# + "\n")
        body.writeBytes(Array(#"{"text": "ok"#.utf8) + [0xC3] + Array("\"}\n".utf8))
        body.writeString(#"{"text": "also fine"}"#)
        let (status, lines, _) = try await Self.post(body)
        #expect(status == .ok)
        try #require(lines.count == 3)
        #expect(lines[1]["error"] as? String == "not valid UTF-8 (first bad byte at column 13)")
        #expect(lines[2]["text"] as? String == "also fine")
    }

    @Test func aLongBodyStreamsEveryLineInOrder() async throws {
        // Over 32 KB, so it arrives in several chunks and lines straddle chunk boundaries.
        let count = 600
        let input = (1...count).map { #"{"speaker": "S\#($0 % 2)", "text": "Turn \#($0): you should just relax."}"# }
            .joined(separator: "\n")
        #expect(input.utf8.count > 32 * 1024)
        let (status, lines, _) = try await Self.post(ByteBuffer(string: input))
        #expect(status == .ok)
        #expect(lines.count == count)
        #expect(lines.map { $0["line"] as? Int ?? 0 } == Array(1...count))
        #expect(lines.allSatisfy { ($0["text"] as? String)?.hasPrefix("Turn ") == true })
    }

    @Test func theSummaryComesLastWhenAskedFor() async throws {
        let input = #"{"speaker": "A", "text": "I'm so stressed"}"# + "\n" + #"{"speaker": "B", "text": "whatever"}"#
        let (_, lines, _) = try await Self.post(ByteBuffer(string: input), query: "?summary=true")
        try #require(lines.count == 3)
        #expect(lines[2]["turns"] as? Int == 2)
        #expect(lines[2]["errors"] as? Int == 0)
        let (_, plain, _) = try await Self.post(ByteBuffer(string: input))
        #expect(plain.count == 2)
    }

    /// Two sessions, each with a "Therapist": two people, unless the request says a
    /// name is one person everywhere (as `attune batch --same-speakers` does).
    @Test func sameSpeakersSumsANameAcrossConversations() async throws {
        let input = """
            {"conversation": "s1", "speaker": "Client", "text": "I'm so stressed about work."}
            {"conversation": "s1", "speaker": "Therapist", "text": "That sounds really hard."}
            {"conversation": "s2", "speaker": "Client", "text": "My sister never calls."}
            {"conversation": "s2", "speaker": "Therapist", "text": "Just call her yourself.", "speaker_id": "t"}
            """
        func speakers(_ query: String) async throws -> [[String: Any]] {
            let (status, lines, _) = try await Self.post(ByteBuffer(string: input), query: query)
            #expect(status == .ok)
            try #require(lines.count == 5)
            #expect(lines[3]["speaker_id"] as? String == "t")
            return try #require(lines[4]["speakers"] as? [[String: Any]])
        }
        let apart = try await speakers("?summary=true")
        // The speaker_id marks the last Therapist as one person of their own.
        #expect(apart.map { $0["speaker"] as? String } == ["Client", "Therapist", "Client", "Therapist"])
        #expect(apart.map { $0["conversation"] as? String } == ["s1", "s1", "s2", nil])
        let same = try await speakers("?summary=true&same_speakers=true")
        #expect(same.map { $0["speaker"] as? String } == ["Client", "Therapist", "Therapist"])
        #expect(same.map { $0["turns"] as? Int } == [2, 1, 1])
        let bare = try await speakers("?summary&same_speakers")
        #expect(bare.map { $0["turns"] as? Int } == [2, 1, 1])
        #expect(try await speakers("?summary=true&same_speakers=false").count == 4)
    }

    @Test func aYesNoParameterWithAnotherValueIs400() async throws {
        let response = try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(
                uri: "/api/batch?same_speakers=maybe", method: .post, headers: ServerFixtures.jsonLinesType,
                body: ByteBuffer(string: #"{"text": "ok"}"#))
        }
        #expect(response.status == .badRequest)
        #expect(
            try ServerFixtures.json(response.body)["error"] as? String
                == "the query parameter same_speakers must be true or false")
    }

    /// A client that reads its first results, sends a long stretch more and leaves: the
    /// route sees it go and counts the request abandoned, with the rest unscored. How
    /// many turns are scored before the close is seen depends on how busy the machine
    /// is, so the exact stop between turns is counted in `BatchSessionTests`.
    @Test func scoringStopsWhenTheClientLeaves() async throws {
        let server = try ServerFixtures.server()
        let turn = #"{"speaker": "A", "text": "You should just relax, it's not a big deal. I didn't mean it."}"# + "\n"
        let (first, rest) = (5, 3000)
        // Declared longer than sent, so the server waits for more rather than finishing.
        let head =
            "POST /api/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
            + "Content-Length: \(turn.utf8.count * (first + rest) * 2)\r\n\r\n"
        let counts = try await server.makeApplication().test(.live) { client in
            let port = client.port!
            try await OffPool.run {
                try RawHTTP.sendAndLeave(
                    port: port, Array((head + String(repeating: turn, count: first)).utf8), until: #""verdict""#,
                    count: first, then: Array(String(repeating: turn, count: rest).utf8))
            }
            // Wait for the response to end, however long that takes on a busy machine.
            for _ in 0..<12_000 where server.work.value.ended == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            return server.work.value
        }
        try #require(counts.ended == 1)
        #expect(counts.abandoned == 1)
        #expect(counts.analysed < first + rest, "\(counts.analysed) of \(first + rest) turns analysed")
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let server = try ServerFixtures.server(ServerConfiguration(port: 0, batchBodyLimit: 100))
        let (status, _, _) = try await Self.post(ByteBuffer(string: String(repeating: "x", count: 101)), server: server)
        #expect(status == .contentTooLarge)
    }

    @Test func aChunkedBodyThatOutgrowsTheLimitEndsWithAnErrorRecord() async throws {
        let turn = #"{"speaker": "A", "text": "You should just quit."}"# + "\n"
        let server = try ServerFixtures.server(ServerConfiguration(port: 0, batchBodyLimit: 3 * turn.utf8.count))
        let head =
            "POST /api/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
        let chunks = RawHTTP.chunked(Array(repeating: turn, count: 5))
        // The three turns within the limit go first, and the rest only once they are
        // answered, so exactly three are scored however the server reads.
        let firstThree = chunks.components(separatedBy: "\r\n").prefix(6).joined(separator: "\r\n") + "\r\n"
        let rest = String(chunks.dropFirst(firstThree.count))
        let (status, body) = try await server.makeApplication().test(.live) { client in
            let port = client.port!
            return try await OffPool.run {
                try RawHTTP.exchange(
                    port: port, Array((head + firstThree).utf8), until: #""verdict""#, times: 3, then: Array(rest.utf8))
            }
        }
        #expect(status == "HTTP/1.1 200 OK")
        let lines = try ServerFixtures.jsonLines(ByteBuffer(string: body))
        // The three turns within the limit are scored, and the last line says why the
        // rest was not.
        #expect(lines.count == 4)
        #expect(lines.dropLast().allSatisfy { $0["verdict"] != nil })
        let last = try #require(lines.last)
        #expect(last["file"] as? String == "request")
        #expect(last["error"] as? String == "the request body is larger than 150 bytes; the rest was not read")
    }

    @Test func theDefaultBatchLimitIs16MB() throws {
        #expect(ServerConfiguration().batchBodyLimit == 16 * 1024 * 1024)
        #expect(ServerConfiguration().checkBodyLimit == 256 * 1024)
    }
}

/// The splitter that turns body chunks into lines.
@Suite struct LineSplitterTests {
    @Test func linesSpanningChunksAreJoined() {
        var splitter = LineSplitter()
        var lines: [String] = []
        for chunk in ["ab", "c\nde", "f\n\ng", "h"] {
            lines += splitter.lines(in: ByteBuffer(string: chunk)).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(lines == ["abc", "def", ""])
        #expect(splitter.finish().map { String(decoding: $0, as: UTF8.self) } == "gh")
        #expect(splitter.finish() == nil)
    }
}
