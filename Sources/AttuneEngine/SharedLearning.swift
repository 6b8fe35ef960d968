import AttuneMatching
import Synchronization

/// What the analyzers made with it learn for each other: the steps of their matchers
/// (see `SharedSteps`), one table per automaton. For analyzers working side by side on
/// one stream, a batch's workers; an analyzer alone gains nothing from it.
public final class SharedLearning: Sendable {
    let engine: Engine
    package let rules: SharedSteps
    /// Made when a first reply comes with a message, as the analyzers' own matchers are:
    /// making them reads the deferred automata.
    private let messageSteps = Mutex<(bids: SharedSteps, feelings: SharedSteps)?>(nil)

    /// For the analyzers of `engine`; `Engine.makeAnalyzer(sharing:)` ignores it for
    /// another engine's.
    public init(for engine: Engine) {
        self.engine = engine
        rules = SharedSteps(for: engine.rules)
    }

    var bids: SharedSteps { messageTables.bids }
    var feelings: SharedSteps { messageTables.feelings }

    private var messageTables: (bids: SharedSteps, feelings: SharedSteps) {
        messageSteps.withLock { tables in
            if let tables { return tables }
            let made = (bids: SharedSteps(for: engine.bids), feelings: SharedSteps(for: engine.feelings))
            tables = made
            return made
        }
    }

    /// How many times one of the tables filled up and started again (slower, never
    /// different).
    public var resets: Int {
        rules.resets + (messageSteps.withLock { $0.map { $0.bids.resets + $0.feelings.resets } } ?? 0)
    }
}
