import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Analyses replies: text pipeline → one pass of the automaton → exceptions →
/// merged findings → bid → score. One per thread (it owns ICU objects).
public final class Analyzer {
    public let engine: Engine
    let pipeline: TextPipeline
    private var ruleMatcher: Matcher
    var bidMatcher: Matcher
    private var feelingMatcher: Matcher
    private let filter: CandidateFilter
    let contrast: Set<String>
    private let languageGuesser: LanguageGuesser
    /// Asked between the stages of an analysis and every few sentences of the rewrite;
    /// see `analyze(_:context:stopIf:)`.
    private var stopCheck: () -> Bool = { false }
    /// The check said stop during the current analysis: its result will be dropped.
    private(set) var stopped = false

    init(engine: Engine) throws(AttuneError) {
        self.engine = engine
        pipeline = try TextPipeline(lexicon: engine.ruleSet.lexicon, vocabulary: engine.vocabulary)
        ruleMatcher = Matcher(automaton: engine.rules)
        bidMatcher = Matcher(automaton: engine.bids)
        feelingMatcher = Matcher(automaton: engine.feelings)
        let lexicon = engine.ruleSet.lexicon
        filter = CandidateFilter(
            rules: engine.ruleSet.rules, automaton: engine.rules, lexicon: lexicon,
            negators: lexicon.words(of: "negators"),
            subjectPronouns: lexicon.words(of: "subject_pronouns"))
        contrast = lexicon.words(of: "contrast")
        languageGuesser = LanguageGuesser(profile: engine.ruleSet.languages)
    }

    /// The critique of `text`, read as an answer to `context` when one is given.
    public func analyze(_ text: String, context: String? = nil) -> Analysis {
        analyzeWithTrace(text, context: context).analysis
    }

    /// The critique of `text`, or nil when `stopIf` said stop at one of its checks
    /// (between the stages and every few sentences of the rewrite), so a caller whose
    /// result is no longer wanted (a server whose client left) can stop a long analysis.
    /// The checks cost a call each; the analysis is the same as `analyze(_:context:)`'s.
    public func analyze(_ text: String, context: String? = nil, stopIf: @escaping () -> Bool) -> Analysis? {
        stopCheck = stopIf
        stopped = false
        defer {
            stopCheck = { false }
            stopped = false
        }
        let analysis = analyze(text, context: context)
        return shouldStop() ? nil : analysis
    }

    /// Whether the current analysis was asked to stop; once yes, yes until it ends.
    func shouldStop() -> Bool {
        if !stopped && stopCheck() { stopped = true }
        return stopped
    }

    /// The critique plus what `explain` shows: tokens, raw matches and suppressions.
    /// `rewriting: false` leaves the reply as its own rewrite: evaluations need only the
    /// findings, and the rewrite, which re-reads each of its pieces, costs more than they do.
    public func analyzeWithTrace(_ text: String, context: String? = nil, rewriting: Bool = true) -> (
        analysis: Analysis, trace: Trace
    ) {
        var notes: [String] = []
        var context = context
        if let given = context, given.allSatisfy({ $0.isWhitespace }) {
            notes.append("The context is empty, so the reply is read without one.")
            context = nil
        }
        let bid = context.map(readBid)
        let contextLanguage = bid?.language
        if contextLanguage == .other { notes.append(Self.contextNotEnglish) }
        let language = languageGuesser.guess(text)
        // A stopped analysis goes on with an empty reply: its result is dropped.
        let tokenized = pipeline.tokenize(shouldStop() ? "" : text)
        let pass = findings(in: tokenized, bid: bid, readsAsEnglish: language == .english)
        if tokenized.tokens.isEmpty && pass.findings.isEmpty { notes.append("Nothing to analyse: the reply is empty.") }
        if language == .other { notes.append(Self.replyNotEnglish) }
        let scored = Scorer(policy: engine.ruleSet.scoring, contrast: contrast).score(pass.findings, in: tokenized)
        var analysis = Analysis(
            text: text, context: context, score: scored.score, verdict: scored.verdict, findings: scored.findings,
            bid: bid, notes: notes, scoreLines: scored.lines,
            rewrite: rewriting && !shouldStop() ? rewrite(tokenized, scored.findings, bid) : text)
        let units = Array(text.utf16)
        for index in analysis.findings.indices {
            analysis.findings[index].replace = replaceSpan(of: analysis.findings[index], in: tokenized, units: units)
        }
        analysis.language = language
        analysis.contextLanguage = contextLanguage
        let trace = Trace(
            tokens: tokenized, matches: pass.matches, kept: pass.kept, suppressed: pass.suppressed,
            automaton: engine.rules, rules: engine.ruleSet.rules)
        return (analysis, trace)
    }

