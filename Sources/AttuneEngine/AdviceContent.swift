import AttuneRules
import AttuneText

/// What a piece of advice told them to do, as a verb phrase in their own words, so the
/// rewrite can offer it with permission instead of dropping it: "I think you should
/// [try limiting your screen time], it works" → "try limiting your screen time".
struct AdviceContent {
    /// Token phrases before the verb phrase ("you should"), longest first.
    let frames: [[String]]
    /// Frames followed by a gerund ("have you tried"): the content reads "try …".
    let gerundFrames: [[String]]
    /// Base-form verbs that make a clause an imperative ("call her").
    let verbs: Set<String>

    /// Words that end the advice's content: what follows is a reason or an aside.
    static let stops: Set<String> = ["but", "because", "cause", "cuz", "since", "so", "lol", "lmao", "haha", "then"]
    /// First-person words: "call me" said by someone else means someone else.
    static let firstPerson: Set<String> = ["i", "me", "my", "mine", "myself", "we", "us", "our"]
    static let longest = 14

    init(templates: RewriteTemplates, verbs: Set<String>) {
        func split(_ phrases: [String]) -> [[String]] {
            phrases.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        }
        frames = split(templates.adviceFrames)
        gerundFrames = split(templates.adviceGerundFrames)
        self.verbs = verbs
    }

    /// The content of the advice in `sentence`, or nil when none reads cleanly.
    func content(of sentence: Sentence, in text: TokenizedText) -> String? {
        let tokens = text.tokens
        for index in sentence.tokens {
            let atClauseStart = tokens[index].flags.contains(.clauseStart)
            for (isGerund, list) in [(false, frames), (true, gerundFrames)] {
                for frame in list where matches(frame, at: index, in: sentence, tokens) {
                    // A frame without "you" ("just", "try") only opens a clause.
                    guard atClauseStart || frame.contains("you") else { continue }
                    guard let phrase = phrase(from: index + frame.count, in: sentence, text) else { return nil }
                    return isGerund ? "try " + phrase : phrase
                }
            }
            if atClauseStart, verbs.contains(tokens[index].text) {
                return phrase(from: index, in: sentence, text)
            }
        }
        return nil
    }

    private func matches(_ frame: [String], at index: Int, in sentence: Sentence, _ tokens: [Token]) -> Bool {
        guard index + frame.count <= sentence.tokens.upperBound else { return false }
        return frame.indices.allSatisfy { tokens[index + $0].text == frame[$0] }
    }

    /// The original words from `start` to the end of the clause, if they read as a
    /// short verb phrase about them.
    private func phrase(from start: Int, in sentence: Sentence, _ text: TokenizedText) -> String? {
        let tokens = text.tokens
        var end = start
        while end < sentence.tokens.upperBound {
            let token = tokens[end]
            if end > start && token.flags.contains(.clauseStart) { break }
            if Self.stops.contains(token.text) || token.flags.contains(.emoji) { break }
            if Self.firstPerson.contains(token.text) || token.flags.contains(.quoted) { return nil }
            end += 1
        }
        guard end > start, end - start <= Self.longest else { return nil }
        var words = text.excerpt(utf16: tokens[start].start..<tokens[end - 1].end)
        while let last = words.last, !last.isLetter && !last.isNumber { words.removeLast() }
        guard let first = words.first, !words.isEmpty else { return nil }
        return first.lowercased() + words.dropFirst()
    }
}
