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
}

extension String {
    /// Code point slicing, as Python's `text[start:end]`.
    func codePoints(_ start: Int, _ end: Int) -> String {
        let scalars = Array(unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
