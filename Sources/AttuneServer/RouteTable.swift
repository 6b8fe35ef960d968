import Hummingbird

/// The routes the server answers and their methods, recorded as they are registered,
/// so that a known path asked with the wrong method gets 405 and a list of what is
/// allowed, rather than the router's bare 404.
struct RouteTable: Sendable {
    private(set) var methods: [String: [HTTPRequest.Method]] = [:]

    mutating func add(_ method: HTTPRequest.Method, _ path: String) {
        methods[path, default: []].append(method)
        // The router answers HEAD for every GET (`autoGenerateHeadEndpoints`).
        if method == .get { methods[path]!.append(.head) }
    }

    /// The methods `path` accepts, or nil when no route has that path.
    func allowed(at path: String) -> [HTTPRequest.Method]? { methods[path] }

    /// Every registered path, for tests that check the OpenAPI description covers them.
    var paths: [String] { methods.keys.sorted() }
}
