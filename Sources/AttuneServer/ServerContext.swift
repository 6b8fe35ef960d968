import Foundation
import Hummingbird

/// The per-request context: Hummingbird's core storage plus the number of body bytes
/// the handler read, which the access log reports (a streamed body has no
/// Content-Length to read it from).
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let received = ByteCounter()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
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
