// In-process micro-benchmarks: the steps of one analysis, timed on their own, with the
// allocations each makes (package-benchmark's malloc counters). Whole-run throughput
// against the peers is Benchmarks/run.sh's job; these say where a reply's time goes.
import AttuneKit
import Benchmark

/// A reply dense with findings, answering a bid, so every step has work to do.
let reply = "Just study harder, it's not a big deal. You should calm down, you're overreacting."
let context = "I'm so stressed about my exam tomorrow."

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(3))

    Benchmark("Engine load, built-in rules", configuration: .init(maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Engine.builtIn().makeAnalyzer()) }
    }

    // The analyzer is made once, outside the timed loops (loading is timed above).
    guard let analyzer = try? Engine.builtIn().makeAnalyzer() else { fatalError("the built-in rules did not load") }
    let shared = UncheckedAnalyzer(analyzer)

    Benchmark("tokenize a reply") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(shared.analyzer.tokenize(reply)) }
    }

    Benchmark("analyze a reply, with rewrite") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(shared.analyzer.analyze(reply, context: context)) }
    }

    Benchmark("analyze a reply, without rewrite") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(shared.analyzer.analyzeWithTrace(reply, context: context, rewriting: false).analysis)
        }
    }
}

/// The benchmarks run one at a time on one thread, so one analyzer serves them all.
struct UncheckedAnalyzer: @unchecked Sendable {
    let analyzer: Analyzer
    init(_ analyzer: Analyzer) { self.analyzer = analyzer }
}