    /// The note for a reply in another language. Its score stays what the findings
    /// make it (50 and `neutral` when nothing matched), so the note is what tells a
    /// reader that this is "not read", not "neutral".
    static let replyNotEnglish =
        "The reply does not read as English, and the rules are English: it was not analysed as English, "
        + "so its score and verdict do not say how it lands."
    static let contextNotEnglish =
        "The message being answered does not read as English, so the bid it makes may be misread."

    /// One pass of the rules over a tokenized reply: matches, exceptions, merged
    /// findings, the reflection of their feeling, and turning away from the bid. A reply
    /// in another language is never read as turning away: it may answer the bid fully in
    /// words the rules cannot read.
    func findings(in tokenized: TokenizedText, bid: Bid?, readsAsEnglish: Bool = true)
        -> (matches: [PatternMatch], kept: [Candidate], suppressed: [Suppression], findings: [Finding])
    {
        let matches = ruleMatcher.matches(in: tokenized)
        let (kept, suppressed) = filter.filter(matches, in: tokenized, bid: bid?.kind)
        var findings = FindingMerger.merge(kept, rules: engine.ruleSet.rules, text: tokenized)
        for index in findings.indices { fillSuggestions(&findings[index], tokenized) }
        if let bid, bid.language == .english, findings.contains(where: { $0.move == .reflection }) {
            markComplexReflections(&findings, tokenized, bid)
        }
        if let bid, let reflection = reflection(of: bid, in: tokenized, findings) {
            findings.append(reflection)
            findings.sort { ($0.start, $0.category) < ($1.start, $1.category) }
        }
        if let bid, bid.kind.isEmotional, findings.isEmpty, readsAsEnglish, turnsAway(tokenized, from: bid) {
            findings.append(turnedAway(tokenized, bid: bid.kind))
        }
        return (matches, kept, suppressed, findings)
    }

    /// Fills `{capture}` templates from the words the match captured; a template that
    /// cannot be filled gives way to the rule's plain suggestions.
    private func fillSuggestions(_ finding: inout Finding, _ text: TokenizedText) {
        guard finding.suggestions.contains(where: { $0.contains("{") }), let match = finding.match,
            let pattern = engine.rules.pattern(match.pattern, in: engine.ruleSet.rules)
        else { return }
        let aligner = PatternAligner(lexicon: engine.ruleSet.lexicon, tokens: text.tokens)
        var values: [String: String] = [:]
        for (name, range) in aligner.captures(pattern.elements, match.start..<match.end) where !range.isEmpty {
            var words = text.excerpt(utf16: text.tokens[range.lowerBound].start..<text.tokens[range.upperBound - 1].end)
            // A capture that opened a sentence is mid-sentence in the template.
            let opensSentence =
                text.sentences[text.tokens[range.lowerBound].sentence].tokens.lowerBound == range.lowerBound
            let isFirstPerson = words == "I" || words.hasPrefix("I ") || words.hasPrefix("I'") || words.hasPrefix("I’")
            if opensSentence, !isFirstPerson, let first = words.first, words.dropFirst().first?.isLowercase ?? true {
                words = first.lowercased() + words.dropFirst()
            }
            values[name] = words
        }
        let filled = finding.suggestions.compactMap {
            Template.placeholders(in: $0).isEmpty ? nil : Template.fill($0, values)
        }
        let plain = finding.suggestions.filter { Template.placeholders(in: $0).isEmpty }
        finding.suggestions = filled + plain
    }

