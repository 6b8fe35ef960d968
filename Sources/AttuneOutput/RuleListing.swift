import AttuneEngine
import AttuneRules

/// `attune rules list` output.
public enum RuleListing {
    public static func table(_ rules: [Rule]) -> String {
        let header = ["id", "category", "weight", "patterns", "examples", "file"]
        let rows = rules.map { rule in
            [
                rule.id, rule.category.rawValue, Scorer.format(rule.weight), String(rule.patterns.count),
                String(rule.examples.count), "\(rule.location.file):\(rule.location.line)",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let line = { (cells: [String]) in
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(rules.count) rules\n"
    }

    public static func json(_ rules: [Rule]) -> String {
        var writer = JSONWriter()
        writer.beginArray()
        for rule in rules {
            writer.beginObject()
            writer.field("id", rule.id)
            writer.field("category", rule.category.rawValue)
            writer.field("polarity", rule.polarity.rawValue)
            writer.field("weight", rule.weight)
            writer.field("attune", rule.attune.rawValue)
            writer.field("message", rule.message)
            writer.field("patterns", strings: rule.patterns.map(\.source))
            writer.field("examples", rule.examples.count)
            writer.field("file", rule.location.file)
            writer.field("line", rule.location.line)
            writer.endObject()
        }
        writer.endArray()
        return writer.output + "\n"
    }
}
