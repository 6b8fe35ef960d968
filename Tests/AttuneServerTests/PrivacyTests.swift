import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// The logs carry method, path, status, sizes and timings, and never the words sent.
@Suite struct PrivacyTests {
    static let secret = "Zanzibar-pineapple-secret"

    @Test func logsCarrySizesAndTimingsButNeverTheText() async throws {
        let log = LogRecorder()
        let server = try ServerFixtures.server(log: log)
        let check = try ServerFixtures.body(["text": "You should quit \(Self.secret)", "context": Self.secret])
        let batch = ByteBuffer(string: #"{"speaker": "A", "text": "\#(Self.secret)"}"# + "\n{\(Self.secret)\n")
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: ServerFixtures.jsonType, body: check)
            try await client.execute(
                uri: "/api/check", method: .post, headers: ServerFixtures.jsonType,
                body: ByteBuffer(string: Self.secret))
            try await client.execute(
                uri: "/api/batch", method: .post, headers: ServerFixtures.jsonLinesType, body: batch)
            try await client.execute(uri: "/\(Self.secret)?q=\(Self.secret)", method: .get)
            try await client.execute(uri: "/api/rules?q=\(Self.secret)", method: .get)
        }
        let lines = log.lines
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(!line.contains(Self.secret), "a log line carries the text: \(line)")
        }
        let checkLine = try #require(lines.first { $0.hasPrefix("POST /api/check 200") })
        #expect(checkLine.contains("bytes_in=\(check.readableBytes)"))
        #expect(checkLine.contains("bytes_out="))
        #expect(checkLine.contains("ms="))
        #expect(lines.contains { $0.hasPrefix("POST /api/check 400") })
        let batchLine = try #require(lines.first { $0.hasPrefix("POST /api/batch 200") })
        #expect(batchLine.contains("bytes_in=\(batch.readableBytes)"))
        #expect(lines.contains { $0.hasPrefix("GET (unrouted path of 26 bytes) 404") })
        #expect(lines.contains { $0.hasPrefix("GET /api/rules 200") })
    }
}
