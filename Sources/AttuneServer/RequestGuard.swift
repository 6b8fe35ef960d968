import Hummingbird

/// Lets only this server's own page, and tools on this computer, drive the server.
///
/// A page on another site can send a request to `localhost` from the user's browser;
/// a `Host` this server does not answer to (DNS rebinding) or an `Origin` that is not
/// this server (a cross-site request) is refused with 403 before any route runs. Tools
/// such as curl send no `Origin` and are unaffected. The JSON content types the routes
/// require (`Endpoint.accepts`) finish the job: a browser cannot send them cross-site
/// without a preflight this server never approves.
struct RequestGuard: RouterMiddleware {
    typealias Context = ServerContext
    let hosts: HostPolicy

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // HTTP/1's Host header arrives as the request's authority.
        let host = request.head.authority
        if let host, !hosts.allows(hostHeader: host) {
            throw APIError(
                status: .forbidden,
                message: "this server answers only to its own address (see `attune serve --allow-host`)")
        }
        if let origin = request.headers[.origin], !Self.isSameOrigin(origin, host: host) {
            throw APIError(status: .forbidden, message: "requests from other sites are refused")
        }
        if request.headers.contains(where: { $0.name.canonicalName == "sec-fetch-site" && $0.value == "cross-site" }) {
            throw APIError(status: .forbidden, message: "requests from other sites are refused")
        }
        return try await next(request, context)
    }

    /// The page's own requests carry `Origin: http://<the Host they were sent to>`.
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host else { return false }
        return origin.lowercased() == "http://\(host.lowercased())"
    }
}
