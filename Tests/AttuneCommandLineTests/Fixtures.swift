import AttuneKit
import Foundation

/// Where the package's files are, and the library's own figures to hold the binary's to.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The whole corpus evaluated in-process, as `CorpusTests` does, for comparing with
    /// what `attune eval` prints.
    static let corpusEvaluation: CorpusEvaluation = {
        let url = packageRoot.appendingPathComponent("Corpus/replies.jsonl")
        do {
            let entries = try CorpusEvaluation.read(String(contentsOf: url, encoding: .utf8), file: url.path)
            return CorpusEvaluation.evaluate(entries.filter(CorpusEvaluation.Split.all.contains), with: try Engine.builtIn().makeAnalyzer())
        } catch {
            fatalError("corpus: \(error)")
        }
    }()
}
