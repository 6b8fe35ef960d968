import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Turns surviving candidates into findings: one per span, overlapping findings of one
/// category merged into one (the heaviest rule speaks for the merged span).
enum FindingMerger {
    /// `shown: false` leaves out what only a reader of the findings sees (each one's
    /// excerpt, rule id, message and suggestions), for a reading that only weighs them
    /// (a piece or a whole rewrite read for its verdict): the rule's strings, copied
    /// into each finding, cost a retain and a release apiece.
    static func merge(_ candidates: [Candidate], rules: [Rule], text: TokenizedText, shown: Bool = true)
        -> [Finding]
    {
        guard !candidates.isEmpty else { return [] }
        // Rules by index: a `Rule` copied into each item cost a retain per field. One list
        // sorted by category (in `Category.allCases` order), then focus start, then the
        // matcher's order: a list per category cost an allocation each, per reading. The
        // list on the stack: as an array it was one more.
        typealias Item = (group: Int, rule: Int, focus: Range<Int>, match: PatternMatch, order: Int)
        let categories = Category.allCases
        return withUnsafeTemporaryAllocation(of: Item.self, capacity: candidates.count) { buffer in
            var items = buffer
            for order in candidates.indices {
                let match = candidates[order].match
                let rule = candidates[order].rule
                let group = categories.firstIndex(of: rules[rule].category)!
                (items.baseAddress! + order).initialize(
                    to: (group: group, rule: rule, focus: CandidateFilter.focus(of: match), match: match, order: order))
            }
            defer { items.deinitialize() }
            items.sort { ($0.group, $0.focus.lowerBound, $0.order) < ($1.group, $1.focus.lowerBound, $1.order) }
            var findings: [Finding] = []
            findings.reserveCapacity(items.count)
            var current = items[0]
            for item in items.dropFirst() {
                if item.group == current.group && item.focus.lowerBound < current.focus.upperBound {
                    let span = current.focus.lowerBound..<max(current.focus.upperBound, item.focus.upperBound)
                    let speaker = isHeavier(item.rule, than: current.rule, rules) ? item : current
                    current = (current.group, speaker.rule, span, speaker.match, current.order)
                } else {
                    findings.append(finding(current.rule, rules, current.focus, text, current.match, shown: shown))
                    current = item
                }
            }
            findings.append(finding(current.rule, rules, current.focus, text, current.match, shown: shown))
            findings.sort { ($0.start, $0.category) < ($1.start, $1.category) }
            return findings
        }
    }

    /// Whether rule `a` speaks for a merged span instead of rule `b`: the heavier rule
    /// does, the earlier id on a tie.
    private static func isHeavier(_ a: Int, than b: Int, _ rules: [Rule]) -> Bool {
        rules[a].weight != rules[b].weight ? rules[a].weight > rules[b].weight : rules[a].id < rules[b].id
    }

    /// The finding of rule `index` over `focus`, its fields read in place.
    static func finding(
        _ index: Int, _ rules: [Rule], _ focus: Range<Int>, _ text: TokenizedText, _ match: PatternMatch,
        shown: Bool = true
    )
        -> Finding
    {
        let start = text.tokens[focus.lowerBound].start
        let end = text.tokens[focus.upperBound - 1].end
        return Finding(
            rule: shown ? rules[index].id : "", category: rules[index].category,
            start: text.codePointOffset(ofUTF16: start), end: text.codePointOffset(ofUTF16: end),
            excerpt: shown ? text.excerpt(utf16: start..<end) : "", message: shown ? rules[index].message : "",
            suggestions: shown ? rules[index].suggestions : [], attune: rules[index].attune,
            weight: rules[index].weight, effectiveWeight: rules[index].weight, discount: nil, tokens: focus,
            utf16: start..<end, match: match, move: rules[index].move)
    }
}
