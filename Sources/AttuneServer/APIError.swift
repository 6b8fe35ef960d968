import AttuneKit
import Hummingbird

/// An error the client can act on, answered as `{"error": message}` with its status, so
/// the page can show the message as it is. Messages name what was wrong, never the
/// text that was sent.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(JSONBody.error(message), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "the request body is larger than \(ByteSize(limit))")
    }

    /// The client left before its answer was ready, so the work stopped. Nobody reads
    /// this answer; the status (nginx's 499) is for the access log.
    static let clientGone = APIError(
        status: .init(code: 499, reasonPhrase: "Client Closed Request"),
        message: "the client closed the connection before the answer was ready")

    static func badRequest(_ message: String) -> APIError {
        APIError(status: .badRequest, message: message)
    }
}

/// A byte count as a person reads it: "256 KB", "16 MB".
struct ByteSize: CustomStringConvertible {
    let bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

/// JSON bodies written with AttuneKit's writer, so the API's output is byte for byte
/// what the command line prints.
enum JSONBody {
    static let contentType = "application/json"

    static func error(_ message: String) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("error", message)
        writer.endObject()
        return writer.output
    }

    static func response(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}
