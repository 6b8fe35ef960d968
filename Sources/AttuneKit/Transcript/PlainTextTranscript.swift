/// `Name: utterance` lines, where a line without a label continues the turn above;
/// or, when the text has no labels, plain replies one per line. Blank lines separate
/// nothing. The choice is made from the first lines, held until it is clear.
struct PlainTextTranscript: TranscriptParser {
    /// Lines read before deciding whether the text is a dialogue.
    static let sniffLines = 20

    private let file: String
    private var isDialogue: Bool?
    private var held: [InputLine] = []
    private var pending: Turn?

    init(file: String) { self.file = file }

    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let isDialogue else {
            held.append(line)
            if held.count(where: { $0.text?.isBlank == false }) >= Self.sniffLines { decide(andFlushInto: &records) }
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
        let lines = held.compactMap(\.text).filter { !$0.isBlank }
        let labelled = lines.filter { SpeakerLabel.split(Substring($0)) != nil }.count
        isDialogue = labelled > 0 && labelled * 2 >= lines.count
        let heldLines = held
        held = []
        for line in heldLines { read(line, into: &records) }
    }

    private mutating func readList(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let text = line.text else { return fail(line, into: &records) }
        guard !text.isBlank else { return }
        records.append(.turn(Turn(file: file, line: line.number, text: text)))
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
        } else if pending != nil {
            let continuation = Substring(text).trimmingSpaces()
            pending!.text += pending!.text.isEmpty ? String(continuation) : " " + continuation
        } else {
            // Text before the first label (a title, a note) is still a turn: nothing is lost.
            records.append(.turn(Turn(file: file, line: line.number, text: text)))
        }
    }

    private mutating func flushPending(into records: inout [TranscriptRecord]) {
        if let turn = pending { records.append(.turn(turn)) }
        pending = nil
    }

    private func fail(_ line: InputLine, into records: inout [TranscriptRecord]) {
        records.append(.failure(RecordError(file: file, line: line.number, message: line.problem ?? "unreadable line")))
    }
}

extension String {
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }
}
