/// A match of a rule that survived its exceptions, or why it did not.
struct Candidate: Sendable {
    var rule: Int
    var match: PatternMatch
}

struct Suppression: Sendable {
    var rule: Int
    var match: PatternMatch
    var reason: String
}

/// Applies each rule's exceptions to its raw matches: quoted or reported speech,
/// negation in scope, whose clause it is, and `unless` patterns.
struct CandidateFilter {
    let rules: [Rule]
    let automaton: Automaton
    let negators: Set<String>
    let subjectPronouns: Set<String>

    /// How far back a negator still negates ("I do not think you are overreacting").
    static let negationWindow = 3
    /// How far back the subject of a clause is looked for.
    static let subjectWindow = 4

    func filter(_ matches: [PatternMatch], in text: TokenizedText, bid: BidKind?) -> (
        kept: [Candidate], suppressed: [Suppression]
    ) {
        var exceptionsByRule: [Int: [PatternMatch]] = [:]
        for match in matches where automaton.patterns[Int(match.pattern)].isException {
            exceptionsByRule[automaton.patterns[Int(match.pattern)].owner, default: []].append(match)
        }
        var kept: [Candidate] = []
        var suppressed: [Suppression] = []
        for match in matches {
            let info = automaton.patterns[Int(match.pattern)]
            guard !info.isException else { continue }
            let rule = rules[info.owner]
            if !rule.bids.isEmpty, !rule.bids.contains(where: { $0 == bid }) {
                let kinds = rule.bids.map(\.rawValue).joined(separator: " or ")
                suppressed.append(
                    Suppression(
                        rule: info.owner, match: match,
                        reason: "it answers a \(kinds) only, and the bid is \(bid?.rawValue ?? "not given")"))
            } else if let reason = reason(
                toSuppress: match, rule, info, exceptionsByRule[info.owner] ?? [], text.tokens)
            {
                suppressed.append(Suppression(rule: info.owner, match: match, reason: reason))
            } else {
                kept.append(Candidate(rule: info.owner, match: match))
            }
        }
        return (kept, suppressed)
    }

    private func reason(
        toSuppress match: PatternMatch, _ rule: Rule, _ info: Automaton.PatternInfo, _ exceptions: [PatternMatch],
        _ tokens: [Token]
    ) -> String? {
        let first = tokens[match.focusStart < match.focusEnd ? match.focusStart : match.start]
        if rule.exceptions.quoted {
            if first.flags.contains(.quoted) { return "quoted speech" }
            if first.flags.contains(.reported) { return "reported speech" }
        }
        if let unless = exceptions.first(where: { $0.start < match.end && match.start < $0.end }) {
            return "unless pattern \"\(automaton.source(of: unless.pattern, in: rules))\" matches"
        }
        if rule.exceptions.negation, let negator = negator(for: match, info, tokens) {
            return "negated by '\(negator)'"
        }
        if !rule.exceptions.subjects.isEmpty, let subject = subject(before: match.start, tokens),
            rule.exceptions.subjects.contains(subject)
        {
            return "the subject is '\(subject)'"
        }
        return nil
    }

    /// A negator inside the match that the pattern did not ask for, or one shortly
    /// before it in the same clause.
    private func negator(for match: PatternMatch, _ info: Automaton.PatternInfo, _ tokens: [Token]) -> String? {
        for index in match.start..<match.end
        where negators.contains(tokens[index].text) && !info.literalWords.contains(tokens[index].id) {
            return tokens[index].text
        }
        var index = match.start
        while index > 0, index > match.start - Self.negationWindow {
            if tokens[index].flags.contains(.clauseStart) { break }
            index -= 1
            guard tokens[index].sentence == tokens[match.start].sentence else { break }
            if negators.contains(tokens[index].text) && !tokens[index].flags.contains(.idiom) {
                return tokens[index].text
            }
        }
        return nil
    }

    /// The nearest subject pronoun before `start` in its clause.
    private func subject(before start: Int, _ tokens: [Token]) -> String? {
        var index = start
        while index > 0, index > start - Self.subjectWindow {
            if tokens[index].flags.contains(.clauseStart) { break }
            index -= 1
            guard tokens[index].sentence == tokens[start].sentence else { break }
            if subjectPronouns.contains(tokens[index].text) { return tokens[index].text }
        }
        return nil
    }
}
