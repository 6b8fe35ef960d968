import AttuneBatch
import AttuneCore

/// `--format markdown`: a report a person reads, written as the turns arrive. Each
/// conversation gets a heading; each turn its speaker, score and verdict, the reply
/// with flagged spans in bold, and the findings; the summary closes the report.
public struct MarkdownReport {
    private var conversation: String?

    public init() {}

    public func begin() -> String { "# attune: batch report\n\n" }

    public mutating func write(_ result: BatchResult) -> String {
        switch result {
        case .failure(let error):
            return
                "> **Could not read** `\(error.file)` line \(error.line): \(Self.escape(error.messageWithColumn))\n\n"
        case .turn(let turn, let analysis):
            var out = ""
            if turn.conversationKey != conversation {
                conversation = turn.conversationKey
                out += "## \(Self.escape(turn.conversationKey))\n\n"
            }
            out += "**\(Self.escape(turn.speaker ?? "(no speaker)"))** · turn \(turn.turn) · line \(turn.line)"
            if let start = turn.startTime { out += " · \(start)" }
            out += " · score \(analysis.score), \(analysis.verdict.rawValue)\n\n"
            if analysis.language == .other { out += "*\(MarkdownReport.notEnglish)*\n\n" }
            let marked = analysis.highlightSegments.map { segment in
                guard let (index, finding) = segment.finding else { return Self.escape(segment.text) }
                return "**\(Self.escape(segment.text))**<sup>\(index + 1) \(finding.category.rawValue)</sup>"
            }.joined()
            out += "> " + marked.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ")
            out += "\n\n"
            for (index, finding) in analysis.findings.enumerated() {
                out += "\(index + 1). *\(finding.category.rawValue)* “\(Self.escape(finding.excerpt))”: "
                out += Self.escape(finding.message) + "\n"
            }
            if analysis.rewrite != analysis.text {
                out += analysis.findings.isEmpty ? "" : "\n"
                out += "Attuned rewrite: “\(Self.escape(analysis.rewrite))”\n"
            }
            return out.hasSuffix("\n\n") ? out : out + "\n"
        }
    }

    /// What a report says under a turn that does not read as English.
    static let notEnglish = "Not analysed as English: the reply reads as another language, and the rules are English."

    public func end(summary: BatchSummary) -> String {
        var out = "## Summary\n\n\(counted(summary.turns, "turn")), \(summary.errors) unreadable.\n\n"
        let several = summary.conversations.items.count > 1
        if !several || summary.speakersSpanConversations {
            out += Self.table(summary.speakers.items, title: several ? summary.overallTitle : "All conversations")
        }
        for conversation in summary.conversations.items where several {
            out += Self.table(conversation.speakers.items, title: Self.escape(conversation.conversation))
        }
        out += """
            Attuned : misattuned counts validating findings against the other four categories; \
            Gottman's stable couples showed about 5 positive moments to 1 negative in conflict. \
            Bids turned toward counts replies to an emotional bid that neither withdrew, minimized nor \
            defended; couples still together six years later turned toward 86% of bids, those who \
            divorced 33%. \(MITIText.thresholds)

            """
        return out
    }

    private static func table(_ speakers: [BatchSummary.Speaker], title: String) -> String {
        var out = "### \(title)\n\n| speaker | turns | mean score | "
        out += Category.allCases.map(\.rawValue).joined(separator: " | ")
        out += " | attuned : misattuned | bids turned toward |\n|---|---:|---:|"
        out += String(repeating: "---:|", count: Category.allCases.count) + "---:|---:|\n"
        for speaker in speakers {
            let tally = speaker.tally
            out += "| \(escape(speaker.speaker ?? "(no speaker)")) | \(tally.turns) | "
            out += tally.meanScore.map { String(BatchSummary.rounded($0, places: 1)) } ?? "–"
            for category in Category.allCases { out += " | \(tally.counts[category, default: 0])" }
            out +=
                " | "
                + (tally.positiveToNegative.map { "\(BatchSummary.rounded($0, places: 2)) : 1" } ?? "no misattuned")
            out += " | " + (tally.bids == 0 ? "no bids" : "\(tally.turnedToward) of \(tally.bids) (\(percent(tally)))")
            out += " |\n"
        }
        return out + "\n" + mitiTable(speakers)
    }

    /// MITI 4.2's figures of the same speakers, set against its thresholds.
    private static func mitiTable(_ speakers: [BatchSummary.Speaker]) -> String {
        var out = "| speaker | reflections : questions | complex reflections | affirmations "
        out += "| advice with permission | advice without permission |\n|---|---:|---:|---:|---:|---:|\n"
        for speaker in speakers {
            let miti = speaker.tally.miti
            out += "| \(escape(speaker.speaker ?? "(no speaker)")) | \(MITIText.reflectionsToQuestions(miti))"
            out += " | \(MITIText.complexReflections(miti)) | \(miti.affirmations)"
            out += " | \(miti.adviceWithPermission) | \(miti.adviceWithoutPermission) |\n"
        }
        return out + "\n"
    }

    static func percent(_ tally: BatchSummary.Tally) -> String {
        "\(Int((Double(tally.turnedToward) / Double(max(tally.bids, 1)) * 100).rounded()))%"
    }

    /// Markdown's punctuation, escaped so a reply cannot change the report's layout.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>#|!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
