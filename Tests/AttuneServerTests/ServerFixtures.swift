import AttuneKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

@testable import AttuneServer

/// What the server tests share: the built-in engine (compiled once: immutable and
/// Sendable), servers over it, and small helpers for bodies and JSON.
enum ServerFixtures {
    static let engine: Engine = {
        do { return try Engine.builtIn() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    /// A server over the built-in rules whose log goes to `log` (silent by default).
    static func server(
        _ configuration: ServerConfiguration = ServerConfiguration(port: 0), log: LogRecorder = LogRecorder()
    ) throws -> WebServer {
        try WebServer(engine: engine, configuration: configuration, logger: log.logger)
    }

    /// Runs `test` against the router of a server, without a socket.
    static func withClient<Value: Sendable>(
        _ server: WebServer, _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await server.makeApplication().test(.router, test)
    }

    /// The content types the API routes require (`Endpoint.accepts`).
    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static let jsonLinesType: HTTPFields = [.contentType: "application/x-ndjson"]

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        guard let dictionary = object as? [String: Any] else { throw FixtureError("not a JSON object: \(object)") }
        return dictionary
    }

    static func jsonLines(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        String(buffer: buffer).split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? ["unparsed": String(line)]
        }
    }

    /// A JSON body written by JSONSerialization, so tests do not depend on the server's writer.
    static func body(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Keeps every log line the server writes, to check what the logs carry.
final class LogRecorder: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [String] = []

    /// Each line as the message followed by its metadata, sorted by key.
    var lines: [String] { lock.withLock { entries } }

    var logger: Logger {
        var logger = Logger(label: "attune.serve.test") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func record(_ line: String) { lock.withLock { entries.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            recorder.record(([event.message.description] + fields).joined(separator: " "))
        }
    }
}
