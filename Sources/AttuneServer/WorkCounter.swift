import Foundation

/// What the server's routes have done, counted for tests (and anyone watching a
/// running server): how many replies and turns were analysed, and how many requests
/// stopped because their client had gone. Counting work, not time, is how a test shows
/// that a gone client's request stops.
public final class WorkCounter: Sendable {
    private let counts = Locked(Counts())

    public struct Counts: Sendable, Equatable {
        /// Replies (`/api/check`) and turns (`/api/batch`) analysed.
        public var analysed = 0
        /// Requests whose work stopped because the client had gone.
        public var abandoned = 0
        /// `/api/check` and `/api/batch` requests whose work ended, however it ended.
        public var ended = 0
    }

    public var value: Counts { counts.value }

    func analysed(_ count: Int = 1) { counts.update { $0.analysed += count } }
    func abandoned() { counts.update { $0.abandoned += 1 } }
    func ended() { counts.update { $0.ended += 1 } }
}
