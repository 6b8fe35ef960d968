/// Splits one physical CSV line into fields, RFC 4180 style, carrying a quoted field that
/// runs past the line's end over to the next line. One pass over the line's UTF-8 bytes;
/// quotes and commas are ASCII, so they are never part of a longer character.
enum CSVLineScanner {
    /// A record whose quoted field is still open at the end of a line.
    struct Partial {
        /// The record's first line, and where its open quote is (column from 1).
        var line: Int
        var quoteColumn: Int
        var fields: [String]
        var field: [UInt8]
    }

    enum Outcome {
        case complete(line: Int, fields: [String])
        case open(Partial)
        /// The record is broken at `line`, `column`.
        case failed(line: Int, column: Int, message: String)
    }

    static let strayQuote = "stray quote in a quoted field (a quote inside one is written \"\")"
    static let quoteInBareField =
        "quote in an unquoted field (a field holding quotes must be quoted, each quote doubled)"
    static var fieldTooLong: String { "field longer than \(CSVRecords.maximumFieldBytes / 1_048_576) MB" }

    /// Scans a line that starts a record.
    static func scan(_ text: String, startingAt line: Int) -> Outcome {
        var state = Partial(line: line, quoteColumn: 0, fields: [], field: [])
        return scan(text, number: line, state: &state, quoted: false)
    }

    /// Scans line `number`, which continues `partial`'s open quoted field after a line
    /// break. `partial` is changed in place: were it copied, its field would be shared,
    /// and the first byte appended would copy the whole field, on every line it spans
    /// (a 0.7 MB field took 19 times as long as one of 0.36 MB).
    static func scan(_ text: String, number: Int, continuing partial: inout Partial) -> Outcome {
        partial.field.append(UInt8(ascii: "\n"))
        return scan(text, number: number, state: &partial, quoted: true)
    }

    private static func scan(_ text: String, number: Int, state: inout Partial, quoted startsQuoted: Bool) -> Outcome {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var quoted = startsQuoted
        var afterQuote = false  // just read a quote inside a quoted field
        var atFieldStart = !startsQuoted
        var column = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }
            if quoted {
                if afterQuote {
                    afterQuote = false
                    if byte == quote {
                        state.field.append(quote)
                    } else if byte == comma {
                        endField(&state)
                        quoted = false
                        atFieldStart = true
                    } else {
                        return .failed(line: number, column: column - 1, message: strayQuote)
                    }
                } else if byte == quote {
                    afterQuote = true
                } else {
                    state.field.append(byte)
                }
            } else if byte == comma {
                endField(&state)
                atFieldStart = true
            } else if byte == quote {
                guard atFieldStart else { return .failed(line: number, column: column, message: quoteInBareField) }
                quoted = true
                atFieldStart = false
                state.quoteColumn = column
            } else {
                state.field.append(byte)
                atFieldStart = false
            }
            if state.field.count > CSVRecords.maximumFieldBytes {
                return .failed(line: number, column: column, message: fieldTooLong)
            }
        }
        if quoted && !afterQuote { return .open(state) }
        endField(&state)
        return .complete(line: state.line, fields: state.fields)
    }

    private static func endField(_ state: inout Partial) {
        state.fields.append(String(decoding: state.field, as: UTF8.self))
        state.field.removeAll(keepingCapacity: true)
    }
}
