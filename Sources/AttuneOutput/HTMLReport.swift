import AttuneBatch
import AttuneCore
import Mustache

/// `--format html`: one self-contained page (no scripts, no network) with the
/// conversation, flagged spans that explain themselves on hover or keyboard focus (a
/// tooltip the span names with `aria-describedby`, shown by CSS alone), the summary
/// and an inline SVG chart of each speaker's score over the turns. It is written as
/// the turns arrive; CSS puts the summary, written last, at the top.
public struct HTMLReport {
    /// Turns per conversation drawn in the chart; beyond this the chart says so.
    static let chartLimit = 2000
    static let palette = ["#0091ff", "#e5484d", "#30a46c", "#8e4ec6", "#f5a524", "#12a594"]

    private let templates: MustacheLibrary
    private var conversation: String?
    /// Scores per conversation in turn order, for the charts.
    private var scores: [String: [(speaker: String?, turn: Int, score: Int)]] = [:]
    /// Marked spans so far: each gets its own tooltip id for `aria-describedby`.
    private var marks = 0

    public init() {
        var library = MustacheLibrary()
        for (path, contents) in embeddedAssets where path.hasPrefix("report/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("report/".count).dropLast(".mustache".count))
            // The templates are built in and a test renders each, so this cannot fail for a user.
            do { try library.register(contents, named: name) } catch {
                preconditionFailure("built-in template \(path) does not parse: \(error)")
            }
        }
        templates = library
    }

    public func begin() -> String { render([:], "start") }

    public mutating func write(_ result: BatchResult) -> String {
        switch result {
        case .failure(let error):
            return render(["file": error.file, "line": error.line, "error": error.messageWithColumn], "error")
        case .turn(let turn, let analysis):
            var out = ""
            if turn.conversationKey != conversation {
                conversation = turn.conversationKey
                out += render(["name": turn.conversationKey], "conversation")
            }
            if scores[turn.conversationKey, default: []].count < Self.chartLimit {
                scores[turn.conversationKey, default: []].append((turn.speaker, turn.turn, analysis.score))
            }
            let segments: [[String: Any]] = analysis.highlightSegments.map { segment in
                guard let (_, finding) = segment.finding else { return ["text": segment.text] }
                marks += 1
                return [
                    "text": segment.text, "category": finding.category.rawValue, "message": finding.message,
                    "tip": "tip-\(marks)",
                ]
            }
            let findings: [[String: Any?]] = analysis.findings.map {
                [
                    "category": $0.category.rawValue, "excerpt": $0.excerpt, "message": $0.message,
                    "suggestion": $0.suggestions.first,
                ]
            }
            let context: [String: Any?] = [
                "speaker": turn.speaker ?? "(no speaker)", "turn": turn.turn, "line": turn.line,
                "startTime": turn.startTime, "score": analysis.score, "verdict": analysis.verdict.rawValue,
                "segments": segments, "hasFindings": !findings.isEmpty,
                "findingCount": counted(findings.count, "finding"), "findings": findings,
                "rewrite": analysis.rewrite == analysis.text ? nil : analysis.rewrite,
                "notEnglish": analysis.language == .other ? MarkdownReport.notEnglish : nil,
            ]
            return out + render(context, "turn")
        }
    }

    public func end(summary: BatchSummary) -> String {
        var conversations: [[String: Any?]] = []
        if summary.conversations.items.count > 1 && summary.speakersSpanConversations {
            conversations.append(["name": summary.overallTitle, "speakers": rows(summary.speakers)])
        }
        for conversation in summary.conversations.items {
            conversations.append([
                "name": conversation.conversation, "speakers": rows(conversation.speakers),
                "chart": chart(scores[conversation.conversation] ?? [], truncated: conversation.tally.turns),
            ])
        }
        let context: [String: Any?] = [
            "turns": counted(summary.turns, "turn"), "errors": summary.errors == 0 ? nil : summary.errors,
            "conversations": conversations, "categories": Category.allCases.map(\.rawValue),
        ]
        return render(context, "end")
    }

    private func rows(_ speakers: BatchSummary.OrderedTallies) -> [[String: Any]] {
        speakers.items.map { speaker in
            let tally = speaker.tally
            return [
                "speaker": speaker.speaker ?? "(no speaker)", "turns": tally.turns,
                "meanScore": tally.meanScore.map { String(BatchSummary.rounded($0, places: 1)) } ?? "–",
                "counts": Category.allCases.map { tally.counts[$0, default: 0] },
                "ratio": tally.positiveToNegative.map { "\(BatchSummary.rounded($0, places: 2)) : 1" }
                    ?? "no misattuned",
                "towards": tally.bids == 0
                    ? "no bids" : "\(tally.turnedToward) of \(tally.bids) (\(MarkdownReport.percent(tally)))",
            ].merging(Self.miti(tally.miti)) { $1 }
        }
    }

    /// MITI 4.2's summary figures of a speaker, each against its thresholds where MITI sets one.
    static func miti(_ miti: MITICounts) -> [String: Any] {
        [
            "rq": MITIText.reflectionsToQuestions(miti), "complex": MITIText.complexReflections(miti),
            "affirmations": miti.affirmations, "withPermission": miti.adviceWithPermission,
            "withoutPermission": miti.adviceWithoutPermission,
        ]
    }

    /// A line per speaker: x is the turn's place in the conversation, y the score.
    private func chart(_ points: [(speaker: String?, turn: Int, score: Int)], truncated total: Int) -> [String: Any?]? {
        guard points.count > 1 else { return nil }
        let (width, height, left, top) = (640.0, 180.0, 30.0, 8.0)
        let plotHeight = height - top - 16
        let lastTurn = Double(max(points.last!.turn - points.first!.turn, 1))
        let x = { (turn: Int) in left + Double(turn - points.first!.turn) / lastTurn * (width - left - 10) }
        let y = { (score: Double) in top + (100 - score) / 100 * plotHeight }
        var speakers: [String?] = []
        for point in points where !speakers.contains(point.speaker) { speakers.append(point.speaker) }
        let lines: [[String: Any]] = speakers.enumerated().map { index, speaker in
            let own = points.filter { $0.speaker == speaker }
            let color = Self.palette[index % Self.palette.count]
            let coordinates = own.map { (x($0.turn), y(Double($0.score)), $0) }
            return [
                "speaker": speaker ?? "(no speaker)", "color": color,
                "points": coordinates.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " "),
                "dots": coordinates.map {
                    ["x": Self.format($0.0), "y": Self.format($0.1), "label": "turn \($0.2.turn): \($0.2.score)"]
                },
            ]
        }
        return [
            "width": Int(width), "height": Int(height), "right": Self.format(width - 10),
            "attunedY": Self.format(y(65)), "misattunedY": Self.format(y(40)), "bottom": Self.format(y(0)),
            "lines": lines, "truncated": total > points.count ? points.count : nil,
        ]
    }

    private static func format(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    /// Renders with absent values left out: a nil must skip its section, not print "nil".
    private func render(_ context: [String: Any?], _ template: String) -> String {
        templates.render(Self.present(context), withTemplate: template) ?? ""
    }

    private static func present(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any?] {
            return dictionary.compactMapValues { $0 }.mapValues(present)
        }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(present) }
        if let array = value as? [[String: Any?]] { return array.map(present) }
        if let array = value as? [[String: Any]] { return array.map(present) }
        return value
    }
}
