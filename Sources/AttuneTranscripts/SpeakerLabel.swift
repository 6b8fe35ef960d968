import AttuneCore

/// Reads a `Name: utterance` prefix, as transcripts and subtitle exports write it.
enum SpeakerLabel {
    /// A name is short: at most this many characters and four words.
    static let maximumLength = 40

    /// The speaker and the rest of the line, or nil when the line has no label.
    /// "Dr. Lee: hi" and "Jordan (T): ok" have one; "http://x", "at 10:30 we" and
    /// a sentence that happens to hold a colon do not.
    static func split(_ line: Substring) -> (speaker: String, text: Substring)? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let colon = trimmed.prefix(maximumLength + 1).firstIndex(of: ":") else { return nil }
        let name = trimmed[..<colon].trimmingSpaces()
        let rest = trimmed[trimmed.index(after: colon)...]
        guard let first = name.first, first.isLetter, isName(name) else { return nil }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (String(name), rest.trimmingSpaces())
    }

    private static func isName(_ name: Substring) -> Bool {
        let words = name.split(separator: " ")
        guard words.count <= 4 else { return false }
        // A lowercase multi-word start reads as a sentence ("so here's the thing: ...").
        if words.count > 1, let first = name.first, first.isLowercase { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || " .'’_-()&".contains($0) }
    }
}
