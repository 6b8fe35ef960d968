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
    /// Made on the first reply that comes with a message (see `Engine.bids`).
    private var bidMatcher: Matcher?
    private var feelingMatcher: Matcher?
    /// The bid cues' automaton, read from the engine once: `engine.bids` is a deferred
    /// part, and each read of it locks and copies, per match of every message read.
    private(set) lazy var bidAutomaton = engine.bids
    /// Each bid pattern's owner (a kind, a group or the mirror) and ordinal within it,
    /// read from the automaton once: read through the lazy property, each match's
    /// lookup copied the automaton, a retain per table.
    private(set) lazy var bidPatterns = bidAutomaton.patterns.map { (owner: $0.owner, ordinal: $0.ordinal) }
    private let filter: CandidateFilter
    var cues: CueWords { engine.cues }
    let languageGuesser: LanguageGuesser
    /// Reads what a piece of advice told them to do; its frames are built once.
    let advice: AdviceContent
    /// How rewrite pieces and whole rewrites read, by their text and what of the message
    /// their reading sees: the same templates and openers recur from reply to reply, so
    /// each is analysed once (see `rememberedKey` and `isAttuned` for what is kept).
    var pieceReadings = BoundedMemo<ReadingKey, Rewriter.Reading>(limit: 4_096)
    var rewriteVerdicts = BoundedMemo<String, Bool>(limit: 4_096)
    /// The topic stems of the pieces and rewrites remembered above, which their keys need.
    var textTopics = BoundedMemo<String, TopicStems>(limit: 4_096)
    /// The tokens of the pieces that come without them (templates, and a reply's sentence
    /// with quotes, which the reply's tokens cannot stand for), by their text: read into
    /// each whole rewrite they are part of.
    var pieceTokens = BoundedMemo<String, TokenizedText>(limit: 1_024)
    /// The last reply read and its language: in a transcript each turn is the message
    /// the next one answers, so its bid is read from these instead of reading it again.
    var lastReply: (text: TokenizedText, language: Language)?
    /// Each vocabulary word's topic stem and the last `topics(of:)` pass that took it
    /// (see there), filled as words are met: one entry per word the engine knows.
    var knownWords: [KnownWord]
    var stemPass: UInt32 = 0
    /// The last message's feelings split into words (see `words(ofFeelings:)`).
    var feelingWords: (feelings: [String], all: [String], long: [String])?
    /// Per rule, whether a suggestion of it may be a template (has a `{`), learned when
    /// a finding of the rule is first shown: one entry per rule.
    private var suggestsTemplates: [Bool?]
    /// Asked between the stages of an analysis and every few sentences of the rewrite;
    /// see `analyze(_:context:stopIf:)`.
    private var stopCheck: () -> Bool = { false }
    /// The check said stop during the current analysis: its result will be dropped.
    private(set) var stopped = false

    init(engine: Engine) throws(AttuneError) {
        self.engine = engine
        pipeline = try TextPipeline(lexicon: engine.ruleSet.lexicon, vocabulary: engine.vocabulary)
        ruleMatcher = Matcher(automaton: engine.rules)
        let lexicon = engine.ruleSet.lexicon
        filter = CandidateFilter(
            rules: engine.ruleSet.rules, automaton: engine.rules, lexicon: lexicon,
            negators: engine.cues.negators, subjectPronouns: engine.cues.subjectPronouns)
        languageGuesser = LanguageGuesser(profile: engine.ruleSet.languages)
        advice = AdviceContent(templates: engine.ruleSet.rewrites, cues: engine.cues, vocabulary: engine.vocabulary)
        knownWords = Array(repeating: KnownWord(), count: engine.vocabulary.count)
        suggestsTemplates = Array(repeating: nil, count: engine.ruleSet.rules.count)
    }

    /// How many times one of its caches (the matchers' steps, see `MatchCache`; the
    /// rewrite's readings) filled up and started again: the analyses were slower for
    /// it, never different.
    public var cacheResets: Int {
        ruleMatcher.cacheResets + (bidMatcher?.cacheResets ?? 0) + (feelingMatcher?.cacheResets ?? 0)
            + pieceReadings.resets + rewriteVerdicts.resets + textTopics.resets + pieceTokens.resets
    }

    /// The bid cues' matches in `text` (mutated in place: a matcher holds its cache).
    func bidMatches(in text: TokenizedText) -> [PatternMatch] {
        if bidMatcher == nil { bidMatcher = Matcher(automaton: bidAutomaton) }
        return bidMatcher!.matches(in: text)
    }

    /// The `@feelings` list's matches in `text`.
    func feelingMatches(in text: TokenizedText) -> [PatternMatch] {
        if feelingMatcher == nil { feelingMatcher = Matcher(automaton: engine.feelings) }
        return feelingMatcher!.matches(in: text)
    }

    /// The critique of `text`, read as an answer to `context` when one is given.
    public func analyze(_ text: String, context: String? = nil) -> Analysis {
        analyzeParts(text, context: context, rewriting: true, tracing: false).analysis
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
        let (analysis, tokenized, pass) = analyzeParts(text, context: context, rewriting: rewriting, tracing: true)
        let trace = Trace(
            tokens: tokenized, matches: pass.matches, kept: pass.kept, suppressed: pass.suppressed,
            automaton: engine.rules, rules: engine.ruleSet.rules)
        return (analysis, trace)
    }

    /// The analysis and what its trace is made of: `analyze` makes no trace (it copies
    /// the automaton's and the rules' references only to drop them), and without
    /// `tracing` the suppressed matches are not noted.
    private func analyzeParts(_ text: String, context: String?, rewriting: Bool, tracing: Bool) -> (
        analysis: Analysis, tokens: TokenizedText,
        pass: (matches: [PatternMatch], kept: [Candidate], suppressed: [Suppression])
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
        lastReply = (tokenized, language)
        let (matches, kept, suppressed, found) = findings(
            in: tokenized, bid: bid, readsAsEnglish: language == .english, notingSuppressions: tracing)
        if tokenized.tokens.isEmpty && found.isEmpty { notes.append("Nothing to analyse: the reply is empty.") }
        if language == .other { notes.append(Self.replyNotEnglish) }
        // The findings handed over, not shared: the scorer's discounts write to them, and
        // a second reference made it copy the array, a retain for each finding's strings.
        var scored = Scorer(policy: engine.ruleSet.scoring, contrast: cues.contrast, but: cues.but).score(
            consume found, in: tokenized)
        let rewritten = rewriting && !shouldStop() ? rewrite(tokenized, scored.findings, bid) : text
        // The reply's units, kept by its tokens (unless a stop emptied them).
        let units = tokenized.original == text ? tokenized.utf16 : text.utf16Units
        for index in scored.findings.indices {
            scored.findings[index].replace = replaceSpan(of: scored.findings[index], in: tokenized, units: units)
        }
        // Made whole at the end: an analysis made first and then written to was copied
        // on its way out, a retain and a release for each of its fields.
        let analysis = Analysis(
            text: text, context: context, score: scored.score, verdict: scored.verdict, findings: scored.findings,
            bid: bid, notes: notes, policy: engine.ruleSet.scoring, rewrite: rewritten, language: language,
            contextLanguage: contextLanguage)
        return (analysis, tokenized, (matches, kept, suppressed))
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
    /// words the rules cannot read. Of the bid it reads only what `Bid.seen(byTextWith:)`
    /// keeps: the rewrite's memos rely on it.
    ///
    /// `forVerdict: true` is for a reading that only weighs its findings (the rewrite's
    /// pieces and whole rewrites): what only a reader sees (excerpts, the rules' ids,
    /// messages and suggestions, filled or not, and which reflections are complex) is
    /// left out of its findings.
    func findings(
        in tokenized: TokenizedText, bid: Bid?, readsAsEnglish: Bool = true, forVerdict: Bool = false,
        notingSuppressions: Bool
    ) -> (matches: [PatternMatch], kept: [Candidate], suppressed: [Suppression], findings: [Finding]) {
        let matches = ruleMatcher.matches(in: tokenized)
        let (kept, suppressed) = filter.filter(
            matches, in: tokenized, bid: bid?.kind, notingSuppressions: notingSuppressions)
        var findings = FindingMerger.merge(kept, rules: engine.ruleSet.rules, text: tokenized, shown: !forVerdict)
        if !forVerdict {
            for index in findings.indices { fillSuggestions(&findings[index], tokenized) }
        }
        // Whether a reflection is complex is for MITI's counts, never for a score.
        if !forVerdict, let bid, bid.language == .english, findings.contains(where: { $0.move == .reflection }) {
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
        // A finding's suggestions are its rule's: read for a `{` once per rule, not for
        // every finding shown (the search was about 400 instructions a finding).
        guard let match = finding.match else { return }
        let rule = engine.rules.patterns[Int(match.pattern)].owner
        if suggestsTemplates[rule] == nil {
            suggestsTemplates[rule] = finding.suggestions.contains(where: Self.mayHavePlaceholder)
        }
        guard suggestsTemplates[rule] == true,
            let pattern = engine.rules.pattern(match.pattern, in: engine.ruleSet.rules)
        else { return }
        let aligner = PatternAligner(lexicon: engine.ruleSet.lexicon, text: text)
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
        // Each suggestion's placeholders found once: filled templates first, then the plain.
        var filled: [String] = []
        var plain: [String] = []
        for suggestion in finding.suggestions {
            if Template.placeholders(in: suggestion).isEmpty {
                plain.append(suggestion)
            } else if let text = Template.fill(suggestion, values) {
                filled.append(text)
            }
        }
        finding.suggestions = filled + plain
    }

    /// Whether a suggestion has a `{`, so may be a template. Bytes, not `String.contains`:
    /// Foundation's overload searches through NSString; read in place, as the UTF-8
    /// view's iterator cost a dozen instructions a byte.
    private static func mayHavePlaceholder(_ suggestion: String) -> Bool {
        let brace = UInt8(ascii: "{")
        return suggestion.utf8.withContiguousStorageIfAvailable { $0.contains(brace) }
            ?? suggestion.utf8.contains(brace)
    }
}
