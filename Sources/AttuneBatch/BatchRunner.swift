import AttuneCore
import AttuneEngine
import AttuneTranscripts
import Foundation

/// Scores a stream of transcript records on several threads and hands the results
/// back in input order. Memory stays flat: at most `blocksInFlight` blocks of
/// `blockSize` records exist at once, whatever the input's length.
public struct BatchRunner: Sendable {
    public let engine: Engine
    public let workers: Int
    let blockSize: Int

    /// More workers than this only cost memory and start-up (each holds its own ICU
    /// objects): four per core, and never fewer than 64 allowed.
    public static let maximumWorkers = max(64, 4 * ProcessInfo.processInfo.activeProcessorCount)

    /// `workers` is clamped to 1...`maximumWorkers`.
    public init(engine: Engine, workers: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = 128) {
        self.engine = engine
        self.workers = min(max(1, workers), Self.maximumWorkers)
        self.blockSize = blockSize
    }

    /// What a run had to let go to keep its memory bounded.
    public struct Outcome: Sendable {
        /// Conversations whose last turns were let go (see `ConversationTracker`).
        public var conversationsLetGo = 0
        /// Turns of a let-go conversation read without that conversation's context.
        public var turnsWithoutContext = 0
        /// Times a worker's caches filled up and started again (slower, same results).
        public var cacheResets = 0
    }

    /// Reads every record of `reader`, gives turns their conversation context, and
    /// calls `sink` with each result in order until it returns false. `progress`
    /// gets the bytes read so far, on the calling thread.
    @discardableResult
    public func run(
        _ reader: TranscriptReader, progress: (Int) -> Void = { _ in }, sink: (BatchResult) -> Bool
    ) throws(AttuneError) -> Outcome {
        try run(reader, progress: progress, encode: nil) { result, _ in sink(result) }
    }

    /// `run`, with each result also encoded by `encode` on the worker that scored it,
    /// and `sink` given those bytes (empty without `encode`): the calling thread then
    /// only copies bytes out, so it keeps up with many workers.
    @discardableResult
    public func run(
        _ reader: TranscriptReader, progress: (Int) -> Void = { _ in }, encode: BatchEncoder?,
        sink: (BatchResult, ArraySlice<UInt8>) -> Bool
    ) throws(AttuneError) -> Outcome {
        var analyzers: [Analyzer] = []
        for _ in 0..<workers { analyzers.append(try engine.makeAnalyzer()) }
        let state = PipelineState(blocksInFlight: Self.blocksInFlight(workers: workers))
        let source = UncheckedBox(reader)
        let blockSize = blockSize
        spawn { Self.produce(source.value, into: state, blockSize: blockSize) }
        for analyzer in analyzers {
            let box = UncheckedBox(analyzer)
            spawn { Self.work(box.value, encode: encode, on: state) }
        }
        var next = 0
        while let block = state.takeResults(sequence: next) {
            next += 1
            progress(block.bytesRead)
            var start = 0
            for (result, end) in zip(block.results, block.ends) {
                defer { start = end }
                if !sink(result, block.encoded[start..<end]) {
                    state.cancel()
                    // Workers may still be running: their caches are not read.
                    return state.outcome
                }
            }
        }
        return outcome(state, analyzers)
    }

    /// The reader's outcome with the workers' cache resets. Every block came back, so
    /// the workers wrote them before handing their last results over.
    private func outcome(_ state: PipelineState, _ analyzers: [Analyzer]) -> Outcome {
        var outcome = state.outcome
        outcome.cacheResets = analyzers.reduce(0) { $0 + $1.cacheResets }
        return outcome
    }

