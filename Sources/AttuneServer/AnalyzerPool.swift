import AttuneKit
import Foundation

/// A fixed set of analyzers lent to one request at a time. An `Analyzer` holds ICU
/// objects that must never be used from two threads at once, and making one per request
/// would cost more than most analyses; so requests borrow one, and wait (without holding
/// a thread) when all are out.
final class AnalyzerPool: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `lock`, and an analyzer is only
    // touched by the one borrower it was handed to between `take` and `give`.
    private let lock = NSLock()
    private var idle: [Analyzer]
    private var waiting: [CheckedContinuation<Lease, Never>] = []

    /// A borrowed analyzer, passed to the waiting task that receives it.
    private struct Lease: @unchecked Sendable {
        let analyzer: Analyzer
    }

    init(engine: Engine, size: Int) throws(AttuneError) {
        var analyzers: [Analyzer] = []
        for _ in 0..<max(1, size) { analyzers.append(try engine.makeAnalyzer()) }
        idle = analyzers
    }

    /// Runs `body` with an analyzer no other task is using, and returns it to the pool.
    func withAnalyzer<Result>(_ body: (Analyzer) throws -> Result) async rethrows -> Result {
        let lease = await take()
        defer { give(lease) }
        return try body(lease.analyzer)
    }

    private func take() async -> Lease {
        if let lease = lock.withLock({ idle.popLast().map(Lease.init) }) { return lease }
        return await withCheckedContinuation { continuation in
            // Look again under the lock: an analyzer may have come back meanwhile.
            let lease: Lease? = lock.withLock {
                if let analyzer = idle.popLast() { return Lease(analyzer: analyzer) }
                waiting.append(continuation)
                return nil
            }
            if let lease { continuation.resume(returning: lease) }
        }
    }

    /// Hands the analyzer to the longest-waiting task, or back to the idle set.
    private func give(_ lease: Lease) {
        let next: CheckedContinuation<Lease, Never>? = lock.withLock {
            if waiting.isEmpty {
                idle.append(lease.analyzer)
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume(returning: lease)
    }
}
