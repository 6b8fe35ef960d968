import AttuneCore

/// `Name: utterance` lines, where a line without a label continues the turn above;
/// or, when the text has no labels, plain replies one per line. Blank lines separate
/// nothing. The choice is made from the first lines, held until it is clear.
struct PlainTextTranscript: TranscriptParser {
    /// Lines read before deciding whether the text is a dialogue.
    static let sniffLines = 20

    private let file: String
    private var isDialogue: Bool?
    /// Non-blank lines (and unreadable ones) read before deciding; blank lines say
    /// nothing either way, so they are not held and cannot make sniffing slow.
    private var held: [InputLine] = []
    /// Lines held while sniffing (at most `sniffLines`), for tests.
    var heldLines: Int { held.count }
    private var pending: Turn?
    /// The pending turn grew past `Turn.maximumTextBytes`: it becomes an error record.
    private var pendingTooLong = false

    init(file: String) { self.file = file }

    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let isDialogue else {
            if line.text?.isBlank == true { return }
            held.append(line)
            if held.count >= Self.sniffLines { decide(andFlushInto: &records) }
            return
        }
        isDialogue ? readDialogue(line, into: &records) : readList(line, into: &records)
    }

    mutating func finish(into records: inout [TranscriptRecord]) {
        if isDialogue == nil { decide(andFlushInto: &records) }
        flushPending(into: &records)
    }

    /// A dialogue when most non-blank lines carry a label.
    private mutating func decide(andFlushInto records: inout [TranscriptRecord]) {
        let lines = held.compactMap(\.text)
        let labelled = lines.filter { SpeakerLabel.split(Substring($0)) != nil }.count
        isDialogue = labelled > 0 && labelled * 2 >= lines.count
        let heldLines = held
        held = []
        for line in heldLines { read(line, into: &records) }
    }

    private mutating func readList(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let text = line.text else { return fail(line, into: &records) }
        guard !text.isBlank else { return }
        records.append(turnOrError(Turn(file: file, line: line.number, text: text)))
    }

    private mutating func readDialogue(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let text = line.text else {
            flushPending(into: &records)
            return fail(line, into: &records)
        }
        guard !text.isBlank else { return }
        if let (speaker, utterance) = SpeakerLabel.split(Substring(text)) {
            flushPending(into: &records)
            pending = Turn(file: file, line: line.number, speaker: speaker, text: String(utterance))
            pendingTooLong = pending!.text.utf8.count > Turn.maximumTextBytes
            if pendingTooLong { pending!.text = "" }
        } else if pending != nil {
            // Past the limit the turn is already an error: its further lines are counted, not held.
            guard !pendingTooLong else { return }
            let continuation = Substring(text).trimmingSpaces()
            if pending!.text.utf8.count + 1 + continuation.utf8.count > Turn.maximumTextBytes {
                pendingTooLong = true
                pending!.text = ""
                return
            }
            pending!.text += pending!.text.isEmpty ? String(continuation) : " " + continuation
        } else {
            // Text before the first label (a title, a note) is still a turn: nothing is lost.
            records.append(turnOrError(Turn(file: file, line: line.number, text: text)))
        }
    }

    private mutating func flushPending(into records: inout [TranscriptRecord]) {
        if let turn = pending {
            records.append(
                pendingTooLong
                    ? .failure(RecordError(file: file, line: turn.line, message: Turn.tooLongMessage))
                    : .turn(turn))
        }
        pending = nil
        pendingTooLong = false
    }

    private func turnOrError(_ turn: Turn) -> TranscriptRecord {
        turn.text.utf8.count > Turn.maximumTextBytes
            ? .failure(RecordError(file: file, line: turn.line, message: Turn.tooLongMessage)) : .turn(turn)
    }

    private func fail(_ line: InputLine, into records: inout [TranscriptRecord]) {
        records.append(.failure(RecordError(file: file, line: line.number, message: line.problem ?? "unreadable line")))
    }
}

extension String {
    package var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }
}
