import AttuneKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `attune serve`: the page and the JSON API over one engine. Building the application
/// is separate from running it, so tests drive the same routes without a socket.
public struct WebServer: Sendable {
    public let configuration: ServerConfiguration
    let pool: AnalyzerPool
    let assets = StaticAssets()
    /// The rule list never changes while the server runs, so it is rendered once.
    let rulesJSON: String
    let logger: Logger
    /// Replies and turns analysed, and requests abandoned by their clients.
    public let work = WorkCounter()

    /// - Parameter logger: where the access log goes; by default standard error, at
    ///   info level whatever `LOG_LEVEL` says, since lower levels carry library detail
    ///   this server has not vetted for privacy.
    public init(engine: Engine, configuration: ServerConfiguration = ServerConfiguration(), logger: Logger? = nil)
        throws(AttuneError)
    {
        self.configuration = configuration
        pool = try AnalyzerPool(engine: engine, size: configuration.analyzers)
        rulesJSON = RuleListing.json(engine.ruleSet.rules)
        self.logger =
            logger
            ?? {
                var logger = Logger(label: "attune.serve") { StreamLogHandler.standardError(label: $0) }
                logger.logLevel = .info
                return logger
            }()
    }

    /// The application, for `run` and for HummingbirdTesting's `app.test(.router)`.
    /// `onReady` gets the page's URL, with the real port when port 0 was asked for.
    public func makeApplication(
        onReady: @escaping @Sendable (_ url: String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let host = configuration.host
        let idle = configuration.idleTimeout.components
        return Application(
            router: makeRouter(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ProtocolErrorAnswer.Installer(), ClientWatch()],
                    idleTimeout: .seconds(idle.seconds) + .nanoseconds(idle.attoseconds / 1_000_000_000))),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port),
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onReady("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight.
    public func run(onReady: @escaping @Sendable (_ url: String) async -> Void) async throws {
        try await makeApplication(onReady: onReady).runService()
    }
}