    /// A reply word that echoes a feeling the bid named ("overwhelmed" → "overwhelming"),
    /// outside any existing validation: a small attuned finding. Not in a reply that
    /// misattunes anywhere, where an echo is more often a jab ("Ignored? I brought you
    /// a drink") than a reflection.
    private func reflection(of bid: Bid, in text: TokenizedText, _ findings: [Finding]) -> Finding? {
        let feelingWords = bid.feelings.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 3 }
        guard !feelingWords.isEmpty, !findings.contains(where: { $0.polarity == .misattuned }) else { return nil }
        var validated = [Bool](repeating: false, count: text.tokens.count)
        for finding in findings where finding.polarity == .attuned {
            for index in finding.tokens { validated[index] = true }
        }
        for (index, token) in text.tokens.enumerated() {
            guard !token.flags.contains(.quoted), !validated[index],
                feelingWords.contains(where: { Self.sameStem($0, token.text) })
            else { continue }
            var echo = Finding(
                cue: engine.ruleSet.bids.reflected, category: .validating, tokens: index..<(index + 1), in: text,
                move: .reflection)
            echo.complexReflection = false  // their own feeling word, said back
            return echo
        }
        return nil
    }

    /// A reflection goes beyond repeating the message (MITI's complex reflection) when
    /// it names a feeling the message did not: one extra pass of the feeling lists.
    private func markComplexReflections(_ findings: inout [Finding], _ text: TokenizedText, _ bid: Bid) {
        let theirs = bid.feelings.flatMap { $0.split(separator: " ").map(String.init) }
        let named = feelingMatcher.matches(in: text).filter { match in
            text.tokens[match.start..<match.end].contains { token in
                !theirs.contains { Self.sameStem($0, token.text) }
            }
        }
        for index in findings.indices where findings[index].move == .reflection {
            let focus = findings[index].tokens
            findings[index].complexReflection = named.contains { focus.overlaps($0.start..<$0.end) }
        }
    }

    /// Two forms of one word: equal, or sharing their first five letters ("stressed",
    /// "stressful").
    static func sameStem(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let shared = zip(a, b).prefix { $0 == $1 }.count
        return shared >= 5 && a.count >= 5 && b.count >= 5
    }

    /// Words by which a complaint is about the replier ("you forgot").
    static let secondPerson: Set<String> = ["you", "your", "yours", "yourself", "u", "ur"]

    /// The longest reply that counts as a minimal answer ("k", "ok cool", "sure.").
    static let minimalReplyTokens = 3

    /// Whether a reply with no finding turns away from an emotional bid, read by what it
    /// does with the bid rather than by its length alone. It turns away when it neither
    /// acknowledges the bid, asks about it nor responds to it (no `engaged` pattern of
    /// `Rules/bids.yaml` matches) and it is empty or minimal ("k"), only logistics ("So,
    /// what's the plan for Saturday?"), or shares no content word with the
    /// message ("Okay, sounds good. See you at six." to "My mom was just rushed to the
    /// hospital"). Thanks answering thanks never turns away; a reply that talks about
    /// the same thing ("the hospital") does not either.
    private func turnsAway(_ reply: TokenizedText, from bid: Bid) -> Bool {
        let cues = engine.ruleSet.bids
        let matches = bidMatcher.matches(in: reply)
        let owners = Set(matches.map { engine.bids.patterns[Int($0.pattern)].owner })
        let thanksBack = bid.thanks && owners.contains(cues.thanksGroup)
        let engages = engages(owners, bid)
        // Taking the bid up counts first: "congrats!!" is short and "when do you start?"
        // asks about plans, but both answer the news.
        if thanksBack || engages { return false }
        if reply.tokens.count <= Self.minimalReplyTokens || bidKind(matches) == .request { return true }
        // What the message talked about can only be compared when it is English.
        guard bid.language == .english else { return false }
        return topics(of: reply).isDisjoint(with: bid.topics)
    }

    /// Whether bid-automaton matches (by owner group) acknowledge, ask about or respond
    /// to the bid (the `engaged` patterns of `Rules/bids.yaml`).
    func engages(_ owners: Set<Int>, _ bid: Bid) -> Bool {
        let cues = engine.ruleSet.bids
        return cues.engaged.indices.contains { index in
            (cues.engaged[index].kind ?? bid.kind) == bid.kind && owners.contains(cues.engagedGroup(index))
        }
    }

    /// Crude stems of the content words of a text: not function words, not emoji, at
    /// least three characters. One pass over its tokens.
    func topics(of text: TokenizedText) -> Set<String> {
        let functionWords = engine.ruleSet.bids.functionWords
        var stems: Set<String> = []
        for token in text.tokens where !token.flags.contains(.emoji) && token.text.count >= 3 {
            guard !functionWords.contains(token.text) else { continue }
            stems.insert(Self.stem(token.text))
        }
        return stems
    }

    /// "hospitals", "hospitalized" → "hospi"; "yelled", "yelling" → "yell": without
    /// -'s, -ing, -ed, -es or -s when three letters remain, then at most five letters.
    static func stem(_ word: String) -> String {
        var stem = Substring(word)
        if stem.hasSuffix("'s") { stem = stem.dropLast(2) }
        for suffix in ["ing", "ed", "es", "s"] where stem.count - suffix.count >= 3 && stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        return String(stem.prefix(5))
    }

    /// Classifies the message being answered by the cues of `Rules/bids.yaml`: the kind
    /// with the most matching cues wins, earlier kinds break ties.
    func readBid(_ context: String) -> Bid {
        let tokenized = pipeline.tokenize(context)
        var feelings: [String] = []
        for match in feelingMatcher.matches(in: tokenized) {
            let words = tokenized.tokens[match.start..<match.end].map(\.text).joined(separator: " ")
            if !feelings.contains(words) { feelings.append(words) }
        }
        // One pass of the bid automaton serves the kind, the mirrored words and thanks.
        let matches = bidMatcher.matches(in: tokenized)
        var bid = Bid(kind: bidKind(matches), feelings: feelings, theirWords: theirWords(matches, in: tokenized))
        bid.topics = topics(of: tokenized)
        bid.thanks = matches.contains {
            engine.bids.patterns[Int($0.pattern)].owner == engine.ruleSet.bids.thanksGroup
        }
        bid.language = languageGuesser.guess(context)
        bid.aboutReplier = bid.kind == .complaint && tokenized.tokens.contains { Self.secondPerson.contains($0.text) }
        return bid
    }

    /// The longest `{their_words}` a mirror pattern captures in the message, turned around.
    private func theirWords(_ matches: [PatternMatch], in tokenized: TokenizedText) -> String? {
        let mirrorGroup = engine.ruleSet.bids.mirrorGroup
        let aligner = PatternAligner(lexicon: engine.ruleSet.lexicon, tokens: tokenized.tokens)
        var best: Range<Int>?
        for match in matches where engine.bids.patterns[Int(match.pattern)].owner == mirrorGroup {
            let info = engine.bids.patterns[Int(match.pattern)]
            let pattern = engine.ruleSet.bids.mirror[info.ordinal]
            guard let range = aligner.captures(pattern.elements, match.start..<match.end)["their_words"],
                !range.isEmpty,
                range.count > (best?.count ?? 0)
            else { continue }
            best = range
        }
        guard let best else { return nil }
        let words = tokenized.excerpt(
            utf16: tokenized.tokens[best.lowerBound].start..<tokenized.tokens[best.upperBound - 1].end)
        return Pronouns.turnAround(words)
    }

    func bidKind(_ matches: [PatternMatch]) -> BidKind {
        var counts = Array(repeating: 0, count: engine.ruleSet.bids.kinds.count)
        for match in matches where engine.bids.patterns[Int(match.pattern)].owner < counts.count {
            counts[engine.bids.patterns[Int(match.pattern)].owner] += 1
        }
        var kind = BidKind.neutral
        if let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
            counts[best] > 0
        {
            kind = engine.ruleSet.bids.kinds[best].kind
        }
        return kind
    }

    private func turnedAway(_ text: TokenizedText, bid: BidKind) -> Finding {
        Finding(
            cue: engine.ruleSet.bids.turnedAway, category: .withdrawal, tokens: 0..<text.tokens.count, in: text,
            suggestions: engine.ruleSet.bids.turnedAwaySuggestions[bid] ?? [])
    }
}

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
        let aligner = PatternAligner(lexicon: lexicon, tokens: tokens.tokens)
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
