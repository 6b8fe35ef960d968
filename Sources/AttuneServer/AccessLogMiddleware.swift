import Hummingbird
import Logging

/// One log line per request with its method, path, status, body sizes and duration,
/// and nothing else: never a header, a query string or a byte of either body, since
/// the bodies are the replies people are drafting. A path that matches no route is
/// logged by its length only, as a client may have put anything in it.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let routes: RouteTable

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let entry = Entry(
            method: request.method.rawValue, path: loggedPath(request.uri.path),
            declaredLength: request.headers[.contentLength].flatMap { Int($0) }, received: context.received,
            start: start, logger: context.logger)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            entry.log(status: (error as? HTTPResponseError)?.status.code ?? 500, sent: 0)
            throw error
        }
        guard response.body.contentLength == nil else {
            entry.log(status: response.status.code, sent: response.body.contentLength ?? 0)
            return response
        }
        // A streamed body: log once it has been written, with what was really sent.
        let body = response.body
        let status = response.status.code
        response.body = ResponseBody { writer in
            let sent = ByteCounter()
            do {
                try await body.write(
                    writer.map { buffer in
                        sent.add(buffer.readableBytes)
                        return buffer
                    })
                entry.log(status: status, sent: sent.value)
            } catch {
                entry.log(status: status, sent: sent.value, note: "response aborted")
                throw error
            }
        }
        return response
    }

    private func loggedPath(_ path: String) -> String {
        routes.allowed(at: path) != nil ? path : "(unrouted path of \(path.utf8.count) bytes)"
    }

    /// What is known of a request when it arrives, to log when its answer is done.
    private struct Entry: Sendable {
        let method: String
        let path: String
        let declaredLength: Int?
        let received: ByteCounter
        let start: ContinuousClock.Instant
        let logger: Logger

        func log(status: Int, sent: Int, note: String? = nil) {
            let elapsed = ContinuousClock.now - start
            let milliseconds =
                Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            var metadata: Logger.Metadata = [
                "status": "\(status)",
                "bytes_in": "\(max(received.value, declaredLength ?? 0))",
                "bytes_out": "\(sent)",
                "ms": "\((milliseconds * 100).rounded() / 100)",
            ]
            if let note { metadata["note"] = "\(note)" }
            logger.info("\(method) \(path) \(status)", metadata: metadata)
        }
    }
}
