import Foundation
import NIOCore

/// Watches one connection for its client leaving. Hummingbird 2 does not cancel a
/// handler's task when the client goes: it learns of it only when a write fails, and
/// `/api/check` writes nothing until its analysis is done. So each connection carries
/// this handler, and the routes ask its `ClientState` between pieces of work.
///
/// A client that ends its sending side (TCP FIN) is taken as gone, as Hummingbird's own
/// `consumeWithCancellationOnInboundClose` takes it: HTTP/1.1 clients keep their side
/// open until they have the answer.
final class ClientWatch: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    let client = ClientState()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent { client.leave() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        client.leave()
        context.fireChannelInactive()
    }

    /// The state of the client on `channel`, or nil where no watch was installed (the
    /// in-process test client, which never leaves).
    static func client(on channel: any Channel) async -> ClientState? {
        try? await channel.pipeline.handler(type: ClientWatch.self).map { $0.client }.get()
    }
}

/// Whether a connection's client is gone; set on the event loop, read by handlers.
final class ClientState: Sendable {
    private let gone = Locked(false)

    func leave() { gone.set(true) }

    /// Whether the client closed its connection or its sending side; a handler still
    /// working for it should stop.
    var isGone: Bool { gone.value }
}
