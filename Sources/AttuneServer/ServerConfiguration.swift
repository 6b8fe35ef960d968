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

    public init(
        host: String = "127.0.0.1", port: Int = 8080, checkBodyLimit: Int = 256 * 1024,
        batchBodyLimit: Int = 16 * 1024 * 1024, analyzers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.host = host
        self.port = port
        self.checkBodyLimit = checkBodyLimit
        self.batchBodyLimit = batchBodyLimit
        self.analyzers = max(1, analyzers)
    }
}
