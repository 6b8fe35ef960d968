import Hummingbird
import NIOCore

/// Turns every error into a JSON answer the page can show, `{"error": message}`: the
/// handlers' own 400s and 413s, the router's 404 (a 405 with `Allow` when the path
/// exists under another method), and anything unexpected as a 500, so no request can
/// end in an empty or HTML error body.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let routes: RouteTable

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try notFound(request).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            let error = APIError(status: .contentTooLarge, message: "the request body is too large")
            return try error.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let answer = APIError(status: error.status, message: error.status.reasonPhrase.lowercased())
            return try answer.response(from: request, context: context)
        } catch {
            // The type only: an error's description could quote what was sent.
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            let answer = APIError(status: .internalServerError, message: "internal error")
            return try answer.response(from: request, context: context)
        }
    }

    private func notFound(_ request: Request) -> APIError {
        let path = request.uri.path
        guard let allowed = routes.allowed(at: path) else {
            return APIError(status: .notFound, message: "no route for \(request.method) \(path); see /openapi.json")
        }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            status: .methodNotAllowed, message: "\(request.method) is not allowed on \(path) (allowed: \(list))",
            headers: [.allow: list])
    }
}
