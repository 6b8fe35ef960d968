import Synchronization

/// Steps learned by the matchers of one automaton, for each other. A batch's workers
/// each keep a `MatchCache` of their own, read without a lock at every token; a step one
/// of them learned is copied from here by the others instead of being learned again
/// (learning replays the step's partial matches, about 15,000 instructions). Measured on
/// 20,000 turns with two workers: 37% of the steps a worker had not taken were found
/// here, and the run took 4,083 million instructions instead of 4,197 million; with
/// more workers each finds more, where each alone would learn every step again.
///
/// Asked by content, the partial matches stepped from and the input, since each worker
/// numbers its states its own way: a step depends on nothing else (see `MatchCache`).
/// Only asked when a worker's own cache misses, so the lock is seldom contended.
/// Bounded as a matcher's cache is: full, it starts again from empty (`resets`).
package final class SharedSteps: Sendable {
    /// The program the steps were learned on: a matcher of another one ignores them.
    let program: MatchProgram
    /// The steps, as a matcher's own cache keeps them, and how many were asked for and
    /// found (for the tests); read and written under the lock.
    private let table: Mutex<(steps: MatchCache, asked: Int, found: Int)>

    /// For the matchers of `automaton`, with a matcher's limits: it holds the states and
    /// steps the matchers reached, each once, as one matcher's cache would.
    package init(for automaton: Automaton, limits: MatchCache.Limits = .standard) {
        program = automaton.program!
        table = Mutex((MatchCache(limits: limits), 0, 0))
    }

    /// How many times the table filled up and started again.
    package var resets: Int { table.withLock { $0.steps.resets } }

    /// How many steps matchers asked for, and how many they found.
    package var lookups: (asked: Int, found: Int) { table.withLock { ($0.asked, $0.found) } }

    /// The step from the partial matches `from` (their hash as `MatchCache` computes it)
    /// on `input`, if a matcher learned it: the next partial matches and the accepted
    /// patterns replace the contents of `next` and `accepted`, and the next ones' hash is
    /// returned.
    package func find(
        from: UnsafeBufferPointer<Int32>, hash: UInt64, on input: Int, next: inout [Int32], accepted: inout [Int32]
    ) -> UInt64? {
        table.withLock { table in
            table.asked += 1
            let steps = table.steps
            guard let state = steps.existingState(for: from, hash: hash), let step = steps.step(from: state, on: input)
            else { return nil }
            table.found += 1
            next.removeAll(keepingCapacity: true)
            next.append(contentsOf: steps.threads[steps.threads(of: step.next)])
            accepted.removeAll(keepingCapacity: true)
            if step.accepts != 0 { accepted.append(contentsOf: steps.accepts[steps.accepts(of: step.accepts)]) }
            return steps.hash(of: step.next)
        }
    }

    /// Keeps a step a matcher learned, unless another one kept it first.
    package func add(
        from: UnsafeBufferPointer<Int32>, hash: UInt64, on input: Int, next: [Int32], nextHash: UInt64,
        accepted: [Int32]
    ) {
        table.withLock { table in
            let state = table.steps.enter(Array(from), hash: hash)
            guard table.steps.step(from: state, on: input) == nil else { return }
            _ = table.steps.record(from: state, on: input, next: next, accepted: accepted, nextHash: nextHash)
        }
    }
}
