import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// The OpenAPI description lists each refusal the server really sends, on every route
/// where it can happen, as the JSON `Error` body: each status here is provoked for real,
/// through the router (the guard and the routes) and over a socket (the HTTP parser).
@Suite struct OpenAPIErrorTests {
    /// The error statuses documented on a route, each with the schema its response refers to.
    static func documentedErrors(_ method: String, _ path: String) throws -> [Int: String] {
        let object = try ServerFixtures.json(ByteBuffer(string: PageAndRouteTests.asset("openapi.json")))
        let paths = try #require(object["paths"] as? [String: [String: [String: Any]]])
        let components = try #require((object["components"] as? [String: Any])?["responses"] as? [String: Any])
        let responses = try #require(paths[path]?[method.lowercased()]?["responses"] as? [String: [String: Any]])
        var errors: [Int: String] = [:]
        for (status, response) in responses {
            guard let code = Int(status), code >= 400 else { continue }
            let name = (response["$ref"] as? String)?.components(separatedBy: "/").last ?? ""
            let content = (components[name] as? [String: Any])?["content"] as? [String: Any]
            let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            errors[code] = schema?["$ref"] as? String ?? "no JSON schema"
        }
        return errors
    }

    /// What each route answers to a foreign page and, for the API routes, to a wrong
    /// type, an oversized body and a bad body or query.
    static func routerRefusals(_ server: WebServer) async throws -> [(method: String, path: String, status: Int)] {
        let endpoints = server.endpoints
        return try await ServerFixtures.withClient(server) { client in
            var seen: [(method: String, path: String, status: Int)] = []
            for endpoint in endpoints {
                func note(_ response: TestResponse) {
                    seen.append((endpoint.method.rawValue, endpoint.path, Int(response.status.code)))
                }
                note(
                    try await client.execute(
                        uri: endpoint.path, method: endpoint.method, headers: [.origin: "https://evil.example"]))
                guard let type = endpoint.accepts.first else { continue }
                let typed: HTTPFields = [.contentType: type]
                note(
                    try await client.execute(
                        uri: endpoint.path, method: .post, headers: [.contentType: "text/plain"],
                        body: ByteBuffer(string: "{}")))
                note(
                    try await client.execute(
                        uri: endpoint.path, method: .post, headers: typed,
                        body: ByteBuffer(string: "{\"text\": \"ok\"}")))
                let bad = endpoint.path == "/api/batch" ? "?same_speakers=maybe" : ""
                note(
                    try await client.execute(
                        uri: endpoint.path + bad, method: .post, headers: typed, body: ByteBuffer(string: "{")))
            }
            return seen
        }
    }

    /// What each route answers to a request the HTTP parser refuses.
    static func parserRefusals(_ server: WebServer) async throws -> [(method: String, path: String, status: Int)] {
        let endpoints = server.endpoints.map { ($0.method.rawValue, $0.path) }
        return try await server.makeApplication().test(.live) { client in
            let port = client.port!
            var seen: [(method: String, path: String, status: Int)] = []
            for (method, path) in endpoints {
                for header in ["Content-Length: abc", "X-Padding: " + String(repeating: "a", count: 100_000)] {
                    let request = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\n\(header)\r\n\r\n"
                    let (status, _) = try await OffPool.run { try RawHTTP.exchangeUntilClose(port: port, request) }
                    seen.append((method, path, Int(status.split(separator: " ")[1]) ?? 0))
                }
            }
            return seen
        }
    }

    @Test func everyRefusalIsDocumentedOnItsRouteAsAJSONError() async throws {
        let server = try ServerFixtures.server(ServerConfiguration(port: 0, checkBodyLimit: 10, batchBodyLimit: 10))
        let seen = try await Self.routerRefusals(server) + Self.parserRefusals(server)
        var statuses: [String: Set<Int>] = [:]
        for (method, path, status) in seen {
            statuses["\(method) \(path)", default: []].insert(status)
            #expect(status >= 400, "\(method) \(path) answered \(status)")
            #expect(
                try Self.documentedErrors(method, path)[status] == "#/components/schemas/Error",
                "\(method) \(path): \(status) is not documented as a JSON error")
        }
        // Each refusal was met: the guard's, the parser's, and the API routes' own.
        #expect(statuses["GET /healthz"] == [400, 403, 431])
        #expect(statuses["POST /api/check"] == [400, 403, 413, 415, 431])
        #expect(statuses["POST /api/batch"] == [400, 403, 413, 415, 431])
        // The read timeout's 408 (provoked in RequestGuardTests) is /api/check's alone.
        #expect(try Self.documentedErrors("POST", "/api/check")[408] == "#/components/schemas/Error")
    }
}