    /// A block for each worker to score, one queued behind it, and two for the writer to
    /// wait on out of order: enough to keep every worker busy. Each block holds its
    /// results and their encoded output, so a wider window (it was `4 × workers`) only
    /// raised the peak memory of a many-core run (87 MB at `--jobs 16`).
    static func blocksInFlight(workers: Int) -> Int { 2 * workers + 2 }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The reading thread: records in order, with contexts filled in, in blocks.
    private static func produce(_ reader: TranscriptReader, into state: PipelineState, blockSize: Int) {
        var scoring = BatchScoring()
        var block: [TranscriptRecord] = []
        block.reserveCapacity(blockSize)
        while let record = reader.next() {
            block.append(scoring.place(record))
            if block.count == blockSize {
                guard state.submit(block, bytes: reader.bytesRead) else { break }
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { _ = state.submit(block, bytes: reader.bytesRead) }
        state.finishSubmitting(
            Outcome(
                conversationsLetGo: scoring.tracker.conversationsLetGo,
                turnsWithoutContext: scoring.tracker.turnsWithoutContext))
    }

    /// A worker thread: analyses (and encodes) blocks until there are none left.
    private static func work(_ analyzer: Analyzer, encode: BatchEncoder?, on state: PipelineState) {
        var lastEncodedCount = 0
        while let (sequence, records) = state.takeWork() {
            var block = ScoredBlock(results: [], encoded: [], ends: [], bytesRead: 0)
            block.results.reserveCapacity(records.count)
            block.ends.reserveCapacity(records.count)
            // Blocks are alike in size: the last one's size saves the buffer's regrowing.
            block.encoded.reserveCapacity(encode == nil ? 0 : lastEncodedCount)
            for record in records {
                let result = BatchScoring.score(record, with: analyzer)
                encode?(result, &block.encoded)
                block.results.append(result)
                block.ends.append(block.encoded.count)
            }
            lastEncodedCount = block.encoded.count
            state.deliver(block, sequence: sequence)
        }
    }
}

/// Appends one result's output to a buffer; called on the worker that scored it.
public typealias BatchEncoder = @Sendable (BatchResult, inout [UInt8]) -> Void

/// A block's results in input order, their encodings end to end in one buffer
/// (result i's bytes end at `ends[i]`), and the input read up to the block's end.
private struct ScoredBlock {
    var results: [BatchResult]
    var encoded: [UInt8]
    var ends: [Int]
    var bytesRead: Int
}

/// Hands a value that is used by one thread at a time to another thread.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The queues between the reading thread, the workers and the writer, under one lock.
private final class PipelineState: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [(sequence: Int, records: [TranscriptRecord], bytes: Int)] = []
    private var workIndex = 0
    private var done: [Int: ScoredBlock] = [:]
    private var bytesOfBlock: [Int: Int] = [:]
    private var submitted = 0
    private var taken = 0
    private var submitting = true
    private var cancelled = false
    /// Set by the reading thread when it is done; read after the last block is taken.
    private var finalOutcome = BatchRunner.Outcome()

    var outcome: BatchRunner.Outcome {
        condition.lock()
        defer { condition.unlock() }
        return finalOutcome
    }

    private let blocksInFlight: Int

    init(blocksInFlight: Int) { self.blocksInFlight = blocksInFlight }

    /// Queues a block; false once the writer has stopped, so reading stops too.
    func submit(_ records: [TranscriptRecord], bytes: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - taken >= blocksInFlight && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        work.append((submitted, records, bytes))
        submitted += 1
        condition.broadcast()
        return true
    }

    func finishSubmitting(_ outcome: BatchRunner.Outcome) {
        condition.lock()
        finalOutcome = outcome
        submitting = false
        condition.broadcast()
        condition.unlock()
    }

    func takeWork() -> (Int, [TranscriptRecord])? {
        condition.lock()
        defer { condition.unlock() }
        while workIndex == work.count && submitting && !cancelled { condition.wait() }
        guard workIndex < work.count, !cancelled else { return nil }
        let item = work[workIndex]
        workIndex += 1
        bytesOfBlock[item.sequence] = item.bytes
        if workIndex > 64 {
            work.removeFirst(workIndex)
            workIndex = 0
        }
        return (item.sequence, item.records)
    }

    func deliver(_ block: ScoredBlock, sequence: Int) {
        var block = block
        condition.lock()
        block.bytesRead = bytesOfBlock.removeValue(forKey: sequence) ?? 0
        done[sequence] = block
        condition.broadcast()
        condition.unlock()
    }

    /// The results of block `sequence`, waiting for them; nil after the last block.
    func takeResults(sequence: Int) -> ScoredBlock? {
        condition.lock()
        defer { condition.unlock() }
        while done[sequence] == nil && (submitting || sequence < submitted) { condition.wait() }
        guard let block = done.removeValue(forKey: sequence) else { return nil }
        taken += 1
        condition.broadcast()
        return block
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
