import AttuneRules
import AttuneText

/// What a piece of advice told them to do, as a verb phrase in their own words, so the
/// rewrite can offer it with permission instead of dropping it: "I think you should
/// [try limiting your screen time], it works" → "try limiting your screen time".
struct AdviceContent {
    /// A frame's words as ids, and whether it says "you".
    struct Frame {
        var ids: [Int32]
        var hasYou: Bool
    }

    /// Token phrases before the verb phrase ("you should"), longest first.
    let frames: [Frame]
    /// Frames followed by a gerund ("have you tried"): the content reads "try …".
    let gerundFrames: [Frame]
    /// Base-form verbs that make a clause an imperative ("call her").
    let verbs: WordIDs
    let stops: WordIDs
    let firstPerson: WordIDs
    /// The first words of every frame: a token that is none of them opens no frame,
    /// unless a frame has no words (it opens before any).
    let frameFirsts: WordIDs
    let anyFrameIsEmpty: Bool

    /// Words that end the advice's content: what follows is a reason or an aside.
    static let stops: Set<String> = ["but", "because", "cause", "cuz", "since", "so", "lol", "lmao", "haha", "then"]
    /// First-person words: "call me" said by someone else means someone else.
    static let firstPerson: Set<String> = ["i", "me", "my", "mine", "myself", "we", "us", "our"]
    static let longest = 14

    /// The frames' words are cue words (`CueWords.intern`), so each has an id.
    init(templates: RewriteTemplates, cues: CueWords, vocabulary: Vocabulary) {
        func split(_ phrases: [String]) -> [Frame] {
            phrases.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }.map {
                Frame(ids: $0.map(vocabulary.id(of:)), hasYou: $0.contains("you"))
            }
        }
        frames = split(templates.adviceFrames)
        gerundFrames = split(templates.adviceGerundFrames)
        let phrases = (templates.adviceFrames + templates.adviceGerundFrames).map { $0.split(separator: " ") }
        frameFirsts = WordIDs(phrases.compactMap { $0.first.map(String.init) }, in: vocabulary)
        anyFrameIsEmpty = phrases.contains(where: \.isEmpty)
        verbs = cues.adviceVerbs
        stops = cues.adviceStops
        firstPerson = cues.adviceFirstPerson
    }

    /// The content of the advice in `sentence`, or nil when none reads cleanly.
    func content(of sentence: Sentence, in text: TokenizedText) -> String? {
        let tokens = text.tokens
        for index in sentence.tokens {
            let atClauseStart = tokens[index].flags.contains(.clauseStart)
            // Frames are tried only at a token that opens one: most tokens open none.
            for isGerund in [false, true] where anyFrameIsEmpty || frameFirsts.contains(tokens[index].id) {
                for frame in isGerund ? gerundFrames : frames where matches(frame, at: index, in: sentence, tokens) {
                    // A frame without "you" ("just", "try") only opens a clause.
                    guard atClauseStart || frame.hasYou else { continue }
                    guard let phrase = phrase(from: index + frame.ids.count, in: sentence, text) else { return nil }
                    return isGerund ? "try " + phrase : phrase
                }
            }
            if atClauseStart, verbs.contains(tokens[index].id) {
                return phrase(from: index, in: sentence, text)
            }
        }
        return nil
    }

    private func matches(_ frame: Frame, at index: Int, in sentence: Sentence, _ tokens: [Token]) -> Bool {
        guard index + frame.ids.count <= sentence.tokens.upperBound else { return false }
        return frame.ids.indices.allSatisfy { tokens[index + $0].id == frame.ids[$0] }
    }

    /// The original words from `start` to the end of the clause, if they read as a
    /// short verb phrase about them.
    private func phrase(from start: Int, in sentence: Sentence, _ text: TokenizedText) -> String? {
        let tokens = text.tokens
        var end = start
        while end < sentence.tokens.upperBound {
            let token = tokens[end]
            if end > start && token.flags.contains(.clauseStart) { break }
            if stops.contains(token.id) || token.flags.contains(.emoji) { break }
            if firstPerson.contains(token.id) || token.flags.contains(.quoted) { return nil }
            end += 1
        }
        guard end > start, end - start <= Self.longest else { return nil }
        var words = text.excerpt(utf16: tokens[start].start..<tokens[end - 1].end)
        while let last = words.last, !last.isLetter && !last.isNumber { words.removeLast() }
        guard let first = words.first, !words.isEmpty else { return nil }
        return first.lowercased() + words.dropFirst()
    }
}
