import AttuneKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AttuneServer

/// Only the server's own page, and tools on this computer, can drive it: foreign `Host`
/// names (DNS rebinding), other sites' `Origin`s and bodies of the types a page on
/// another site can send without asking are refused, each with a JSON error.
@Suite struct RequestGuardTests {
    static let checkBody = #"{"text": "You should just quit"}"#

    /// A raw request on a live server, so the test chooses every header.
    static func send(
        _ headers: [String], body: String = checkBody, path: String = "/api/check",
        configuration: ServerConfiguration = ServerConfiguration(port: 0)
    ) async throws -> (status: String, error: String?) {
        let request =
            (["POST \(path) HTTP/1.1", "Content-Length: \(body.utf8.count)", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n" + body
        let server = try ServerFixtures.server(configuration)
        let (status, answer) = try await server.makeApplication().test(.live) { client in
            let port = client.port!
            return try await OffPool.run { try RawHTTP.exchangeUntilClose(port: port, request) }
        }
        let object = try? JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
        return (status, object?["error"] as? String)
    }

    @Test(arguments: ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST"])
    func loopbackNamesAreAnswered(host: String) async throws {
        let (status, _) = try await Self.send(["Host: \(host)", "Content-Type: application/json"])
        #expect(status == "HTTP/1.1 200 OK")
    }

    @Test(arguments: ["evil.example", "evil.example:8080", "localhost.evil.example", "192.168.1.20:8080"])
    func otherHostNamesAreRefused(host: String) async throws {
        let (status, error) = try await Self.send(["Host: \(host)", "Content-Type: application/json"])
        #expect(status == "HTTP/1.1 403 Forbidden")
        #expect(error?.contains("--allow-host") == true)
    }

    @Test func listeningOnEveryInterfaceAnswersIPAddressesButNotNames() async throws {
        let open = ServerConfiguration(host: "0.0.0.0", port: 0)
        #expect(open.hosts.allows(hostHeader: "192.168.1.20:8080"))
        #expect(open.hosts.allows(hostHeader: "[fe80::1]:8080"))
        #expect(open.hosts.allows(hostHeader: "localhost"))
        #expect(!open.hosts.allows(hostHeader: "evil.example:8080"))
        let named = ServerConfiguration(host: "0.0.0.0", port: 0, allowedHosts: ["my-laptop.local"])
        #expect(named.hosts.allows(hostHeader: "My-Laptop.local.:8080"))
    }

    @Test func aCrossSiteOriginIsRefusedAndTheSameOriginIsNot() async throws {
        let foreign = try await Self.send([
            "Host: localhost:8080", "Origin: https://evil.example", "Content-Type: application/json",
        ])
        #expect(foreign.status == "HTTP/1.1 403 Forbidden")
        #expect(foreign.error == "requests from other sites are refused")
        let own = try await Self.send([
            "Host: localhost:8080", "Origin: http://localhost:8080", "Content-Type: application/json",
        ])
        #expect(own.status == "HTTP/1.1 200 OK")
        let fetched = try await Self.send([
            "Host: localhost:8080", "Sec-Fetch-Site: cross-site", "Content-Type: application/json",
        ])
        #expect(fetched.status == "HTTP/1.1 403 Forbidden")
    }

    /// text/plain is what a form or a no-cors fetch on another site can send unasked.
    @Test(arguments: [nil, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
    func checkTakesOnlyJSON(type: String?) async throws {
        let (status, error) = try await Self.send(["Host: localhost"] + (type.map { ["Content-Type: \($0)"] } ?? []))
        #expect(status == "HTTP/1.1 415 Unsupported Media Type")
        #expect(error == "/api/check takes a body of Content-Type application/json")
    }

    @Test func jsonWithParametersIsFine() async throws {
        let (status, _) = try await Self.send(["Host: localhost", "Content-Type: Application/JSON; charset=utf-8"])
        #expect(status == "HTTP/1.1 200 OK")
    }

    @Test func batchTakesOnlyJSONLines() async throws {
        let turn = #"{"text": "ok"}"#
        let refused = try await Self.send(
            ["Host: localhost", "Content-Type: text/plain"], body: turn, path: "/api/batch")
        #expect(refused.status == "HTTP/1.1 415 Unsupported Media Type")
        #expect(refused.error?.contains("application/x-ndjson") == true)
    }

    @Test func theServerHasTimeoutsAndAConnectionCap() {
        let configuration = ServerConfiguration()
        #expect(configuration.idleTimeout == .seconds(30))
        #expect(configuration.bodyReadTimeout == .seconds(10))
        #expect(configuration.maxConnections == 256)
    }

    /// A client that declares a body and never sends it gets 408, as JSON, once the
    /// body read timeout passes, instead of holding a task forever.
    @Test func aStalledBodyTimesOut() async throws {
        let request =
            "POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"text\":"
        let server = try ServerFixtures.server(ServerConfiguration(port: 0, bodyReadTimeout: .milliseconds(200)))
        let (status, body) = try await server.makeApplication().test(.live) { client in
            let port = client.port!
            return try await OffPool.run { try RawHTTP.exchangeUntilClose(port: port, request) }
        }
        #expect(status == "HTTP/1.1 408 Request Timeout")
        #expect(body.contains("did not arrive within"))
    }
}
