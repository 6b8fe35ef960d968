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
            writer.key("id")
            writer.string(rule.id)
            writer.key("category")
            writer.string(rule.category.rawValue)
            writer.key("polarity")
            writer.string(rule.polarity.rawValue)
            writer.key("weight")
            writer.number(rule.weight)
            writer.key("attune")
            writer.string(rule.attune.rawValue)
            writer.key("message")
            writer.string(rule.message)
            writer.key("patterns")
            writer.beginArray()
            rule.patterns.forEach { writer.string($0.source) }
            writer.endArray()
            writer.key("examples")
            writer.number(rule.examples.count)
            writer.key("file")
            writer.string(rule.location.file)
            writer.key("line")
            writer.number(rule.location.line)
            writer.endObject()
        }
        writer.endArray()
        return writer.output + "\n"
    }
}
