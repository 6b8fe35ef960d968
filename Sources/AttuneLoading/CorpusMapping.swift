import AttuneCore
import AttuneRules
import Yams

/// How `attune eval --mapping` reads a corpus that people coded with their own scheme
/// (MITI, ESConv strategies, ...): where the text, speaker, conversation and context
/// are, which rows are analysed, and which codes count as which attune category.
/// Loaded from a small YAML file (see `Corpus/mappings/README.md`); every problem is
/// reported with the mapping's file, line and column.
public struct CorpusMapping: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// RFC 4180 CSV with a header row.
        case csv
        /// One JSON object per line, one row each.
        case jsonl
        /// One conversation object per line, holding a list of turns (ESConv).
        case dialogs
    }

    /// Where a row's context (the message it answers) comes from.
    public enum Context: Sendable, Equatable {
        /// Read alone.
        case none
        /// A field of the row.
        case field(Int)
        /// The latest run of turns by a different speaker in the same conversation,
        /// joined with a space.
        case previousOtherSpeaker
    }

    /// What a code says attune should find.
    public enum Expectation: Sendable, Equatable, CustomStringConvertible {
        /// A finding of this category.
        case category(Category)
        /// No finding of this category.
        case notCategory(Category)
        /// No misattuned finding (validating is fine).
        case noMisattunement

        /// The category a row of this code stands for in Cohen's kappa: nil for "none".
        public var category: Category? {
            if case .category(let category) = self { return category }
            return nil
        }

        public var description: String {
            switch self {
            case .category(let category): category.rawValue
            case .notCategory(let category): "not " + category.rawValue
            case .noMisattunement: "no_misattunement"
            }
        }
    }

    /// A field equal to one of some values (trimmed, compared case-insensitively; an
    /// absent field reads as empty).
    public struct Condition: Sendable {
        public var field: Int
        public var values: Set<String>

        package func holds(_ row: [String?]) -> Bool {
            values.contains(Self.normalized(row[field] ?? ""))
        }

        static func normalized(_ value: String) -> String {
            String(value.trimmingSpaces()).lowercased()
        }
    }

    public struct Code: Sendable {
        public var name: String
        public var when: [Condition]
        public var expect: Expectation
        public var location: SourceLocation
    }

    public struct Group: Sendable {
        public var field: Int
        public var when: [Condition]
    }

    /// The mapping file's path, for messages.
    public var file: String
    public var format: Format
    /// `dialogs`: the key of each line's list of turns.
    public var turns: String
    /// The field names the mapping uses; rows hold their values in this order.
    public var fields: [String]
    /// Where each field is first named in the mapping, for "no such column" errors.
    public var fieldLocations: [SourceLocation]
    public var text: Int
    public var speaker: Int?
    public var conversation: Int?
    public var context: Context
    /// Only rows meeting all of these are analysed; the others still give context.
    public var rows: [Condition]
    /// The field whose hash puts a row in the dev or the held-out part.
    public var split: Int?
    public var group: Group?
    /// Tried in order: a row takes the first code whose conditions all hold.
    public var codes: [Code]

    static let topKeys = [
        "description", "format", "turns", "text", "speaker", "conversation", "context", "rows", "split", "group",
        "codes",
    ]
    static let codeKeys = ["name", "when", "expect", "expect_not"]

    /// Reads a mapping file; throws `invalidRules` with every problem, located.
    public static func load(path: String) throws(AttuneError) -> CorpusMapping {
        let files = try RuleSet.files(in: path)
        return try load(files.first?.contents ?? "", file: path)
    }

    /// Reads mapping YAML; `file` names it in messages.
    public static func load(_ yaml: String, file: String) throws(AttuneError) -> CorpusMapping {
        var loader = Loader(reader: YAMLReader(file: file))
        let mapping = loader.load(yaml)
        if let mapping, !loader.reader.log.hasErrors { return mapping }
        throw .invalidRules(loader.reader.log.diagnostics)
    }

    /// The code of a row, if any applies.
    package func code(of row: [String?]) -> Int? {
        codes.firstIndex { $0.when.allSatisfy { $0.holds(row) } }
    }

    /// An error at the place the mapping names field `index`.
    package func missingField(_ index: Int, _ message: String) -> Diagnostic {
        Diagnostic(.error, fieldLocations[index], message)
    }
}

