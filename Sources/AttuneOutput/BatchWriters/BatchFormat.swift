/// The output formats of `attune batch`, in one table: it picks the writer for
/// `--format` and writes that option's help. A new format is one `BatchWriter` file
/// and one entry here (docs/ARCHITECTURE.md).
public struct BatchFormat: Sendable, Equatable {
    /// The name `--format` takes.
    public let name: String
    /// Said after the name in `--help`, when the format is a default.
    public let note: String?
    /// Reports a person reads always carry the summary.
    public let alwaysSummarises: Bool
    let make: @Sendable (BatchWriterOptions) -> any BatchWriter

    public static let all: [BatchFormat] = [
        BatchFormat(
            name: "jsonl", note: "the default when piped", alwaysSummarises: false, make: { JSONLWriter(options: $0) }),
        BatchFormat(name: "csv", note: nil, alwaysSummarises: false, make: { CSVWriter(options: $0) }),
        BatchFormat(
            name: "markdown", note: "the default on a terminal", alwaysSummarises: true,
            make: { MarkdownWriter(options: $0) }),
        BatchFormat(name: "html", note: nil, alwaysSummarises: true, make: { HTMLWriter(options: $0) }),
    ]

    public static let jsonl = named("jsonl")!
    public static let markdown = named("markdown")!

    public static func named(_ name: String) -> BatchFormat? { all.first { $0.name == name } }

    /// "jsonl (the default when piped), csv, markdown (the default on a terminal) or html".
    public static var list: String {
        let names = all.map { format in format.note.map { "\(format.name) (\($0))" } ?? format.name }
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
    }

    public func makeWriter(_ options: BatchWriterOptions) -> any BatchWriter { make(options) }

    public static func == (lhs: BatchFormat, rhs: BatchFormat) -> Bool { lhs.name == rhs.name }
}
