import AttuneEngine
import AttuneText

/// `attune explain`: the trace a rule author needs to debug a rule: the normalized
/// tokens and their original spans, every match and which token each pattern element
/// took, every candidate an exception suppressed and why, and the score arithmetic.
public struct ExplainReport {
    public let analysis: Analysis
    public let trace: Trace
    public let lexicon: Lexicon
    /// Show only this rule's matches and suppressions.
    public var rule: String?

    public init(analysis: Analysis, trace: Trace, lexicon: Lexicon, rule: String? = nil) {
        self.analysis = analysis
        self.trace = trace
        self.lexicon = lexicon
        self.rule = rule
    }

    public func render() -> String {
        let text = trace.tokens
        var out = "Normalized: " + text.words(text.tokens.indices).joined(separator: " ") + "\n\n"
        out += "Tokens\n"
        for (index, token) in text.tokens.enumerated() {
            let start = text.codePointOffset(ofUTF16: token.start)
            let end = text.codePointOffset(ofUTF16: token.end)
            var marks: [String] = []
            if text.sentences[token.sentence].tokens.lowerBound == index {
                marks.append(
                    "sentence \(token.sentence + 1)" + (text.sentences[token.sentence].isQuestion ? " (question)" : ""))
            }
            if token.flags.contains(.clauseStart) { marks.append("clause") }
            if token.flags.contains(.quoted) { marks.append("quoted") }
            if token.flags.contains(.reported) { marks.append("reported") }
            if !text.vocabulary.isRuleWord(token.id) { marks.append("not in any pattern") }
            out +=
                "  \(pad(String(index), 4))\(pad(text.word(at: index), 16))\(pad("\(start)..<\(end)", 12))\"\(text.excerpt(utf16: token.start..<token.end))\""
            out += marks.isEmpty ? "\n" : "  " + marks.joined(separator: ", ") + "\n"
        }
        let matches = trace.ruleMatches(lexicon: lexicon).filter { rule == nil || $0.rule == rule }
        out += "\nMatches\n"
        if matches.isEmpty { out += "  none\n" }
        for match in matches {
            let kind = match.isException ? "unless pattern" : "pattern"
            out +=
                "  \(match.rule)  \(kind) \"\(match.pattern)\"  tokens \(match.tokens.lowerBound)..<\(match.tokens.upperBound)\n"
            for step in match.alignment where !step.tokens.isEmpty || step.element.count > 1 {
                let words = text.words(step.tokens).joined(separator: " ")
                out += "      \(pad(step.element, 24)) ← \(step.tokens.isEmpty ? "(nothing)" : words)\n"
            }
        }
        let suppressions = trace.suppressions.filter { rule == nil || $0.rule == rule }
        out += "\nSuppressed\n"
        if suppressions.isEmpty { out += "  none\n" }
        for suppression in suppressions {
            let words = text.words(suppression.tokens).joined(separator: " ")
            out += "  \(suppression.rule)  \"\(words)\"  by \(suppression.reason)\n"
        }
        let trims = trace.trims.filter { rule == nil || $0.rule == rule }
        if !trims.isEmpty {
            out += "\nTrimmed\n"
            for trim in trims {
                let words = text.words(trim.focus).joined(separator: " ")
                out += "  \(trim.rule)  focus \"\(words)\" left by \(trim.by)\n"
            }
        }
        out += "\nFindings\n"
        if analysis.findings.isEmpty { out += "  none\n" }
        for finding in analysis.findings {
            out +=
                "  \(finding.category.rawValue)  \(finding.rule)  \(finding.start)..<\(finding.end) \"\(finding.excerpt)\"\n"
        }
        if let bid = analysis.bid {
            out +=
                "\nBid: \(bid.kind.rawValue)"
                + (bid.feelings.isEmpty ? "" : " (feelings: \(bid.feelings.joined(separator: ", ")))") + "\n"
        }
        out += "\nScore\n" + analysis.scoreLines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
