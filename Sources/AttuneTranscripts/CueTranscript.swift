import AttuneCore
import Foundation

/// WebVTT and SRT as meeting tools export them: blocks separated by blank lines, each
/// an optional identifier, a `start --> end` timing line and the text. The speaker
/// comes from a `<v Name>` voice tag or a `Name:` prefix; a line that starts a new
/// voice starts a new turn, so a cue holding two speakers gives two turns.
struct CueTranscript: TranscriptParser {
    private let file: String
    private let format: TranscriptFormat
    private var block: [(number: Int, text: String)] = []
    private var blockBytes = 0
    /// The block outgrew `Turn.maximumTextBytes`: it is reported, and its further lines
    /// are skipped until a blank line or the next timing line starts a cue again.
    private var blockTooLong = false
    private var sawHeader = false

    init(file: String, format: TranscriptFormat) {
        self.file = file
        self.format = format
    }

    mutating func read(_ line: InputLine, into records: inout [TranscriptRecord]) {
        guard let text = line.text else {
            finishBlock(into: &records)
            return records.append(.failure(RecordError(file: file, line: line.number, message: line.problem!)))
        }
        if text.isBlank {
            finishBlock(into: &records)
        } else if blockTooLong {
            guard text.contains("-->") else { return }
            finishBlock(into: &records)
            block = [(line.number, text)]
        } else {
            block.append((line.number, text))
            blockBytes += text.utf8.count + 1
            blockTooLong = blockBytes > Turn.maximumTextBytes
        }
    }

    mutating func finish(into records: inout [TranscriptRecord]) { finishBlock(into: &records) }

    private mutating func finishBlock(into records: inout [TranscriptRecord]) {
        defer {
            block = []
            blockBytes = 0
            blockTooLong = false
        }
        guard let first = block.first else { return }
        if blockTooLong {
            return fail(
                first.number, "cue longer than \(Turn.maximumTextBytes / 1_048_576) MB (the limit)", into: &records)
        }
        if format == .vtt && !sawHeader && first.text.hasPrefix("WEBVTT") {
            sawHeader = true
            return
        }
        // WebVTT comments, styles and regions carry no speech.
        if format == .vtt, ["NOTE", "STYLE", "REGION"].contains(where: { first.text.hasPrefix($0) }) { return }
        guard let timing = block.firstIndex(where: { $0.text.contains("-->") }) else {
            return fail(first.number, "cue without a timing line (start --> end)", into: &records)
        }
        let identifier = timing > 0 ? String(block[timing - 1].text.trimmingSpaces()) : nil
        let start = String(block[timing].text.components(separatedBy: "-->")[0].trimmingSpaces())
        guard Self.isTimestamp(start) else {
            return fail(block[timing].number, "cue timing \"\(start)\" is not a timestamp", into: &records)
        }
        let lines = block[(timing + 1)...]
        var turns: [Turn] = []
        for (number, raw) in lines {
            let (speaker, text) = Self.speech(in: raw)
            if text.isEmpty && speaker == nil { continue }
            if let speaker, turns.last?.speaker != speaker || turns.isEmpty {
                turns.append(
                    Turn(file: file, line: number, id: identifier, speaker: speaker, text: text, startTime: start))
            } else if !turns.isEmpty {
                turns[turns.count - 1].text += turns[turns.count - 1].text.isEmpty ? text : " " + text
            } else {
                turns.append(Turn(file: file, line: number, id: identifier, text: text, startTime: start))
            }
        }
        turns.removeAll { $0.text.isBlank }
        guard !turns.isEmpty else { return fail(block[0].number, "cue without text", into: &records) }
        for turn in turns { records.append(.turn(turn)) }
    }

    private func fail(_ line: Int, _ message: String, into records: inout [TranscriptRecord]) {
        records.append(.failure(RecordError(file: file, line: line, message: message)))
    }

    /// `00:01.000`, `00:00:01.000` (VTT) or `00:00:01,000` (SRT).
    static func isTimestamp(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return (2...3).contains(parts.count) && text.allSatisfy { $0.isASCII && ($0.isNumber || ":.,".contains($0)) }
    }

    /// The speaker (from a voice tag or a `Name:` prefix) and the plain text of a cue line.
    static func speech(in line: String) -> (speaker: String?, text: String) {
        var rest = Substring(line).trimmingSpaces()
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }  // SRT's dialogue dash
        var speaker: String?
        if rest.hasPrefix("<v"), let close = rest.firstIndex(of: ">") {
            // `<v Name>` or `<v.class Name>`: the name follows the first space.
            let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
            if let space = tag.firstIndex(of: " ") { speaker = String(tag[space...].trimmingSpaces()) }
            rest = rest[rest.index(after: close)...]
        }
        var text = stripTags(rest)
        if speaker == nil, let (name, utterance) = SpeakerLabel.split(Substring(text)) {
            speaker = name
            text = String(utterance)
        }
        return (speaker?.isEmpty == true ? nil : speaker, String(text.trimmingSpaces()))
    }

    /// Cue text without markup (`<i>`, `</v>`, `<00:00:01.000>`) and with entities decoded.
    static func stripTags(_ text: Substring) -> String {
        var plain = ""
        var insideTag = false
        for character in text {
            switch character {
            case "<": insideTag = true
            case ">" where insideTag: insideTag = false
            default: if !insideTag { plain.append(character) }
            }
        }
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""), ("&amp;", "&"),
        ] where plain.contains(entity) {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        return plain
    }
}
