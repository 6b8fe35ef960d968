import AttuneCore
import AttuneRules
import AttuneText

/// A match of a rule that survived its exceptions, or why it did not.
package struct Candidate: Sendable {
    package var rule: Int
    /// The match, its focus trimmed where an `unless` covered part of it.
    package var match: PatternMatch
    /// The `unless` pattern that trimmed the focus, if one did (for `explain`).
    package var trimmedBy: String? = nil
}

package struct Suppression: Sendable {
    package var rule: Int
    package var match: PatternMatch
    private var why: Why

    /// A rule for other bids is suppressed in most replies; its reason is worded only
    /// when `explain` asks for it.
    private enum Why: Sendable {
        case said(String)
        case answersOnly([BidKind], bid: BidKind?)
        case unless(source: String)
    }

    package init(rule: Int, match: PatternMatch, reason: String) {
        (self.rule, self.match, why) = (rule, match, .said(reason))
    }

    /// Cancelled by the `unless` pattern written as `source`: worded when asked, like
    /// `answersOnly`, since most replies' suppressions are never shown.
    init(rule: Int, match: PatternMatch, unless source: String) {
        (self.rule, self.match, why) = (rule, match, .unless(source: source))
    }

    init(rule: Int, match: PatternMatch, answersOnly kinds: [BidKind], bid: BidKind?) {
        (self.rule, self.match, why) = (rule, match, .answersOnly(kinds, bid: bid))
    }

    /// Why the match was suppressed, as `explain` shows it.
    package var reason: String {
        switch why {
        case .said(let reason):
            return reason
        case .answersOnly(let kinds, let bid):
            let kinds = kinds.map(\.rawValue).joined(separator: " or ")
            return "it answers a \(kinds) only, and the bid is \(bid?.rawValue ?? "not given")"
        case .unless(let source):
            return "\(CandidateFilter.describe(unless: source)) matches"
        }
    }
}

