import AttuneBatch
import AttuneCore

/// `--format csv`: one row per turn with its score, verdict, a count per category and
/// whether the reply reads as English (`en` or `other`); an unreadable turn's row
/// carries the error instead. The summary, when asked for,
/// follows after a blank line as a second table, one row per speaker, with the Gottman
/// figures and then MITI 4.2's.
public struct BatchCSV {
    public static let header =
        ["file", "line", "id", "conversation", "speaker", "turn", "start_time", "score", "verdict"]
        + Category.allCases.map(\.rawValue) + ["language", "error"]

    public static let summaryHeader =
        ["conversation", "speaker", "turns", "mean_score"] + Category.allCases.map(\.rawValue)
        + ["positive_to_negative", "bids", "turned_toward"] + mitiHeader

    /// MITI 4.2's figures, named as in the JSON summary's `"miti"`, with the level each
    /// ratio reaches against MITI's thresholds (`good`, `fair`, `below fair`, or empty
    /// without a ratio).
    static let mitiHeader = [
        "reflections", "questions", "reflections_to_questions", "reflections_to_questions_level",
        "complex_reflections", "reflections_judged", "complex_share", "complex_share_level", "affirmations",
        "advice_with_permission", "advice_without_permission",
    ]

    public static func row(_ result: BatchResult) -> String {
        switch result {
        case .turn(let turn, let analysis):
            let counts = Category.allCases.map { category in
                String(analysis.findings.count { $0.category == category })
            }
            return line(
                [
                    turn.file, String(turn.line), turn.id ?? "", turn.conversation ?? "", turn.speaker ?? "",
                    String(turn.turn), turn.startTime ?? "", String(analysis.score), analysis.verdict.rawValue,
                ] + counts + [analysis.language.rawValue, ""])
        case .failure(let error):
            return line(
                [error.file, String(error.line)] + Array(repeating: "", count: header.count - 3) + [
                    error.messageWithColumn
                ])
        }
    }

    /// The summary table: every speaker overall (conversation `*`) when a speaker can be
    /// followed across conversations, then per conversation.
    public static func summary(_ summary: BatchSummary) -> String {
        var text = line(summaryHeader)
        if summary.speakersSpanConversations {
            for speaker in summary.speakers.items { text += summaryRow("*", speaker) }
        }
        for conversation in summary.conversations.items {
            for speaker in conversation.speakers.items { text += summaryRow(conversation.conversation, speaker) }
        }
        return text
    }

    private static func summaryRow(_ conversation: String, _ speaker: BatchSummary.Speaker) -> String {
        let tally = speaker.tally
        let figures = Category.allCases.map { String(tally.counts[$0, default: 0]) }
        return line(
            [
                conversation, speaker.speaker ?? "", String(tally.turns),
                tally.meanScore.map { String(BatchSummary.rounded($0, places: 1)) } ?? "",
            ] + figures + [
                tally.positiveToNegative.map { String(BatchSummary.rounded($0, places: 2)) } ?? "",
                String(tally.bids), String(tally.turnedToward),
            ] + mitiFields(tally.miti))
    }

    private static func mitiFields(_ miti: MITICounts) -> [String] {
        [
            String(miti.reflections), String(miti.questions),
            miti.reflectionsToQuestions.map { String(BatchSummary.rounded($0, places: 2)) } ?? "",
            MITIText.reflectionsToQuestionsLevel(miti) ?? "",
            String(miti.complexReflections), String(miti.reflectionsJudged),
            miti.complexShare.map { String(BatchSummary.rounded($0, places: 2)) } ?? "",
            MITIText.complexShareLevel(miti) ?? "",
            String(miti.affirmations), String(miti.adviceWithPermission), String(miti.adviceWithoutPermission),
        ]
    }

    /// One RFC 4180 line: a field holding a comma, quote or line break is quoted, its
    /// quotes doubled.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + field.replacing("\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
