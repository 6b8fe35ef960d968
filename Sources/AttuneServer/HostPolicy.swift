import Foundation

/// Which `Host` names the server answers to. A web page elsewhere can point a name it
/// controls at this computer (DNS rebinding) and then talk to the server as if it were
/// same-origin; answering only to loopback names, IP literals and names the user listed
/// closes that door, since rebinding needs a DNS name.
public struct HostPolicy: Sendable, Equatable {
    /// Names always accepted: this computer's loopback names.
    static let loopback: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// Names accepted besides loopback: the address listened on and `--allow-host` names.
    public var names: Set<String>
    /// Listening on every interface (0.0.0.0 or ::), so a phone on the network reaches
    /// the page by this computer's IP address: any IP literal is accepted then.
    public var acceptsAnyAddress: Bool

    public init(listeningOn host: String, allowing extra: [String] = []) {
        let wildcard = ["0.0.0.0", "::", "[::]"].contains(host)
        acceptsAnyAddress = wildcard
        names = Set((wildcard ? [] : [Self.bare(host)]) + extra.map(Self.bare)).union(Self.loopback)
    }

    /// Whether a `Host` header value (`name`, `name:port`, `[v6]:port`) is accepted.
    public func allows(hostHeader value: String) -> Bool {
        let name = Self.bare(Self.withoutPort(value))
        if names.contains(name) { return true }
        return acceptsAnyAddress && Self.isIPLiteral(name)
    }

    /// Lowercased, without IPv6 brackets or a trailing dot.
    static func bare(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    static func withoutPort(_ value: String) -> String {
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            return String(value[...close])
        }
        // One colon is a port; several are a bare IPv6 address.
        guard value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") else { return value }
        return String(value[..<colon])
    }

    static func isIPLiteral(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
