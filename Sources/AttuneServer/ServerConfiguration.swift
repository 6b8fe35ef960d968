import Foundation

/// Where `attune serve` listens and how much it accepts.
public struct ServerConfiguration: Sendable {
    /// Loopback by default: the page is for the person at this computer, and a reply
    /// they are drafting should not be reachable from the network unless they say so.
    public var host: String
    /// 0 asks the system for a free port (tests use it; the start line names the real one).
    public var port: Int
    /// The largest body `/api/check` reads. 256 KB is some 40,000 words, far beyond any
    /// reply; a bigger body is refused with 413 before it is read.
    public var checkBodyLimit: Int
    /// The largest body `/api/batch` reads: 16 MB, the longest line `attune batch` reads,
    /// so a whole session transcript fits while a runaway upload cannot fill memory.
    public var batchBodyLimit: Int
    /// Analyzers kept for concurrent requests: one per core, since analysis is CPU-bound
    /// and more would only wait for a core while holding ICU objects.
    public var analyzers: Int
    /// The `Host` names answered (loopback, the address listened on, `--allow-host`).
    public var hosts: HostPolicy
    /// A connection that sends or reads nothing for this long is closed, so idle or
    /// stalled clients cannot pile up.
    public var idleTimeout: Duration
    /// How long `/api/check` waits for its whole body (a slow sender's bytes would each
    /// reset the idle timer).
    public var bodyReadTimeout: Duration
    /// Connections held at once; past this the server stops accepting until one closes.
    public var maxConnections: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, allowedHosts: [String] = [], checkBodyLimit: Int = 256 * 1024,
        batchBodyLimit: Int = 16 * 1024 * 1024, analyzers: Int = ProcessInfo.processInfo.activeProcessorCount,
        idleTimeout: Duration = .seconds(30), bodyReadTimeout: Duration = .seconds(10), maxConnections: Int = 256
    ) {
        self.host = host
        self.port = port
        self.hosts = HostPolicy(listeningOn: host, allowing: allowedHosts)
        self.checkBodyLimit = checkBodyLimit
        self.batchBodyLimit = batchBodyLimit
        self.analyzers = max(1, analyzers)
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.maxConnections = max(1, maxConnections)
    }
}
