import AttuneKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// The page and its files, the small GET routes, and the answers for routes that do not exist.
@Suite struct PageAndRouteTests {
    static func asset(_ name: String) -> String {
        embeddedAssets.first { $0.path == name }!.contents
    }

    @Test(arguments: [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/index.html", "index.html", "text/html; charset=utf-8"),
        ("/style.css", "style.css", "text/css; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/openapi.json", "openapi.json", "application/json"),
    ])
    func thePageAndItsFilesWithTheirTypes(path: String, file: String, type: String) async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(String(buffer: response.body) == Self.asset(file))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func thePageMayTalkOnlyToThisServer() async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("connect-src 'self'"))
            }
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
        // Nothing on the page points anywhere but this server.
        for file in ["index.html", "style.css", "app.js"] {
            #expect(!Self.asset(file).contains("http://") && !Self.asset(file).contains("https://"), "\(file)")
        }
    }

    @Test func healthz() async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func rulesAreTheRulesListCommandsJSON() async throws {
        let expected = RuleListing.json(ServerFixtures.engine.ruleSet.rules)
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/api/rules", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == expected)
            }
        }
    }

    @Test func theOpenAPIDescriptionDocumentsEveryRoute() throws {
        let object = try ServerFixtures.json(ByteBuffer(string: Self.asset("openapi.json")))
        #expect((object["openapi"] as? String)?.hasPrefix("3.") == true)
        let documented = try #require(object["paths"] as? [String: [String: Any]])
        let server = try ServerFixtures.server()
        for endpoint in server.endpoints {
            let method = endpoint.method.rawValue.lowercased()
            #expect(documented[endpoint.path]?[method] != nil, "\(endpoint.method) \(endpoint.path) is not documented")
        }
        #expect(Set(documented.keys) == Set(server.endpoints.map(\.path)))
    }

    @Test func anUnknownRouteIs404JSON() async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
                let error = try ServerFixtures.json(response.body)["error"] as? String
                #expect(error == "no route for GET /nope; see /openapi.json")
            }
        }
    }

    @Test func aKnownRouteWithTheWrongMethodIs405WithAllow() async throws {
        try await ServerFixtures.withClient(try ServerFixtures.server()) { client in
            try await client.execute(uri: "/api/check", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                let error = try ServerFixtures.json(response.body)["error"] as? String
                #expect(error == "GET is not allowed on /api/check (allowed: POST)")
            }
            try await client.execute(uri: "/api/rules", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }
}
