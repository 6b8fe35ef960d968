import AttuneCore
import AttuneOutput
import Foundation

/// How `attune eval` prints an evaluation, as text or JSON, and compares it with a
/// saved baseline.
extension CorpusEvaluation {
    public func json() -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("entries", entries)
        writer.key("categories")
        writer.beginObject()
        for category in Category.allCases {
            let score = scores[category] ?? Scores()
            writer.key(text: category.rawValue)
            writer.beginObject()
            writer.field("precision", Self.round(score.precision))
            writer.field("recall", Self.round(score.recall))
            writer.field("f1", Self.round(score.f1))
            writer.field("tp", score.truePositives)
            writer.field("fp", score.falsePositives)
            writer.field("fn", score.falseNegatives)
            writer.endObject()
        }
        writer.endObject()
        writer.key("misses")
        writer.beginArray()
        for miss in misses {
            writer.beginObject()
            writer.field("id", miss.entry)
            writer.field("line", miss.line)
            writer.field("category", miss.category.rawValue)
            writer.field("kind", miss.isFalsePositive ? "false_positive" : "false_negative")
            writer.field("rules", strings: miss.rules)
            writer.field("text", miss.text)
            writer.endObject()
        }
        writer.endArray()
        patternUsage?.write(to: &writer)
        writer.endObject()
        return writer.output
    }

    public func text(source: String) -> String {
        var out = "\(source): \(entries) replies\n\n"
        out += "category        precision  recall    F1      tp    fp    fn\n"
        for category in Category.allCases {
            let score = scores[category] ?? Scores()
            out +=
                Self.pad(category.rawValue, 16) + Self.pad(Self.figure(score.precision), 11)
                + Self.pad(Self.figure(score.recall), 10) + Self.pad(Self.figure(score.f1), 8)
                + Self.pad(String(score.truePositives), 6) + Self.pad(String(score.falsePositives), 6)
                + String(score.falseNegatives) + "\n"
        }
        var confusion: [Category: [Category: Int]] = [:]
        for miss in misses where !miss.isFalsePositive {
            for other in miss.foundInstead { confusion[miss.category, default: [:]][other, default: 0] += 1 }
        }
        if !confusion.isEmpty {
            out += "\nConfusion (a labelled category missed, and what was found instead)\n"
            for category in Category.allCases {
                guard let row = confusion[category] else { continue }
                // Ties in category order: a dictionary's order changes from run to run.
                let order = Category.allCases
                let cells = row.sorted {
                    $0.value != $1.value
                        ? $0.value > $1.value : order.firstIndex(of: $0.key)! < order.firstIndex(of: $1.key)!
                }
                .map { "\($0.key.rawValue) \($0.value)" }
                out += "  \(Self.pad(category.rawValue, 14)) → " + cells.joined(separator: ", ") + "\n"
            }
        }
        let falsePositives = misses.filter(\.isFalsePositive)
        let falseNegatives = misses.filter { !$0.isFalsePositive }
        out += "\nFalse positives (\(falsePositives.count))\n"
        for miss in falsePositives {
            out +=
                "  \(source):\(miss.line)  \(miss.category.rawValue) by \(miss.rules.joined(separator: ", "))  \"\(miss.text)\"\n"
        }
        out += "\nFalse negatives (\(falseNegatives.count))\n"
        for miss in falseNegatives {
            out += "  \(source):\(miss.line)  \(miss.category.rawValue) missed  \"\(miss.text)\"\n"
        }
        if let patternUsage { out += patternUsage.text(source: source) }
        return out
    }

    /// What got better and worse against a run saved with `--format json`.
    public func comparison(withBaseline json: String, source: String) throws(AttuneError) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let categories = object["categories"] as? [String: [String: Any]],
            let baselineMisses = object["misses"] as? [[String: Any]]
        else {
            throw .invalidRules([
                Diagnostic(
                    .error, SourceLocation(file: source, line: 1, column: 1), "not an 'attune eval --format json' file")
            ])
        }
        var out = "Against the baseline\n"
        for category in Category.allCases {
            let now = scores[category] ?? Scores()
            let before = categories[category.rawValue] ?? [:]
            let changes = [("precision", now.precision), ("recall", now.recall), ("f1", now.f1)].map {
                (name, value) -> String in
                let old = before[name] as? Double ?? 0
                let delta = Self.round(value) - old
                return "\(name) \(Self.figure(old)) → \(Self.figure(value))"
                    + (abs(delta) < 0.0005 ? "" : String(format: " (%+.3f)", delta))
            }
            out += "  \(Self.pad(category.rawValue, 14))" + changes.joined(separator: ", ") + "\n"
        }
        let key = { (id: String, category: String, kind: String) in "\(id)|\(category)|\(kind)" }
        let old = Set(baselineMisses.map { key("\($0["id"] ?? "")", "\($0["category"] ?? "")", "\($0["kind"] ?? "")") })
        let current = Dictionary(
            misses.map {
                (key($0.entry, $0.category.rawValue, $0.isFalsePositive ? "false_positive" : "false_negative"), $0)
            },
            uniquingKeysWith: { first, _ in first })
        let worse = current.filter { !old.contains($0.key) }.values.sorted { $0.line < $1.line }
        let better = old.subtracting(current.keys).sorted()
        out += "\nNewly wrong (\(worse.count))\n"
        for miss in worse {
            let kind = miss.isFalsePositive ? "false positive by \(miss.rules.joined(separator: ", "))" : "missed"
            out += "  line \(miss.line)  \(miss.category.rawValue) \(kind)  \"\(miss.text)\"\n"
        }
        out += "\nNewly right (\(better.count))\n"
        for entry in better {
            let parts = entry.split(separator: "|")
            out += "  \(parts[0])  \(parts[1]) no longer a \(parts[2].replacingOccurrences(of: "_", with: " "))\n"
        }
        return out
    }

    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    static func figure(_ value: Double) -> String { String(format: "%.3f", value) }
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
