import Foundation
import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage, the number of body bytes
/// the handler read, which the access log reports (a streamed body has no
/// Content-Length to read it from), and the connection, whose `ClientWatch` says
/// whether the client is still there.
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let received = ByteCounter()
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A count shared by copies of a context and, for a streamed body, by the task that
/// writes it.
final class ByteCounter: @unchecked Sendable {
    // @unchecked: `count` is only read and written under `lock`.
    private let lock = NSLock()
    private var count = 0

    func add(_ bytes: Int) { lock.withLock { count += bytes } }
    var value: Int { lock.withLock { count } }
}
