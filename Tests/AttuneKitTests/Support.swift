import AttuneKit
import Foundation

/// Shared fixtures: the built-in engine is compiled once (it is immutable and Sendable);
/// each test makes its own analyzer, since analyzers hold per-thread ICU objects.
enum Fixtures {
    static let engine: Engine = {
        do { return try Engine.builtIn() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    static func analyzer() -> Analyzer {
        do { return try engine.makeAnalyzer() } catch { fatalError("ICU: \(error)") }
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// An engine over rule files written inline, on top of the built-in lexicon.
    static func engine(rules yaml: String, file: String = "test.yaml") throws -> Engine {
        let lexicon = RuleSet.builtInFiles().filter { $0.path.contains("/lexicon/") }
        return Engine(ruleSet: try RuleSet.load(base: lexicon + [(file, yaml)]))
    }

    /// Diagnostics from loading inline files on top of the built-in lexicon.
    static func diagnostics(_ files: [RuleSet.File]) -> [Diagnostic] {
        let lexicon = RuleSet.builtInFiles().filter { $0.path.contains("/lexicon/") }
        do {
            return try RuleSet.load(base: lexicon + files).diagnostics
        } catch .invalidRules(let diagnostics) {
            return diagnostics
        } catch {
            return []
        }
    }

    /// A labelled corpus entry.
    struct Reply: Decodable {
        var id: String
        var context: String?
        var text: String
        var labels: [String]
    }

    static let corpus: [Reply] = {
        let url = packageRoot.appendingPathComponent("Corpus/replies.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("no corpus at \(url.path)") }
        return text.split(separator: "\n").map { line in
            do { return try JSONDecoder().decode(Reply.self, from: Data(line.utf8)) } catch {
                fatalError("bad corpus line: \(line)")
            }
        }
    }()

    /// Every corpus reply analysed once, rewrite included, by id: the accuracy floors,
    /// the JSON contract and the rewrite invariants all read these.
    static let corpusAnalyses: [String: Analysis] = Dictionary(
        overCorpus { reply, analyzer in (reply.id, analyzer.analyze(reply.text, context: reply.context)) },
        uniquingKeysWith: { first, _ in first })

    /// `work` over every corpus reply, in corpus order, on every core (each thread with
    /// its own analyzer): the tests that need the corpus read wait for it.
    static func overCorpus<Result>(_ work: @Sendable (Reply, Analyzer) -> Result) -> [Result] {
        let replies = corpus
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let results = Slots<[(Int, Result)]>(count: threads, empty: [])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let analyzer = Fixtures.analyzer()
            results[thread] = stride(from: thread, to: replies.count, by: threads).map {
                ($0, work(replies[$0], analyzer))
            }
        }
        return results.values.joined().sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The shared analysis of a corpus reply.
    static func analysis(of id: String) -> Analysis {
        guard let analysis = corpusAnalyses[id] else { fatalError("no corpus reply \(id)") }
        return analysis
    }
}

/// One slot per worker thread, each written by its own thread only.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value]

    init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    subscript(index: Int) -> Value {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value] { lock.withLock { slots } }
}

extension String {
    /// Code point slicing, as Python's `text[start:end]`.
    func codePoints(_ start: Int, _ end: Int) -> String {
        let scalars = Array(unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
