import AttuneCore
import AttuneEngine
import Foundation

/// The critique as a person reads it in a terminal: the reply with flagged spans
/// marked, each finding with its category, message and suggestions, then the score.
public struct TerminalReport {
    /// ANSI colour is used only when asked (a terminal, and NO_COLOR unset).
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ analysis: Analysis) -> String {
        var out = ""
        if let context = analysis.context {
            var heading = "Answering"
            if let bid = analysis.bid {
                heading += " (bid: \(bid.kind.rawValue.replacingOccurrences(of: "_", with: " "))"
                if !bid.feelings.isEmpty { heading += "; feelings: \(bid.feelings.joined(separator: ", "))" }
                heading += ")"
            }
            out += paint(heading, .dim) + "\n" + indent(context) + "\n\n"
        }
        out += paint("Reply", .dim) + "\n" + indent(marked(analysis)) + "\n\n"
        for (number, finding) in analysis.findings.enumerated() {
            let tone: Style = Self.style(of: finding.category)
            out += paint("\(number + 1)", .bold) + "  " + paint(finding.category.rawValue, tone)
            out += paint(" · \"\(finding.excerpt)\"", .plain) + "  " + paint(finding.rule, .dim) + "\n"
            out += wrap(finding.message + " (ATTUNE: \(finding.attune.title))", indent: "   ") + "\n"
            if let discount = finding.discount { out += paint("   counts less: \(discount)", .dim) + "\n" }
            for suggestion in finding.suggestions.prefix(3) {
                out += wrap("→ " + suggestion, indent: "   ") + "\n"
            }
            out += "\n"
        }
        for note in analysis.notes { out += paint(note, .dim) + "\n" }
        let verdictStyle: Style
        switch analysis.verdict {
        case .attuned: verdictStyle = .green
        case .mixed: verdictStyle = .yellow
        case .misattuned: verdictStyle = .red
        case .neutral: verdictStyle = .plain
        }
        out +=
            paint("Score \(analysis.score)/100", .bold) + " · " + paint(analysis.verdict.rawValue, verdictStyle) + "\n"
        if analysis.rewrite != analysis.text {
            out += "\n" + paint("An attuned rewrite", .dim) + "\n" + indent(analysis.rewrite) + "\n"
        }
        return out
    }

    /// The reply with each finding's span in [brackets] and its number (or in colour).
    private func marked(_ analysis: Analysis) -> String {
        analysis.highlightSegments.map { segment in
            guard let (index, finding) = segment.finding else { return segment.text }
            return color
                ? paint(segment.text, Self.style(of: finding.category), underline: true)
                    + paint(superscript(index + 1), .dim)
                : "[\(segment.text)](\(index + 1))"
        }.joined()
    }

    // MARK: styling

    enum Style: String {
        case plain = "0", bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35"
    }

    static func style(of category: Category) -> Style {
        switch category {
        case .fixing: return .yellow
        case .minimizing: return .magenta
        case .defensiveness: return .red
        case .withdrawal: return .blue
        case .validating: return .green
        }
    }

    private func paint(_ text: String, _ style: Style, underline: Bool = false) -> String {
        guard color, style != .plain || underline else { return text }
        return "\u{1B}[\(style.rawValue)\(underline ? ";4" : "")m\(text)\u{1B}[0m"
    }

    private func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Wraps at 88 columns for reading.
    private func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > 88 && line.count > indent.count {
                lines.append(line)
                line = indent + "  "
            }
            line += (line.hasSuffix(" ") || line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
