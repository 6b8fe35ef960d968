import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AttuneServer

/// Requests the HTTP parser refuses get a JSON error like every route's, not an empty 400.
@Suite struct ProtocolErrorTests {
    static func send(_ head: [String], body: String = "") async throws -> (status: String, body: String) {
        let request = head.joined(separator: "\r\n") + "\r\n\r\n" + body
        let server = try ServerFixtures.server(ServerConfiguration(port: 0))
        return try await server.makeApplication().test(.live) { client in
            let port = client.port!
            return try await OffPool.run { try RawHTTP.exchangeUntilClose(port: port, request) }
        }
    }

    static func error(in body: String) -> String? {
        let start = body.firstIndex(of: "{").map { String(body[$0...]) } ?? body
        let object = try? JSONSerialization.jsonObject(with: Data(start.utf8)) as? [String: Any]
        return object?["error"] as? String
    }

    @Test(arguments: ["abc", "-1", "12, 13"])
    func aBadContentLengthGetsAJSONError(length: String) async throws {
        let (status, body) = try await Self.send([
            "POST /api/check HTTP/1.1", "Host: localhost", "Content-Type: application/json",
            "Content-Length: \(length)",
        ])
        #expect(status == "HTTP/1.1 400 Bad Request")
        #expect(Self.error(in: body) == "the request's Content-Length is not a valid length")
    }

    @Test func headersOverTheLimitGetAJSONError() async throws {
        let (status, body) = try await Self.send([
            "GET /healthz HTTP/1.1", "Host: localhost", "X-Padding: " + String(repeating: "a", count: 100_000),
        ])
        #expect(status == "HTTP/1.1 431 Request Header Fields Too Large")
        #expect(Self.error(in: body)?.contains("80 KB") == true)
    }

    @Test func aGoodRequestIsUntouched() async throws {
        let (status, body) = try await Self.send([
            "GET /healthz HTTP/1.1", "Host: localhost", "Connection: close",
        ])
        #expect(status == "HTTP/1.1 200 OK")
        #expect(body.contains("ok"))
    }
}
