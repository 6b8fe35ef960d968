import AttuneBatch

/// MITI 4.2's summary figures of one speaker as the reports write them, each set against
/// its thresholds where MITI sets one, so the HTML, Markdown and CSV summaries say the
/// same thing in the same words.
enum MITIText {
    /// What the reports say under the table about where the thresholds come from.
    static let thresholds =
        "MITI 4.2-style counts, estimated from the rules. Thresholds: reflections to questions fair 1 : 1, "
        + "good 2 : 1; complex reflections fair 40%, good 50%. MITI sets none for affirmations or advice."

    /// The R:Q level ("good", "fair", "below fair"); nil without questions.
    static func reflectionsToQuestionsLevel(_ miti: MITICounts) -> String? {
        MITICounts.level(
            miti.reflectionsToQuestions, fair: MITICounts.reflectionsToQuestionsFair,
            good: MITICounts.reflectionsToQuestionsGood)
    }

    /// The complex share's level; nil when no reflection's complexity could be told.
    static func complexShareLevel(_ miti: MITICounts) -> String? {
        MITICounts.level(miti.complexShare, fair: MITICounts.complexShareFair, good: MITICounts.complexShareGood)
    }

    /// "2 : 1 = 2.0 : 1 (good)", "3 : 0 (no questions)" or "none".
    static func reflectionsToQuestions(_ miti: MITICounts) -> String {
        guard let ratio = miti.reflectionsToQuestions, let level = reflectionsToQuestionsLevel(miti) else {
            return miti.reflections == 0 ? "none" : "\(miti.reflections) : 0 (no questions)"
        }
        return "\(miti.reflections) : \(miti.questions) = \(BatchSummary.rounded(ratio, places: 2)) : 1 (\(level))"
    }

    /// "1 of 2 (50%, good)", or "–" when none could be judged.
    static func complexReflections(_ miti: MITICounts) -> String {
        guard let share = miti.complexShare, let level = complexShareLevel(miti) else { return "–" }
        return "\(miti.complexReflections) of \(miti.reflectionsJudged) (\(Int((share * 100).rounded()))%, \(level))"
    }
}
