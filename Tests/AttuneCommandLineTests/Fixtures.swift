import AttuneKit
import Foundation

/// Where the package's files are, and the corpus the binary's figures are checked on.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The entries of a corpus file under `Corpus/`.
    static func corpusEntries(_ file: String) -> [CorpusEvaluation.Entry] {
        let url = packageRoot.appendingPathComponent("Corpus/" + file)
        do {
            return try CorpusEvaluation.read(String(contentsOf: url, encoding: .utf8), file: url.path)
        } catch {
            fatalError("corpus: \(error)")
        }
    }
}
