import NIOCore
import NIOHTTP1

/// Answers a request the HTTP parser rejects (a bad `Content-Length`, headers over the
/// 80 KB limit, bytes that are not HTTP) with a JSON error like every route's, instead
/// of the framework's empty 400, then ends the connection: after a parse error the
/// stream cannot be trusted to hold another request.
///
/// It sits right after NIO's request decoder, where it sees the parse error first and
/// can still write NIO's own response parts.
final class ProtocolErrorAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// A response is under way, so an error answer would land in its middle.
    private var responseOpen = false
    /// The error answer went out: anything the routes write after it is dropped.
    private var answered = false

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let error = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        guard !responseOpen, !answered else { return context.close(promise: nil) }
        answered = true
        let (status, message) = Self.answer(to: error)
        let body = ByteBuffer(string: JSONBody.error(message))
        let head = HTTPResponseHead(
            version: .http1_1, status: status,
            headers: [
                "Content-Type": JSONBody.contentType, "Content-Length": String(body.readableBytes),
                "Connection": "close",
            ])
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        context.write(Self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        // Close our side only: the client reads the answer to its end, and the bytes it is
        // still sending are read and dropped rather than met with a reset that could
        // overtake the answer. The idle timeout closes a client that never closes.
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            bound.value.close(mode: .output).whenFailure { _ in bound.value.close(promise: nil) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !answered else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch Self.unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200: responseOpen = true
        case .end: responseOpen = false
        default: break
        }
        context.write(data, promise: promise)
    }

    /// The status and message for a parse error; they name the problem, never the bytes.
    static func answer(to error: HTTPParserError) -> (HTTPResponseStatus, String) {
        switch error {
        case .headerOverflow:
            (.requestHeaderFieldsTooLarge, "the request's headers are larger than the server reads (80 KB)")
        case .invalidContentLength, .unexpectedContentLength:
            (.badRequest, "the request's Content-Length is not a valid length")
        default:
            (.badRequest, "the request is not valid HTTP/1.1")
        }
    }

    /// Put in the framework's list of extra handlers (which come after its own codec),
    /// it moves a `ProtocolErrorAnswer` to right after NIO's decoder.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) else {
                return
            }
            try? pipeline.addHandler(ProtocolErrorAnswer(), position: .after(decoder))
        }
    }
}
