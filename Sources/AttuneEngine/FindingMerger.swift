import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Turns surviving candidates into findings: one per span, overlapping findings of one
/// category merged into one (the heaviest rule speaks for the merged span).
enum FindingMerger {
    static func merge(_ candidates: [Candidate], rules: [Rule], text: TokenizedText) -> [Finding] {
        // Rules by index: a `Rule` copied into each item cost a retain per field.
        var byCategory: [Category: [(rule: Int, focus: Range<Int>, match: PatternMatch)]] = [:]
        for candidate in candidates {
            let match = candidate.match
            let focus = CandidateFilter.focus(of: match)
            byCategory[rules[candidate.rule].category, default: []].append((candidate.rule, focus, match))
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
                    let speaker = isHeavier(rules[item.rule], than: rules[current.rule]) ? item : current
                    current = (speaker.rule, span, speaker.match)
                } else {
                    findings.append(finding(rules[current.rule], current.focus, text, current.match))
                    current = item
                }
            }
            findings.append(finding(rules[current.rule], current.focus, text, current.match))
        }
        return findings.sorted { ($0.start, $0.category) < ($1.start, $1.category) }
    }

    /// Whether `a` speaks for a merged span instead of `b`: the heavier rule does, the
    /// earlier id on a tie.
    private static func isHeavier(_ a: Rule, than b: Rule) -> Bool {
        a.weight != b.weight ? a.weight > b.weight : a.id < b.id
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
