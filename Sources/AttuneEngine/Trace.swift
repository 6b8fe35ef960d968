import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// What happened inside one analysis, for `attune explain` and `attune rules test`.
public struct Trace: Sendable {
    public let tokens: TokenizedText
    let matches: [PatternMatch]
    let kept: [Candidate]
    let suppressed: [Suppression]
    let automaton: Automaton
    let rules: [Rule]

    /// A rule pattern's match before exceptions, with which tokens each element took.
    public struct RuleMatch: Sendable {
        public var rule: String
        public var pattern: String
        public var tokens: Range<Int>
        public var focus: Range<Int>
        /// Pattern elements and the tokens they consumed.
        public var alignment: [(element: String, tokens: Range<Int>)]
        /// An `unless` pattern of the rule, not one of its own patterns.
        public var isException: Bool
    }

    /// Every raw match of the rule patterns and `unless` patterns.
    public func ruleMatches(lexicon: Lexicon) -> [RuleMatch] {
        let aligner = PatternAligner(lexicon: lexicon, text: tokens)
        return matches.map { match in
            let info = automaton.patterns[Int(match.pattern)]
            let pattern = automaton.pattern(match.pattern, in: rules)
            return RuleMatch(
                rule: rules[info.owner].id, pattern: pattern?.source ?? "", tokens: match.start..<match.end,
                focus: match.focusStart..<match.focusEnd,
                alignment: pattern.flatMap { aligner.align($0.elements, match.start..<match.end) } ?? [],
                isException: info.isException)
        }
    }

    /// Focus spans (UTF-16) of the candidates of `ruleID` that survived its exceptions.
    public func keptSpans(of ruleID: String) -> [Range<Int>] {
        kept.filter { rules[$0.rule].id == ruleID }.map { candidate in
            let focus = CandidateFilter.focus(of: candidate.match)
            return tokens.tokens[focus.lowerBound].start..<tokens.tokens[focus.upperBound - 1].end
        }
    }

    /// A rule pattern whose match survived the rule's exceptions.
    public struct FiredPattern: Sendable, Hashable {
        public var rule: String
        /// The pattern's position in its rule's `patterns:` list, from 1.
        public var index: Int
    }

    /// The rule patterns that fired: each once, however often it matched.
    public var firedPatterns: [FiredPattern] {
        var seen: Set<FiredPattern> = []
        return kept.compactMap { candidate in
            let fired = FiredPattern(
                rule: rules[candidate.rule].id, index: automaton.patterns[Int(candidate.match.pattern)].ordinal + 1)
            return seen.insert(fired).inserted ? fired : nil
        }
    }

    /// Candidates that an `unless` pattern trimmed but did not cancel: the focus left
    /// and the exception that took the rest.
    public var trims: [(rule: String, pattern: String, focus: Range<Int>, by: String)] {
        kept.compactMap { candidate in
            candidate.trimmedBy.map {
                (rules[candidate.rule].id, source(of: candidate.match), CandidateFilter.focus(of: candidate.match), $0)
            }
        }
    }

    /// Candidates an exception removed, with the reason.
    public var suppressions: [(rule: String, pattern: String, tokens: Range<Int>, reason: String)] {
        suppressed.map { (rules[$0.rule].id, source(of: $0.match), $0.match.start..<$0.match.end, $0.reason) }
    }

    private func source(of match: PatternMatch) -> String {
        automaton.source(of: match.pattern, in: rules)
    }
}
