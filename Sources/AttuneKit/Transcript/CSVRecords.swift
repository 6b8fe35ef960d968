import CSV

/// Gathers the physical lines of an RFC 4180 CSV file into records by quote parity (a
/// quoted field may hold line breaks), so each record knows the line it starts on and
/// one bad row costs one record; CSV.swift splits each record's fields. Shared by the
/// batch reader and `attune eval --mapping`.
struct CSVRecords {
    enum Event {
        /// A complete record: its first physical line and its fields.
        case record(line: Int, fields: [String])
        case failure(line: Int, message: String)
    }

    private var record = ""
    private var recordLine = 0
    private var insideQuotes = false

    /// Reads one physical line, appending the record it completes or what went wrong.
    mutating func read(_ line: InputLine, into events: inout [Event]) {
        guard let text = line.text else {
            // A bad line inside a quoted field spoils that record; one outside is its own.
            if insideQuotes {
                events.append(.failure(line: recordLine, message: "record holds a line that cannot be read"))
            }
            insideQuotes = false
            record = ""
            events.append(.failure(line: line.number, message: line.problem!))
            return
        }
        if !insideQuotes {
            guard !text.isBlank else { return }
            record = text
            recordLine = line.number
        } else {
            record += "\n" + text
        }
        for scalar in text.unicodeScalars where scalar == "\"" { insideQuotes.toggle() }
        if !insideQuotes { events.append(.record(line: recordLine, fields: Self.fields(of: record))) }
    }

    /// The end of the input: a quoted field still open is an error.
    mutating func finish(into events: inout [Event]) {
        if insideQuotes { events.append(.failure(line: recordLine, message: "quoted field is never closed")) }
        insideQuotes = false
    }

    /// The fields of one complete record.
    static func fields(of record: String) -> [String] {
        guard let reader = try? CSVReader(string: record, hasHeaderRow: false), let row = reader.next() else {
            return [record]
        }
        return row
    }
}
