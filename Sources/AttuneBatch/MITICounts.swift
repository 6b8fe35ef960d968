import AttuneEngine

/// The counts behind MITI 4.2's summary scores for one speaker, read off their findings:
/// reflections (and, of those whose complexity could be told, the complex ones),
/// questions, affirmations, and advice given with or without permission. attune codes
/// by rule, not as a trained coder does, so these estimate the measures; they are not
/// MITI codes.
public struct MITICounts: Sendable, Equatable {
    public var reflections = 0
    /// Reflections answering an English message, whose complexity could be told.
    public var reflectionsJudged = 0
    public var complexReflections = 0
    /// Sentences ending in "?" with no reflection in them ("you feel stuck?" reflects).
    public var questions = 0
    public var affirmations = 0
    public var adviceWithPermission = 0
    public var adviceWithoutPermission = 0

    /// MITI 4.2.1's thresholds (Moyers et al. 2016): fair and good competence.
    public static let reflectionsToQuestionsFair = 1.0
    public static let reflectionsToQuestionsGood = 2.0
    public static let complexShareFair = 0.4
    public static let complexShareGood = 0.5

    /// The validating rule whose question asks before advising ("do you want ideas?").
    static let askBeforeAdvising = "validating.ask-before-advising"
    /// How a message asks for advice, so that advice answering it has permission.
    static let adviceRequests = [
        "what should i do", "what would you do", "any advice", "any ideas", "any suggestions",
        "what do you think i should", "what can i do", "how do i", "should i",
    ]

    public init() {}

    /// Reflections per question; nil without questions.
    public var reflectionsToQuestions: Double? {
        questions == 0 ? nil : Double(reflections) / Double(questions)
    }

    /// The share of judged reflections that are complex; nil when none could be judged.
    public var complexShare: Double? {
        reflectionsJudged == 0 ? nil : Double(complexReflections) / Double(reflectionsJudged)
    }

    /// "fair", "good" or "below fair" against a threshold pair; nil without a value.
    public static func level(_ value: Double?, fair: Double, good: Double) -> String? {
        guard let value else { return nil }
        return value >= good ? "good" : value >= fair ? "fair" : "below fair"
    }

    /// Counts one turn. `askedBefore` says the speaker asked permission to advise in
    /// their previous turn of the conversation; returns whether this turn asks it.
    @discardableResult
    mutating func add(_ analysis: Analysis, askedBefore: Bool) -> Bool {
        var asked = askedBefore || Self.asksForAdvice(analysis.context)
        for finding in analysis.findings {
            switch (finding.category, finding.move) {
            case (.validating, .reflection?):
                reflections += 1
                if let complex = finding.complexReflection {
                    reflectionsJudged += 1
                    if complex { complexReflections += 1 }
                }
            case (.validating, .affirmation?): affirmations += 1
            case (.fixing, _):
                if asked { adviceWithPermission += 1 } else { adviceWithoutPermission += 1 }
            default: break
            }
            if finding.rule == Self.askBeforeAdvising { asked = true }
        }
        questions += Self.questions(in: analysis)
        return analysis.findings.contains { $0.rule == Self.askBeforeAdvising }
    }

    /// Whether the message answered asks for advice, compared in lowercase.
    static func asksForAdvice(_ context: String?) -> Bool {
        guard let context, context.contains("?") else { return false }
        let lower = context.lowercased().replacingOccurrences(of: "’", with: "'")
        return adviceRequests.contains { lower.contains($0) }
    }

    /// Question sentences of the reply that hold no reflection: one pass over its code points.
    static func questions(in analysis: Analysis) -> Int {
        let reflections = analysis.findings.filter { $0.move == .reflection }.map { $0.start..<$0.end }
        var count = 0
        var sentenceStart = 0
        let scalars = Array(analysis.text.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() where ".!?\n".unicodeScalars.contains(scalar) {
            let endsRun = offset + 1 == scalars.count || !"?!".unicodeScalars.contains(scalars[offset + 1])
            guard endsRun else { continue }
            let sentence = sentenceStart..<(offset + 1)
            if scalar == "?" && !reflections.contains(where: { $0.overlaps(sentence) }) { count += 1 }
            sentenceStart = offset + 1
        }
        return count
    }
}