/// Reads the YAML of a mapping, logging each problem where it stands.
private struct Loader {
    var reader: YAMLReader
    var fields: [String] = []
    var locations: [SourceLocation] = []

    mutating func load(_ yaml: String) -> CorpusMapping? {
        guard let root = reader.parse(yaml) else {
            if !reader.log.hasErrors {
                reader.log.error(SourceLocation(file: reader.file, line: 1, column: 1), "the mapping file is empty")
            }
            return nil
        }
        guard let top = reader.mapping(root, "a mapping file") else { return nil }
        reader.checkKeys(top, allowed: CorpusMapping.topKeys, in: "a mapping file")
        let value = { (key: String) in top.first { $0.key == key }?.value }

        var format = CorpusMapping.Format.csv
        if let node = value("format"), let name = reader.string(node, "'format'") {
            if let known = CorpusMapping.Format(rawValue: name) {
                format = known
            } else {
                reader.log.error(
                    reader.at(node), unknown("format", name, CorpusMapping.Format.allCases.map(\.rawValue)))
            }
        } else if value("format") == nil {
            reader.log.error(reader.at(root), "a mapping needs a 'format': csv, jsonl or dialogs")
        }

        var turns = "dialog"
        if let node = value("turns"), let name = reader.string(node, "'turns'") {
            turns = name
            if format != .dialogs { reader.log.error(reader.at(node), "'turns' is for format: dialogs only") }
        }

        let text = value("text").flatMap { field($0, "'text'") }
        if value("text") == nil { reader.log.error(reader.at(root), "a mapping needs 'text': the field of the text") }
        let speaker = value("speaker").flatMap { field($0, "'speaker'") }
        let conversation = value("conversation").flatMap { field($0, "'conversation'") }

        var context = CorpusMapping.Context.none
        if let node = value("context") {
            if case .scalar(let scalar) = node {
                switch scalar.string {
                case "previous_other_speaker":
                    context = .previousOtherSpeaker
                    if value("speaker") == nil {
                        reader.log.error(reader.at(node), "context: previous_other_speaker needs a 'speaker' field")
                    }
                case "none": break
                default:
                    reader.log.error(
                        reader.at(node),
                        "'context' must be previous_other_speaker, none, or {field: name}, found '\(scalar.string)'")
                }
            } else if let pairs = reader.mapping(node, "'context'") {
                reader.checkKeys(pairs, allowed: ["field"], in: "'context'")
                if let name = pairs.first(where: { $0.key == "field" }), let index = field(name.value, "'field'") {
                    context = .field(index)
                } else {
                    reader.log.error(reader.at(node), "'context' needs a 'field'")
                }
            }
        }

        let rows = value("rows").map { conditions($0, "'rows'") } ?? []
        let split = value("split").flatMap { byField($0, "'split'", allowed: ["by"]) }?.field
        var group: CorpusMapping.Group?
        if let node = value("group"), let by = byField(node, "'group'", allowed: ["by", "when"]) {
            group = CorpusMapping.Group(
                field: by.field,
                when: by.pairs.first { $0.key == "when" }.map {
                    conditions($0.value, "'when'")
                } ?? [])
        }

        var codes: [CorpusMapping.Code] = []
        if let node = value("codes"), let items = reader.sequence(node, "'codes'") {
            if items.isEmpty { reader.log.error(reader.at(node), "'codes' is empty: map at least one code") }
            var names: [String: SourceLocation] = [:]
            for item in items {
                guard let code = code(item) else { continue }
                if let earlier = names[code.name] {
                    reader.log.error(code.location, "duplicate code name '\(code.name)' (first at \(earlier))")
                }
                names[code.name] = names[code.name] ?? code.location
                codes.append(code)
            }
        } else if value("codes") == nil {
            reader.log.error(reader.at(root), "a mapping needs 'codes': the list of codes and what each expects")
        }

        guard let text else { return nil }
        return CorpusMapping(
            file: reader.file, format: format, turns: turns, fields: fields, fieldLocations: locations, text: text,
            speaker: speaker, conversation: conversation, context: context, rows: rows, split: split, group: group,
            codes: codes)
    }

    /// A field name, interned.
    private mutating func field(_ node: Node, _ what: String) -> Int? {
        guard let name = reader.string(node, what) else { return nil }
        guard !name.isEmpty else {
            reader.log.error(reader.at(node), "\(what) must name a field")
            return nil
        }
        if let index = fields.firstIndex(of: name) { return index }
        fields.append(name)
        locations.append(reader.at(node))
        return fields.count - 1
    }

