import AttuneKit
import Hummingbird
import NIOCore

/// One route: a method, a path and what answers it.
struct Endpoint: Sendable {
    let method: HTTPRequest.Method
    let path: String
    /// The media types the body must be declared as, for routes that read one; the
    /// declared type is also what stops a page on another site from posting to them
    /// (see `RequestGuard`).
    var accepts: [String] = []
    let handle: @Sendable (Request, ServerContext) async throws -> Response

    /// Refuses a body of another (or no) declared type with 415.
    func checkContentType(of request: Request) throws(APIError) {
        guard !accepts.isEmpty else { return }
        let declared = request.headers[.contentType].map(MediaType.essence) ?? ""
        guard accepts.contains(declared) else {
            throw APIError(
                status: .unsupportedMediaType,
                message: "\(path) takes a body of Content-Type \(accepts.joined(separator: " or "))")
        }
    }
}

/// The part of a Content-Type that names the type, lowercased, without parameters.
enum MediaType {
    static let json = "application/json"
    /// JSON Lines go by several names; curl and most libraries send one of these.
    static let jsonLines = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"]

    static func essence(_ value: String) -> String {
        String(value.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }
}

extension WebServer {
    /// Every route the server answers. The OpenAPI description (`Assets/openapi.json`)
    /// documents each of them, and a test holds the two together.
    var endpoints: [Endpoint] {
        let assets = assets
        let rules = rulesJSON
        var endpoints = [
            Endpoint(method: .get, path: "/") { _, _ in assets.response(for: "/index.html")! },
            Endpoint(method: .get, path: "/openapi.json") { _, _ in assets.response(for: "/openapi.json")! },
            Endpoint(method: .get, path: "/healthz") { _, _ in JSONBody.response(#"{"status":"ok"}"#) },
            Endpoint(method: .get, path: "/api/rules") { _, _ in JSONBody.response(rules) },
            Endpoint(method: .post, path: "/api/check", accepts: [MediaType.json]) { request, context in
                try await check(request, context)
            },
            Endpoint(method: .post, path: "/api/batch", accepts: MediaType.jsonLines) { request, context in
                try batch(request, context)
            },
        ]
        for path in assets.pagePaths {
            endpoints.append(Endpoint(method: .get, path: path) { _, _ in assets.response(for: path)! })
        }
        return endpoints
    }

    /// The router: the access log outermost (so it sees the final status), then the
    /// JSON errors, then the guard against other sites, then the routes.
    func makeRouter() -> Router<ServerContext> {
        let endpoints = endpoints
        var table = RouteTable()
        for endpoint in endpoints { table.add(endpoint.method, endpoint.path) }
        let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLogMiddleware(routes: table))
        router.add(middleware: ErrorMiddleware(routes: table))
        router.add(middleware: RequestGuard(hosts: configuration.hosts))
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try endpoint.checkContentType(of: request)
                return try await endpoint.handle(request, context)
            }
        }
        return router
    }

    /// `POST /api/check`: `{"text", "context"?}` in, the `attune check --format json` object out.
    func check(_ request: Request, _ context: ServerContext) async throws -> Response {
        defer { work.ended() }
        let limit = configuration.checkBodyLimit
        try refuseDeclaredBody(of: request, over: limit)
        let body = try await readBody(of: request, upTo: limit)
        context.received.add(body.readableBytes)
        let input = try CheckRequest.decode(body.readableBytesView)
        let client = await ClientWatch.client(on: context.channel)
        let gone: @Sendable () -> Bool = { Task.isCancelled || client?.isGone == true }
        // A client that left while the body was read or an analyzer was awaited, or
        // during the analysis, gets no answer: the work stops at the next check.
        let analysis = await pool.withAnalyzer { analyzer in
            gone() ? nil : analyzer.analyze(input.text, context: input.context, stopIf: gone)
        }
        guard let analysis else {
            work.abandoned()
            throw APIError.clientGone
        }
        work.analysed()
        return JSONBody.response(analysis.json())
    }

    /// `POST /api/batch`: JSONL in, JSONL out, a line out per line in, written as each
    /// chunk of the body is scored, so a long transcript's first turns come back while
    /// the rest is still being sent. `?summary=true` adds the summary line at the end;
    /// `?same_speakers=true` sums a name across conversations in it, as
    /// `attune batch --same-speakers` does. Scoring stops, between turns, once the
    /// client has gone.
    func batch(_ request: Request, _ context: ServerContext) throws -> Response {
        let limit = configuration.batchBodyLimit
        try refuseDeclaredBody(of: request, over: limit)
        let wantsSummary = try Self.flag("summary", of: request)
        let sameSpeakers = try Self.flag("same_speakers", of: request)
        let body = request.body
        let received = context.received
        let channel = context.channel
        let (pool, work) = (pool, work)
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson"],
            body: ResponseBody { writer in
                defer { work.ended() }
                let client = await ClientWatch.client(on: channel)
                let gone: @Sendable () -> Bool = { Task.isCancelled || client?.isGone == true }
                var session = BatchSession(pool: pool, summary: wantsSummary, sameSpeakers: sameSpeakers)
                var lines = LineSplitter()
                var total = 0
                // An empty chunk would end a chunked body early: write only text.
                func send(_ text: String) async throws {
                    if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                }
                do {
                    for try await chunk in body {
                        guard !gone() else { throw CancellationError() }
                        total += chunk.readableBytes
                        received.add(chunk.readableBytes)
                        if total > limit {
                            // Without a Content-Length the size shows only now: say so in
                            // the stream, in the place of the turns that were not read.
                            try await send(
                                session.stop(
                                    because: "the request body is larger than \(ByteSize(limit)); the rest was not read"
                                ))
                            break
                        }
                        try await send(await session.score(lines.lines(in: chunk), clientGone: gone, counter: work))
                        if session.abandoned { throw CancellationError() }
                    }
                    if total <= limit, let last = lines.finish() {
                        try await send(await session.score([last], clientGone: gone, counter: work))
                        if session.abandoned { throw CancellationError() }
                    }
                } catch {
                    // The client left: scoring stopped between turns, or the body broke off.
                    if session.abandoned || gone() { work.abandoned() }
                    throw error
                }
                try await send(session.end())
                try await writer.finish(nil)
            })
    }

    /// A yes/no query parameter: absent, `false` or `0` is no; `true`, `1` or bare
    /// (`?summary`) is yes; anything else is refused, not guessed.
    static func flag(_ name: String, of request: Request) throws(APIError) -> Bool {
        guard let value = request.uri.queryParameters[name[...]].map(String.init) else { return false }
        switch value.lowercased() {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw APIError.badRequest("the query parameter \(name) must be true or false")
        }
    }

    /// The whole body, within the size limit and the read timeout: a client that sends
    /// a few bytes and then stalls would otherwise hold its connection and a task.
    private func readBody(of request: Request, upTo limit: Int) async throws -> ByteBuffer {
        let timeout = configuration.bodyReadTimeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await request.body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw APIError.tooLarge(limit: limit)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() ?? nil else {
                throw APIError(
                    status: .requestTimeout, message: "the request body did not arrive within \(timeout)")
            }
            return body
        }
    }

    /// A body whose declared length is over the limit is refused before a byte is read.
    private func refuseDeclaredBody(of request: Request, over limit: Int) throws(APIError) {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
    }
}
