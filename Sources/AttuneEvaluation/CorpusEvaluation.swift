import AttuneCore
import AttuneEngine
import Foundation

/// Precision, recall and F1 per category on a labelled corpus (JSONL lines of
/// `{"id", "context", "text", "labels"}`), with the misses listed and the rules
/// responsible, so a rule author sees what a change broke.
public struct CorpusEvaluation: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var context: String?
        public var text: String
        public var labels: Set<Category>
        public var line: Int
    }

    public struct Scores: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// A reply where the analyzer and the label disagree on a category.
    public struct Miss: Sendable {
        public var entry: String
        public var line: Int
        public var category: Category
        /// Fired without the label (false positive) or the label was missed.
        public var isFalsePositive: Bool
        /// The rules that fired for this category (for a false positive).
        public var rules: [String]
        /// For a false negative: the categories found instead.
        public var foundInstead: [Category]
        public var text: String
    }

    public var entries = 0
    public var scores: [Category: Scores] = [:]
    public var misses: [Miss] = []
    /// Which rule patterns fired on how many replies, when asked for.
    public var patternUsage: PatternUsage?

    /// A fixed part of a corpus: rules are tuned on `dev` while `heldOut` (one reply
    /// in five, chosen by a hash of its id) estimates accuracy on unseen replies.
    public enum Split: String, Sendable, CaseIterable {
        case all, dev, heldOut = "held-out"

        public func contains(_ entry: Entry) -> Bool { contains(key: entry.id) }

        /// Whether the part holds what `key` names: an entry's id, or the value of
        /// a mapped corpus's split field (a conversation id keeps a session whole).
        public func contains(key: String) -> Bool {
            switch self {
            case .all: return true
            case .dev: return Self.bucket(key) != 0
            case .heldOut: return Self.bucket(key) == 0
            }
        }

        /// FNV-1a of the id, modulo 5: stable across runs, machines and languages.
        static func bucket(_ id: String) -> UInt32 {
            var hash: UInt32 = 0x811C_9DC5
            for byte in id.utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
            return hash % 5
        }
    }

    /// Reads a labelled JSONL corpus; every malformed line is an error with its number.
    public static func read(_ text: String, file: String) throws(AttuneError) -> [Entry] {
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            let location = SourceLocation(file: file, line: index + 1, column: 1)
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String, let labels = object["labels"] as? [String]
            else {
                problems.append(
                    Diagnostic(.error, location, "expected {\"id\", \"context\", \"text\", \"labels\": [...]}"))
                continue
            }
            let categories = labels.compactMap(Category.init(rawValue:))
            if categories.count != labels.count {
                problems.append(Diagnostic(.error, location, "unknown label in \(labels)"))
                continue
            }
            entries.append(
                Entry(
                    id: object["id"].map { "\($0)" } ?? String(index + 1), context: object["context"] as? String,
                    text: text, labels: Set(categories), line: index + 1))
        }
        if !problems.isEmpty { throw .invalidRules(problems) }
        return entries
    }

    /// Runs the analyzer over every entry and counts agreement per category; with
    /// `patternUsage`, also which rule patterns fired on how many replies.
    public static func evaluate(_ entries: [Entry], with analyzer: Analyzer, patternUsage: Bool = false)
        -> CorpusEvaluation
    {
        var evaluation = CorpusEvaluation()
        if patternUsage { evaluation.patternUsage = PatternUsage(rules: analyzer.engine.ruleSet.rules) }
        for entry in entries {
            let (analysis, trace) = analyzer.analyzeWithTrace(entry.text, context: entry.context, rewriting: false)
            evaluation.patternUsage?.record(
                trace.firedPatterns, row: .init(line: entry.line, id: entry.id, text: entry.text))
            evaluation.count(entry, findings: analysis.findings)
        }
        return evaluation
    }

    /// Counts entries already analysed: a caller that reads one corpus several ways
    /// (the tests do) analyses each reply once.
    public static func evaluate(_ entries: [Entry], findings: (Entry) -> [Finding]) -> CorpusEvaluation {
        var evaluation = CorpusEvaluation()
        for entry in entries { evaluation.count(entry, findings: findings(entry)) }
        return evaluation
    }

    /// An evaluation of nothing yet: `evaluate` counts into it (internal for the report's tests).
    init() {
        for category in Category.allCases { scores[category] = Scores() }
    }

    private mutating func count(_ entry: Entry, findings: [Finding]) {
        entries += 1
        let found = Set(findings.map(\.category))
        for category in Category.allCases {
            switch (found.contains(category), entry.labels.contains(category)) {
            case (true, true): scores[category]!.truePositives += 1
            case (true, false):
                scores[category]!.falsePositives += 1
                misses.append(
                    Miss(
                        entry: entry.id, line: entry.line, category: category, isFalsePositive: true,
                        rules: findings.filter { $0.category == category }.map(\.rule), foundInstead: [],
                        text: entry.text))
            case (false, true):
                scores[category]!.falseNegatives += 1
                misses.append(
                    Miss(
                        entry: entry.id, line: entry.line, category: category, isFalsePositive: false, rules: [],
                        foundInstead: found.subtracting(entry.labels).sorted(), text: entry.text))
            case (false, false): break
            }
        }
    }
}
