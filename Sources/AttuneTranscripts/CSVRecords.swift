/// Reads RFC 4180 CSV one physical line at a time into records (a quoted field may hold
/// line breaks), so each record knows the line it starts on and one bad row costs one
/// record. A field is read exactly or reported, never altered: a stray quote is an error
/// naming its column, and a field longer than `maximumFieldBytes` is reported, not held.
/// A quoted field left open (never closed, or closed only past the limit) costs its own
/// record: the lines held since it opened are read again, and reading resumes at the
/// first line that parses as a record on its own, the lines skipped reported as a range.
/// Shared by the batch reader and `attune eval --mapping`.
package struct CSVRecords {
    /// A field longer than this is an error; it also bounds the lines a record spanning
    /// several lines may hold while its quoted field is open.
    package static let maximumFieldBytes = 1_048_576

    package enum Event {
        /// A complete record: its first physical line and its fields.
        case record(line: Int, fields: [String])
        /// `column` (from 1, in characters) when the problem has a place on the line.
        case failure(line: Int, column: Int?, message: String)
    }

    /// A record whose quoted field runs on past the end of its first line.
    private var open: CSVLineScanner.Partial?
    /// The lines read into `open` after its first, to read again if it breaks.
    private var held: [(number: Int, text: String)] = []
    /// The bytes of `held`, at most `maximumFieldBytes` and one line.
    private(set) var heldBytes = 0
    /// Lines scanned, counting those read again: at most twice the lines read (for tests).
    private(set) var linesScanned = 0
    /// Lines up to this one were already read again once; never twice, so work stays linear.
    private var rereadThrough = 0
    /// While resynchronising after a broken record: that record's line and the lines skipped.
    private var resync: (broken: Int, skipped: ClosedRange<Int>?)?
    /// The first record's field count (the header's): a line resynchronises only with it.
    private var expectedFields: Int?

    package init() {}

    /// Reads one physical line, appending the record it completes or what went wrong.
    package mutating func read(_ line: InputLine, into events: inout [Event]) {
        guard let text = line.text else {
            // A bad line inside a quoted field spoils that record; one outside is its own.
            while open != nil { breakOpenRecord("record holds a line that cannot be read", into: &events) }
            events.append(.failure(line: line.number, column: nil, message: line.problem!))
            return
        }
        if resync != nil { return resynchronise(line.number, text, into: &events) }
        linesScanned += 1
        if var partial = open.take() {
            held.append((line.number, text))
            heldBytes += text.utf8.count
            // Taken out of `open` so the field has one owner and grows in place; `open`
            // keeps only where the record and its quote start, for `handle` to report.
            let start = CSVLineScanner.Partial(
                line: partial.line, quoteColumn: partial.quoteColumn, fields: [], field: [])
            let outcome = CSVLineScanner.scan(text, number: line.number, continuing: &partial)
            open = start
            handle(outcome, into: &events)
        } else if !text.isBlank {
            handle(CSVLineScanner.scan(text, startingAt: line.number), into: &events)
        }
    }

    /// The end of the input: a quoted field still open is an error, and the lines it held are read again.
    package mutating func finish(into events: inout [Event]) {
        while open != nil { breakOpenRecord("quoted field is never closed", into: &events) }
        endResync(into: &events)
    }

    private mutating func handle(_ outcome: CSVLineScanner.Outcome, into events: inout [Event]) {
        switch outcome {
        case .complete(let recordLine, let fields):
            open = nil
            held = []
            heldBytes = 0
            if expectedFields == nil { expectedFields = fields.count }
            events.append(.record(line: recordLine, fields: fields))
        case .open(let partial):
            open = partial
            if heldBytes > Self.maximumFieldBytes {
                breakOpenRecord(
                    "quoted field is longer than \(Self.maximumFieldBytes / 1_048_576) MB or never closed",
                    into: &events)
            }
        case .failed(let line, let column, let message):
            if open != nil {
                breakOpenRecord(message, at: (line, column), into: &events)
            } else {
                events.append(.failure(line: line, column: column, message: message))
            }
        }
    }

    /// Reports the open record as broken, at its open quote (so errors stay in line
    /// order; the message names the place of a problem found further on), then reads the
    /// lines it held again, resynchronising.
    private mutating func breakOpenRecord(
        _ message: String, at place: (line: Int, column: Int)? = nil, into events: inout [Event]
    ) {
        guard let partial = open else { return }
        open = nil
        let found = place.map { " at line \($0.line), column \($0.column), in the quoted field opened here" } ?? ""
        events.append(.failure(line: partial.line, column: partial.quoteColumn, message: message + found))
        let again = held.filter { $0.number > rereadThrough }
        let skippedNow = held.filter { $0.number <= rereadThrough }.map(\.number)
        held = []
        heldBytes = 0
        rereadThrough = max(rereadThrough, again.last?.number ?? 0)
        resync = (partial.line, skippedNow.isEmpty ? nil : skippedNow.first!...skippedNow.last!)
        for (number, text) in again { read(InputLine(number: number, content: .text(text)), into: &events) }
    }

    /// Skips lines until one parses on its own as a record of the expected width.
    private mutating func resynchronise(_ number: Int, _ text: String, into events: inout [Event]) {
        guard !text.isBlank else { return }
        linesScanned += 1
        if case .complete(_, let fields) = CSVLineScanner.scan(text, startingAt: number),
            expectedFields == nil || fields.count == expectedFields
        {
            endResync(into: &events)
            linesScanned -= 1  // read once more below, counted there
            return read(InputLine(number: number, content: .text(text)), into: &events)
        }
        let first = resync!.skipped?.lowerBound ?? number
        resync!.skipped = first...number
    }

    private mutating func endResync(into events: inout [Event]) {
        defer { resync = nil }
        guard let (broken, skipped) = resync, let skipped else { return }
        let lines =
            skipped.count == 1 ? "line \(skipped.lowerBound)" : "lines \(skipped.lowerBound)–\(skipped.upperBound)"
        events.append(
            .failure(
                line: skipped.lowerBound, column: nil,
                message: "\(lines) skipped: not a record after the broken record at line \(broken)"))
    }
}
