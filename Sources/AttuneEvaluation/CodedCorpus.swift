import AttuneCore
import AttuneLoading
import AttuneTranscripts
import Foundation

/// One row of a coded corpus: where it stands and the values of the fields its mapping
/// names (in `CorpusMapping.fields` order; nil where the row has no such field).
public struct CodedRow: Sendable {
    /// The row's first physical line, from 1 (a quoted CSV field can span lines).
    public var line: Int
    /// `dialogs`: the turn's position in its conversation, from 1.
    public var turn: Int?
    /// The conversation the row belongs to: the mapping's `conversation` field, else
    /// the line (`dialogs`) or the file.
    public var conversation: String
    public var values: [String?]
}

/// A row that could not be read or has no text: counted and listed, never skipped.
public struct RowError: Sendable, Equatable {
    public var line: Int
    public var turn: Int?
    public var message: String
}

/// Reads a CSV, JSONL or dialogs file as its mapping says, line by line.
public struct CodedCorpus: Sendable {
    public var file: String
    public var rows: [CodedRow] = []
    /// Lines that could not be read (broken JSON, a CSV row with the wrong number of
    /// fields, a quote never closed, invalid UTF-8).
    public var errors: [RowError] = []

    /// Reads `path`; throws `invalidRules` located in the mapping when it names a
    /// column or field the corpus does not have.
    public static func read(path: String, mapping: CorpusMapping) throws(AttuneError) -> CodedCorpus {
        let lines = try LineReader(path: path)
        var corpus = CodedCorpus(file: path)
        switch mapping.format {
        case .csv: try corpus.readCSV(lines, mapping)
        case .jsonl, .dialogs: try corpus.readJSON(lines, mapping)
        }
        return corpus
    }

    private mutating func readCSV(_ lines: LineReader, _ mapping: CorpusMapping) throws(AttuneError) {
        var records = CSVRecords()
        var header: [String]?
        var columns: [Int] = []
        var events: [CSVRecords.Event] = []
        var atEnd = false
        while !atEnd {
            events.removeAll(keepingCapacity: true)
            if let line = try lines.next() {
                records.read(line, into: &events)
            } else {
                records.finish(into: &events)
                atEnd = true
            }
            for event in events {
                switch event {
                case .failure(let line, let column, let message):
                    errors.append(RowError(line: line, message: column.map { "column \($0): \(message)" } ?? message))
                case .record(let line, let fields) where header == nil:
                    header = fields
                    columns = try Self.columns(of: fields, line: line, mapping, file: file)
                case .record(let line, let fields):
                    guard fields.count == header!.count else {
                        errors.append(
                            RowError(line: line, message: "expected \(header!.count) fields, found \(fields.count)"))
                        continue
                    }
                    let values = columns.map { Optional(fields[$0]) }
                    rows.append(
                        CodedRow(
                            line: line, turn: nil, conversation: mapping.conversation.flatMap { values[$0] } ?? "",
                            values: values))
                }
            }
        }
        if header == nil { throw .unreadable(path: file, reason: "no header row: the CSV is empty") }
    }

    /// Where each field of the mapping is in the header; a missing one is an error in
    /// the mapping, at the place that names it.
    private static func columns(of header: [String], line: Int, _ mapping: CorpusMapping, file: String)
        throws(AttuneError) -> [Int]
    {
        let names = header.map { String($0.trimmingSpaces()) }
        let lowered = names.map { $0.lowercased() }
        var columns: [Int] = []
        var problems: [Diagnostic] = []
        for (index, field) in mapping.fields.enumerated() {
            if let column = names.firstIndex(of: field) ?? lowered.firstIndex(of: field.lowercased()) {
                columns.append(column)
                continue
            }
            var message = "no column '\(field)' in \(file) (line \(line) names \(names.joined(separator: ", ")))"
            if let near = Spelling.nearest(to: field, in: names) { message += "; did you mean '\(near)'?" }
            problems.append(mapping.missingField(index, message))
        }
        if !problems.isEmpty { throw .invalidRules(problems) }
        return columns
    }

    private mutating func readJSON(_ lines: LineReader, _ mapping: CorpusMapping) throws(AttuneError) {
        var seen = Array(repeating: false, count: mapping.fields.count)
        let decoder = JSONDecoder()
        while let line = try lines.next() {
            guard let text = line.text else {
                errors.append(RowError(line: line.number, message: line.problem!))
                continue
            }
            guard !text.isBlank else { continue }
            guard case .object(let object)? = try? decoder.decode(JSONValue.self, from: Data(text.utf8)) else {
                errors.append(RowError(line: line.number, message: "not a JSON object"))
                continue
            }
            guard mapping.format == .dialogs else {
                let values = Self.values(mapping.fields, in: [object], seen: &seen)
                rows.append(
                    CodedRow(
                        line: line.number, turn: nil, conversation: mapping.conversation.flatMap { values[$0] } ?? "",
                        values: values))
                continue
            }
            guard case .array(let turns)? = object[mapping.turns] else {
                errors.append(RowError(line: line.number, message: "no list \"\(mapping.turns)\" of turns"))
                continue
            }
            for (index, turn) in turns.enumerated() {
                guard case .object(let fields) = turn else {
                    errors.append(RowError(line: line.number, turn: index + 1, message: "the turn is not an object"))
                    continue
                }
                let values = Self.values(mapping.fields, in: [fields, object], seen: &seen)
                rows.append(
                    CodedRow(
                        line: line.number, turn: index + 1,
                        conversation: mapping.conversation.flatMap { values[$0] } ?? "line \(line.number)",
                        values: values))
            }
        }
        let missing = seen.indices.filter { !seen[$0] }
        if !rows.isEmpty, !missing.isEmpty {
            let holder = mapping.format == .dialogs ? "turn or conversation" : "record"
            throw .invalidRules(
                missing.map { mapping.missingField($0, "no \(holder) of \(file) has a field '\(mapping.fields[$0])'") })
        }
    }

    /// Each field's value in the first object that has it; `a.b` reaches into nested
    /// objects when there is no key "a.b". Numbers and booleans read as written.
    private static func values(_ fields: [String], in objects: [[String: JSONValue]], seen: inout [Bool]) -> [String?] {
        fields.indices.map { index in
            for object in objects {
                guard let value = lookup(fields[index], in: object) else { continue }
                seen[index] = true
                return value.scalar
            }
            return nil
        }
    }

    private static func lookup(_ path: String, in object: [String: JSONValue]) -> JSONValue? {
        if let value = object[path] { return value }
        guard path.contains(".") else { return nil }
        var current = JSONValue.object(object)
        for key in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let fields) = current, let next = fields[String(key)] else { return nil }
            current = next
        }
        return current
    }
}

/// Any JSON value, read so that numbers and booleans keep their written form.
enum JSONValue: Decodable, Sendable {
    case string(String), number(String), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(String(value))
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a field holds it: a string, number or boolean; nil otherwise.
    var scalar: String? {
        switch self {
        case .string(let value), .number(let value): value
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}
