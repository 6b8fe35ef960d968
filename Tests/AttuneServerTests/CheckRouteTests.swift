import AttuneKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// `POST /api/check` and every way its request can be wrong.
@Suite struct CheckRouteTests {
    static let context = "I had an awful day at work"
    static let reply = "You should just quit, it's not a big deal"

    @Test func answersWithExactlyTheCheckCommandsJSON() async throws {
        let expected = try ServerFixtures.engine.makeAnalyzer().analyze(Self.reply, context: Self.context).json()
        let body = try ServerFixtures.body(["text": Self.reply, "context": Self.context])
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: body) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == expected)
            }
        }
    }

    /// A client that sends a long reply and leaves before its answer: the analysis
    /// stops and is not counted as done (operations counted, not time).
    @Test func theAnalysisStopsWhenTheClientLeaves() async throws {
        let server = try ServerFixtures.server()
        let reply = String(repeating: "You should just relax, it's not a big deal. ", count: 4000)
        let body = try JSONSerialization.data(withJSONObject: ["text": reply])
        let head =
            "POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        let counts = try await server.makeApplication().test(.live) { client in
            let port = client.port!
            try await OffPool.run { try RawHTTP.sendAndLeave(port: port, Array(head.utf8) + Array(body)) }
            // Wait for the request to end, however long that takes on a busy machine.
            for _ in 0..<12_000 where server.work.value.ended == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            return server.work.value
        }
        try #require(counts.ended == 1)
        #expect(counts.abandoned == 1 && counts.analysed == 0)
    }

    @Test func contextIsOptionalAndMayBeNull() async throws {
        let analyzer = try ServerFixtures.engine.makeAnalyzer()
        let expected = analyzer.analyze("That sounds so hard.", context: nil).json()
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            for body in [#"{"text": "That sounds so hard."}"#, #"{"text": "That sounds so hard.", "context": null}"#] {
                try await client.execute(
                    uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: ByteBuffer(string: body)
                ) {
                    response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == expected)
                }
            }
        }
    }

    @Test(arguments: [
        ("{\"text\": ", "the request body is not valid JSON"),
        ("", "the request body is not valid JSON"),
        ("[\"You should quit\"]", "the request body must be a JSON object"),
        ("{\"context\": \"hi\"}", "missing \"text\""),
        ("{\"text\": 42}", "\"text\" must be a string"),
        ("{\"text\": null}", "\"text\" must be a string"),
        ("{\"text\": \"ok\", \"context\": [1]}", "\"context\" must be a string or null"),
    ])
    func aBadBodyIs400WithAMessage(body: String, message: String) async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(
                uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json")
                let error = try ServerFixtures.json(response.body)["error"] as? String
                #expect(error?.hasPrefix(message) == true, "\(error ?? "no error field")")
            }
        }
    }

    @Test func invalidUTF8Is400AndNamesTheByte() async throws {
        // {"text": "ok<FF>"}: the bad byte is at offset 12.
        let bytes = Array(#"{"text": "ok"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(
                uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .badRequest)
                let error = try ServerFixtures.json(response.body)["error"] as? String
                #expect(error == "the request body is not valid UTF-8 (first bad byte at offset 12)")
            }
        }
    }

    @Test func aBodyOver256KBIs413() async throws {
        let text = String(repeating: "a", count: 256 * 1024)
        let body = try ServerFixtures.body(["text": text])
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: body) {
                response in
                #expect(response.status == .contentTooLarge)
                let error = try ServerFixtures.json(response.body)["error"] as? String
                #expect(error == "the request body is larger than 256 KB")
            }
        }
    }

    @Test func theLimitIsInclusive() async throws {
        let body = try ServerFixtures.body(["text": "You should quit."])
        let limit = body.readableBytes
        let exact = try ServerFixtures.server(ServerConfiguration(port: 0, checkBodyLimit: limit))
        let under = try ServerFixtures.server(ServerConfiguration(port: 0, checkBodyLimit: limit - 1))
        try await ServerFixtures.withClient(exact) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: body) {
                #expect($0.status == .ok)
            }
        }
        try await ServerFixtures.withClient(under) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: body) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }

    @Test func concurrentRequestsShareTheAnalyzersSafely() async throws {
        let replies = (0..<24).map { "You should just quit, it's not a big deal (\($0))" }
        let analyzer = try ServerFixtures.engine.makeAnalyzer()
        let expected = replies.map { analyzer.analyze($0).json() }
        let server = try ServerFixtures.server(ServerConfiguration(port: 0, analyzers: 2))
        let answers = try await ServerFixtures.withClient(server) { client in
            try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, reply) in replies.enumerated() {
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/api/check", method: .post, headers: ServerFixtures.jsonType,
                            body: try ServerFixtures.body(["text": reply]))
                        return (index, String(buffer: response.body))
                    }
                }
                var answers = [String](repeating: "", count: replies.count)
                for try await (index, body) in group { answers[index] = body }
                return answers
            }
        }
        #expect(answers == expected)
    }
}