    /// `{by: field, ...}`: the field and the mapping's pairs.
    private mutating func byField(_ node: Node, _ what: String, allowed: [String]) -> (
        field: Int, pairs: [(key: String, keyNode: Node, value: Node)]
    )? {
        guard let pairs = reader.mapping(node, what) else { return nil }
        reader.checkKeys(pairs, allowed: allowed, in: what)
        guard let by = pairs.first(where: { $0.key == "by" }) else {
            reader.log.error(reader.at(node), "\(what) needs 'by': the field it goes by")
            return nil
        }
        return field(by.value, "'by'").map { ($0, pairs) }
    }

    /// `{field: value, field: [value, ...]}`: every field must hold one of its values.
    private mutating func conditions(_ node: Node, _ what: String) -> [CorpusMapping.Condition] {
        guard let pairs = reader.mapping(node, what) else { return [] }
        if pairs.isEmpty { reader.log.error(reader.at(node), "\(what) is empty: name a field and its value") }
        var seen: Set<String> = []
        var result: [CorpusMapping.Condition] = []
        for pair in pairs {
            if !seen.insert(pair.key).inserted {
                reader.log.error(reader.at(pair.keyNode), "'\(pair.key)' twice in \(what)")
            }
            guard let index = field(pair.keyNode, "a field name"),
                let values = reader.strings(pair.value, "the values of '\(pair.key)'")
            else { continue }
            if values.isEmpty { reader.log.error(reader.at(pair.value), "no values for '\(pair.key)' in \(what)") }
            result.append(
                CorpusMapping.Condition(
                    field: index, values: Set(values.map { CorpusMapping.Condition.normalized($0.0) })))
        }
        return result
    }

    private mutating func code(_ node: Node) -> CorpusMapping.Code? {
        guard let pairs = reader.mapping(node, "a code") else { return nil }
        reader.checkKeys(pairs, allowed: CorpusMapping.codeKeys, in: "a code")
        let value = { (key: String) in pairs.first { $0.key == key }?.value }
        let errorsBefore = reader.log.diagnostics.count { $0.severity == .error }
        let name = value("name").flatMap { reader.string($0, "'name'") } ?? ""
        if name.isEmpty { reader.log.error(reader.at(value("name") ?? node), "a code needs a 'name'") }
        let label = name.isEmpty ? "this code" : "code '\(name)'"
        var when: [CorpusMapping.Condition] = []
        if let node = value("when") {
            when = conditions(node, "'when' of \(label)")
        } else {
            reader.log.error(reader.at(node), "\(label) needs 'when': the field values that make it")
        }
        var expect: CorpusMapping.Expectation?
        switch (value("expect"), value("expect_not")) {
        case (nil, nil):
            reader.log.error(
                reader.at(node), "\(label) needs 'expect' (a category or no_misattunement) or 'expect_not' (a category)"
            )
        case (.some(let node), .some):
            reader.log.error(reader.at(node), "\(label) has both 'expect' and 'expect_not'; give one")
        case (.some(let node), nil):
            if let name = reader.string(node, "'expect'") {
                expect =
                    name == "no_misattunement"
                    ? .noMisattunement : category(name, node, extra: ["no_misattunement"]).map { .category($0) }
            }
        case (nil, .some(let node)):
            expect = reader.string(node, "'expect_not'").flatMap { category($0, node, extra: []) }.map {
                .notCategory($0)
            }
        }
        guard let expect, reader.log.diagnostics.count(where: { $0.severity == .error }) == errorsBefore else {
            return nil
        }
        return CorpusMapping.Code(name: name, when: when, expect: expect, location: reader.at(node))
    }

    private mutating func category(_ name: String, _ node: Node, extra: [String]) -> Category? {
        if let category = Category(rawValue: name) { return category }
        reader.log.error(reader.at(node), unknown("category", name, Category.allCases.map(\.rawValue) + extra))
        return nil
    }

    private func unknown(_ what: String, _ name: String, _ allowed: [String]) -> String {
        var message = "unknown \(what) '\(name)'"
        if let near = Spelling.nearest(to: name, in: allowed) { message += "; did you mean '\(near)'?" }
        return message + " (one of: \(allowed.joined(separator: ", ")))"
    }
}