/// Applies each rule's exceptions to its raw matches: quoted or reported speech,
/// negation in scope, whose clause it is, and `unless` patterns.
///
/// An `unless` pattern trims rather than cancels: it takes the tokens it covers out of
/// the match's focus, so "You need to let it go and report him to HR" can keep its
/// advice while "let it go" is left to the minimizing rules. It still cancels the match
/// when it re-reads what the rule asked for: a token the pattern took with its own
/// words ("joking" in "I was just joking with my friends") or a token of the context
/// outside the focus ("tell" in "Why didn't you just tell me?" for "[why did not you
/// just] _"); see `trim`.
package struct CandidateFilter {
    package let rules: [Rule]
    package let automaton: Automaton
    package let lexicon: Lexicon
    package let negators: WordIDs
    package let subjectPronouns: WordIDs

    /// How far back a negator still negates ("I do not think you are overreacting").
    package static let negationWindow = 3
    /// How far back the subject of a clause is looked for.
    package static let subjectWindow = 4

    /// `notingSuppressions: false` leaves `suppressed` empty: only a trace shows them,
    /// and noting each (an `unless` pattern's source made) was an allocation per reply.
    package func filter(
        _ matches: [PatternMatch], in text: TokenizedText, bid: BidKind?, notingSuppressions: Bool
    ) -> (kept: [Candidate], suppressed: [Suppression]) {
        let exceptionsByRule = exceptions(in: matches)
        var kept: [Candidate] = []
        kept.reserveCapacity(matches.count)
        var suppressed: [Suppression] = []
        for match in matches {
            // Pattern infos and rules read in place: a copy per match cost a retain per field.
            guard !automaton.patterns[Int(match.pattern)].isException else { continue }
            let owner = automaton.patterns[Int(match.pattern)].owner
            let bids = rules[owner].bids
            if !bids.isEmpty, !bids.contains(where: { $0 == bid }) {
                guard notingSuppressions else { continue }
                suppressed.append(Suppression(rule: owner, match: match, answersOnly: bids, bid: bid))
            } else {
                let overlapping =
                    exceptionsByRule.isEmpty ? [] : exceptionsByRule[owner]?.overlapping(match) ?? []
                switch judge(match, overlapping, text) {
                case .keep(let candidate, let trimmedBy):
                    kept.append(Candidate(rule: owner, match: candidate, trimmedBy: trimmedBy))
                case .suppress(let reason) where notingSuppressions:
                    suppressed.append(Suppression(rule: owner, match: match, reason: reason))
                case .cancel(let unless) where notingSuppressions:
                    let source = automaton.source(of: unless, in: rules)
                    suppressed.append(Suppression(rule: owner, match: match, unless: source))
                case .suppress, .cancel:
                    break
                }
            }
        }
        return (kept, suppressed)
    }

    /// The `unless` matches of rules that matched, by rule: a rule set with many rules
    /// sharing exceptions (a pack of variants) finds many that cancel nothing. Most
    /// replies have none, and then no set or dictionary is made for them.
    private func exceptions(in matches: [PatternMatch]) -> [Int: ExceptionMatches] {
        guard matches.contains(where: { automaton.patterns[Int($0.pattern)].isException }) else { return [:] }
        // The rules that matched, one bit per rule, on the stack: a `Set` hashed every
        // match, and an array was an allocation per reading with an exception.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: rules.count / 64 + 1) { matched in
            matched.initialize(repeating: 0)
            for match in matches where !automaton.patterns[Int(match.pattern)].isException {
                let owner = automaton.patterns[Int(match.pattern)].owner
                matched[owner >> 6] |= 1 << UInt64(owner & 63)
            }
            var exceptionsByRule: [Int: ExceptionMatches] = [:]
            for match in matches {
                let owner = automaton.patterns[Int(match.pattern)].owner
                let ruleMatched = matched[owner >> 6] & (1 << UInt64(owner & 63)) != 0
                guard automaton.patterns[Int(match.pattern)].isException, ruleMatched else { continue }
                exceptionsByRule[owner, default: ExceptionMatches()].append(match)
            }
            return exceptionsByRule
        }
    }

    private enum Judgement {
        case keep(PatternMatch, trimmedBy: String?)
        case suppress(String)
        /// Cancelled by the `unless` pattern numbered so.
        case cancel(unless: Int32)
    }

    /// How `explain` names an `unless` pattern.
    static func describe(unless source: String) -> String { "unless pattern \"\(source)\"" }

    private func judge(
        _ match: PatternMatch, _ overlapping: [PatternMatch], _ text: TokenizedText
    ) -> Judgement {
        var kept = match
        var trimmedBy: String?
        if let first = overlapping.first {
            // The pattern's source is looked up only for a trim that changed the focus
            // (or, by the caller, for a cancel): a string built for every overlap was a
            // sixth of filtering the matches.
            guard let focus = trim(match, by: overlapping, text) else { return .cancel(unless: first.pattern) }
            (kept.focusStart, kept.focusEnd) = (focus.lowerBound, focus.upperBound)
            if focus != Self.focus(of: match) {
                trimmedBy = Self.describe(unless: automaton.source(of: first.pattern, in: rules))
            }
        }
        if let reason = reason(toSuppress: kept, text) { return .suppress(reason) }
        return .keep(kept, trimmedBy: trimmedBy)
    }

    /// The focus left once `unless` matches overlapping `match` take out the tokens they
    /// cover, or nil when they cancel it:
    ///
    /// - an `unless` covering a token of the match that the pattern took with its own
    ///   words (a word or a word list, not `_`, `_{m,n}` or `!word`), or any token of the
    ///   match outside the focus, cancels it, as it always did: it says that what the
    ///   rule asked for means something else here;
    /// - otherwise it covers only tokens a wildcard let into the focus: they leave it,
    ///   and the focus keeps the run of what remains with the most of the pattern's own
    ///   words (the earliest on a tie); with none left, the match is cancelled. So an
    ///   `unless` covering the whole focus still cancels.
    ///
    /// Runs only for a match an `unless` overlaps, over that match's few tokens.
    package func trim(_ match: PatternMatch, by exceptions: [PatternMatch], _ text: TokenizedText) -> Range<Int>? {
        guard let pattern = automaton.pattern(match.pattern, in: rules) else { return nil }
        // Without wildcards, the pattern's own words are the whole match: any overlap
        // cancels it, and the alignment below (a backtracking walk) need not be found.
        if automaton.patterns[Int(match.pattern)].takesOnlyOwnWords,
            exceptions.contains(where: { max($0.start, match.start) < min($0.end, match.end) })
        {
            return nil
        }
        // An `unless` covering a token outside the focus cancels the match whatever the
        // alignment: asked first, it saves the walk (some patterns' cost a hundred
        // thousand instructions).
        let focus = Self.focus(of: match)
        for exception in exceptions {
            let (first, end) = (max(exception.start, match.start), min(exception.end, match.end))
            if first < end && (first < focus.lowerBound || end > focus.upperBound) { return nil }
        }
        guard let own = PatternAligner(lexicon: lexicon, text: text).ownWords(pattern.elements, match.start..<match.end)
        else { return nil }
        let ownWords = Set(own)
        var covered = Array(filledWith: false, count: match.end - match.start)
        for exception in exceptions {
            for index in max(exception.start, match.start)..<min(exception.end, match.end) {
                // Inside the focus (asked above): one of the pattern's own words cancels.
                if ownWords.contains(index) { return nil }
                covered[index - match.start] = true
            }
        }
        var best: (run: Range<Int>, own: Int)?
        var index = focus.lowerBound
        let end = focus.upperBound
        while index < end {
            guard !covered[index - match.start] else {
                index += 1
                continue
            }
            let start = index
            var count = 0
            while index < end, !covered[index - match.start] {
                if ownWords.contains(index) { count += 1 }
                index += 1
            }
            if count > 0, count > (best?.own ?? 0) { best = (start..<index, count) }
        }
        return best?.run
    }

    /// The reported span of a match: its focus, or all of it without `[` `]`.
    package static func focus(of match: PatternMatch) -> Range<Int> {
        match.focusStart < match.focusEnd ? match.focusStart..<match.focusEnd : match.start..<match.end
    }

    /// Why the exceptions of its rule (read in place: a `Rule` copied per match cost a
    /// retain per field) suppress `match`, or nil.
    private func reason(toSuppress match: PatternMatch, _ text: TokenizedText) -> String? {
        let owner = automaton.patterns[Int(match.pattern)].owner
        let tokens = text.tokens
        let first = tokens[Self.focus(of: match).lowerBound]
        if rules[owner].exceptions.quoted {
            if first.flags.contains(.quoted) { return "quoted speech" }
            if first.flags.contains(.reported) { return "reported speech" }
        }
        if rules[owner].exceptions.negation, let negator = negator(for: match, tokens) {
            return "negated by '\(text.vocabulary.word(of: negator))'"
        }
        if !rules[owner].exceptions.subjects.isEmpty, let subject = subject(before: match.start, tokens),
            case let word = text.vocabulary.word(of: subject), rules[owner].exceptions.subjects.contains(word)
        {
            return "the subject is '\(word)'"
        }
        return nil
    }

    /// A negator inside the match that the pattern did not ask for, or one shortly
    /// before it in the same clause; its id, a word of the negators list.
    private func negator(for match: PatternMatch, _ tokens: [Token]) -> Int32? {
        for index in match.start..<match.end
        where negators.contains(tokens[index].id) && !automaton.writes(tokens[index].id, pattern: match.pattern) {
            return tokens[index].id
        }
        var index = match.start
        while index > 0, index > match.start - Self.negationWindow {
            if tokens[index].flags.contains(.clauseStart) { break }
            index -= 1
            guard tokens[index].sentence == tokens[match.start].sentence else { break }
            if negators.contains(tokens[index].id) && !tokens[index].flags.contains(.idiom) {
                return tokens[index].id
            }
        }
        return nil
    }

    /// The nearest subject pronoun before `start` in its clause, as its id.
    private func subject(before start: Int, _ tokens: [Token]) -> Int32? {
        var index = start
        while index > 0, index > start - Self.subjectWindow {
            if tokens[index].flags.contains(.clauseStart) { break }
            index -= 1
            guard tokens[index].sentence == tokens[start].sentence else { break }
            if subjectPronouns.contains(tokens[index].id) { return tokens[index].id }
        }
        return nil
    }

    /// Memberwise, for the loaders in other targets.
    package init(
        rules: [Rule],
        automaton: Automaton,
        lexicon: Lexicon,
        negators: WordIDs,
        subjectPronouns: WordIDs
    ) {
        self.rules = rules
        self.automaton = automaton
        self.lexicon = lexicon
        self.negators = negators
        self.subjectPronouns = subjectPronouns
    }
}

/// One rule's `unless` matches in the matcher's order (by end), with their longest
/// length, so the ones overlapping a match are found by a binary search and a short
/// walk rather than a scan of all of them for every match.
package struct ExceptionMatches {
    private(set) var matches: [PatternMatch] = []
    private var longest = 0

    package mutating func append(_ match: PatternMatch) {
        matches.append(match)
        longest = max(longest, match.end - match.start)
    }

    /// The exceptions overlapping `match`, in the matcher's order.
    package func overlapping(_ match: PatternMatch) -> [PatternMatch] {
        // The first that ends after the match starts.
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].end <= match.start { low = middle + 1 } else { high = middle }
        }
        var result: [PatternMatch] = []
        // Past an end of `match.end + longest`, nothing can start before `match.end`.
        for index in low..<matches.count {
            let exception = matches[index]
            if exception.end >= match.end + longest { break }
            if exception.start < match.end { result.append(exception) }
        }
        return result
    }
}
