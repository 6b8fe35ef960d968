import AttuneCore
import AttuneEngine
import AttuneOutput
import AttuneRules

/// How many rows of an evaluated set each rule pattern fired on, so rule authors can
/// spot patterns written for one sentence (`attune eval --pattern-usage`).
public struct PatternUsage: Sendable {
    /// Where a row is, and its text.
    public struct Row: Sendable {
        public var line: Int
        public var turn: Int?
        /// The corpus entry's id, where it has one.
        public var id: String?
        public var text: String

        public init(line: Int, turn: Int? = nil, id: String? = nil, text: String) {
            self.line = line
            self.turn = turn
            self.id = id
            self.text = text
        }

        /// `12 turn 3 (id)`, after a file name and a colon.
        var place: String { "\(line)" + (turn.map { " turn \($0)" } ?? "") + (id.map { " (\($0))" } ?? "") }
    }

    /// A pattern that fired on exactly one row.
    public struct SingleUse: Sendable {
        public var rule: String
        /// Its position in the rule's `patterns:` list, from 1.
        public var pattern: Int
        public var source: String
        public var location: SourceLocation?
        public var row: Row
    }

    private let patterns: [String: [Pattern]]
    private var rowsByPattern: [Trace.FiredPattern: (count: Int, first: Row)] = [:]
    /// Rows recorded.
    public private(set) var rows = 0

    public init(rules: [Rule]) {
        patterns = Dictionary(rules.map { ($0.id, $0.patterns) }, uniquingKeysWith: { _, last in last })
    }

    /// The patterns in the rules.
    public var patternCount: Int { patterns.values.reduce(0) { $0 + $1.count } }
    /// The patterns that fired on at least one row.
    public var firedCount: Int { rowsByPattern.count }

    /// Counts the patterns that fired on one row.
    public mutating func record(_ fired: [Trace.FiredPattern], row: @autoclosure () -> Row) {
        rows += 1
        for pattern in fired {
            if let seen = rowsByPattern[pattern] {
                rowsByPattern[pattern] = (seen.count + 1, seen.first)
            } else {
                rowsByPattern[pattern] = (1, row())
            }
        }
    }

    /// The patterns that fired on exactly one row, by rule and position.
    public var singleUse: [SingleUse] {
        rowsByPattern.filter { $0.value.count == 1 }.keys.sorted { ($0.rule, $0.index) < ($1.rule, $1.index) }.map {
            fired in
            let pattern = patterns[fired.rule].flatMap {
                $0.indices.contains(fired.index - 1) ? $0[fired.index - 1] : nil
            }
            return SingleUse(
                rule: fired.rule, pattern: fired.index, source: pattern?.source ?? "", location: pattern?.location,
                row: rowsByPattern[fired]!.first)
        }
    }

    func text(source: String) -> String {
        let singles = singleUse
        var out =
            "\nPatterns that fired on exactly one row (\(singles.count); \(firedCount) of \(patternCount) patterns "
            + "fired on \(rows) rows)\n"
        for single in singles {
            let location = single.location.map { "  \($0.file):\($0.line)" } ?? ""
            out += "  \(single.rule) pattern \(single.pattern)\(location)  \(single.source)\n"
            out += "      \(source):\(single.row.place)  \"\(single.row.text.onOneLine)\"\n"
        }
        return out
    }

    func write(to writer: inout JSONWriter) {
        writer.key("pattern_usage")
        writer.beginObject()
        writer.field("rows", rows)
        writer.field("patterns", patternCount)
        writer.field("fired", firedCount)
        writer.key("single_use")
        writer.beginArray()
        for single in singleUse {
            writer.beginObject()
            writer.field("rule", single.rule)
            writer.field("pattern", single.pattern)
            writer.field("source", single.source)
            writer.field("location", single.location.map { "\($0.file):\($0.line):\($0.column)" })
            writer.field("line", single.row.line)
            if let turn = single.row.turn { writer.field("turn", turn) }
            if let id = single.row.id { writer.field("id", id) }
            writer.field("text", single.row.text)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}

extension String {
    /// The text on one line, for reports: a quoted CSV field can hold line breaks.
    var onOneLine: String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
