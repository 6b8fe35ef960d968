import Hummingbird

/// The page, its style and script, and the OpenAPI description, embedded in the binary
/// from `Assets/` at build time: the server works from any directory and offline, and
/// needs no file access at run time.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let body: ByteBuffer
    }

    /// Assets by URL path: "/app.js", "/openapi.json"...
    let byPath: [String: Asset]

    init(files: [(path: String, contents: String)] = embeddedAssets) {
        var byPath: [String: Asset] = [:]
        for file in files {
            guard let type = Self.contentType(of: file.path) else { continue }
            byPath["/" + file.path] = Asset(contentType: type, body: ByteBuffer(string: file.contents))
        }
        self.byPath = byPath
    }

    /// The page's files; the OpenAPI description is an API route of its own.
    var pagePaths: [String] { byPath.keys.filter { $0 != "/openapi.json" }.sorted() }

    func response(for path: String) -> Response? {
        guard let asset = byPath[path] else { return nil }
        var headers: HTTPFields = [
            .contentType: asset.contentType,
            // Always revalidate, so a new build's page is never mixed with an old script.
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
        ]
        if asset.contentType.hasPrefix("text/html") {
            // The page may talk only to this server: no script, style, font or request
            // can reach another host, even if someone edits the page to try.
            headers[.contentSecurityPolicy] =
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.body))
    }

    static func contentType(of path: String) -> String? {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        default: nil
        }
    }
}
