import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Turns surviving candidates into findings: one per span, overlapping findings of one
/// category merged into one (the heaviest rule speaks for the merged span).
enum FindingMerger {
    static func merge(_ candidates: [Candidate], rules: [Rule], text: TokenizedText) -> [Finding] {
        var byCategory: [Category: [(rule: Rule, focus: Range<Int>, match: PatternMatch)]] = [:]
        for candidate in candidates {
            let rule = rules[candidate.rule]
            let match = candidate.match
            let focus = CandidateFilter.focus(of: match)
            byCategory[rule.category, default: []].append((rule, focus, match))
        }
        var findings: [Finding] = []
        for category in Category.allCases {
            guard let items = byCategory[category]?.sorted(by: { $0.focus.lowerBound < $1.focus.lowerBound }) else {
                continue
            }
            var current = items[0]
            for item in items.dropFirst() {
                if item.focus.lowerBound < current.focus.upperBound {
                    let span = current.focus.lowerBound..<max(current.focus.upperBound, item.focus.upperBound)
                    let speaker = heavier(current.rule, item.rule).id == current.rule.id ? current : item
                    current = (speaker.rule, span, speaker.match)
                } else {
                    findings.append(finding(current.rule, current.focus, text, current.match))
                    current = item
                }
            }
            findings.append(finding(current.rule, current.focus, text, current.match))
        }
        return findings.sorted { ($0.start, $0.category) < ($1.start, $1.category) }
    }

    /// The rule that speaks for a merged span: the heavier one, the earlier id on a tie.
    private static func heavier(_ a: Rule, _ b: Rule) -> Rule {
        if a.weight != b.weight { return a.weight > b.weight ? a : b }
        return a.id <= b.id ? a : b
    }

    static func finding(_ rule: Rule, _ focus: Range<Int>, _ text: TokenizedText, _ match: PatternMatch) -> Finding {
        let start = text.tokens[focus.lowerBound].start
        let end = text.tokens[focus.upperBound - 1].end
        return Finding(
            rule: rule.id, category: rule.category, start: text.codePointOffset(ofUTF16: start),
            end: text.codePointOffset(ofUTF16: end), excerpt: text.excerpt(utf16: start..<end), message: rule.message,
            suggestions: rule.suggestions, attune: rule.attune, weight: rule.weight, effectiveWeight: rule.weight,
            discount: nil, tokens: focus, utf16: start..<end, match: match, move: rule.move)
    }
}
