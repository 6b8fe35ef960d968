import AttuneCore
import AttuneLoading
import AttuneMatching
import AttuneRules
import AttuneText

/// A compiled rule set: immutable and shareable across threads. Each thread asks it
/// for its own `Analyzer`, which holds the per-thread ICU objects.
public struct Engine: Sendable {
    public let ruleSet: RuleSet
    let vocabulary: Vocabulary
    /// The fixed words the analyzer compares tokens with, as ids.
    let cues: CueWords
    let rules: Automaton
    /// The bid cues and the `@feelings` list compiled alone (to name the feelings of a
    /// bid): read from compiled rules only when a reply comes with a message.
    var bids: Automaton { deferredBids.value }
    var feelings: Automaton { deferredFeelings.value }
    let deferredBids: Deferred<Automaton>
    let deferredFeelings: Deferred<Automaton>

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        var vocabulary = Vocabulary()
        // Every word the lexicon knows, so squeezing ("sooo" → "so") can recognise it.
        // In a fixed order, so that the same rules always compile to the same bytes.
        for name in ruleSet.lexicon.lists.keys.sorted() {
            for entry in ruleSet.lexicon.lists[name]!.entries { entry.forEach { vocabulary.intern($0) } }
        }
        for token in ruleSet.lexicon.expansions.keys.sorted() {
            ruleSet.lexicon.expansions[token]!.forEach { vocabulary.intern($0) }
        }
        rules = AutomatonBuilder.build(rules: ruleSet.rules, lexicon: ruleSet.lexicon, vocabulary: &vocabulary)
        let bids = AutomatonBuilder.build(
            groups: ruleSet.bids.automatonGroups, lexicon: ruleSet.lexicon,
            vocabulary: &vocabulary)
        let feelingPattern = Pattern(
            source: "@feelings", elements: [.list("feelings")], sentenceKind: .any,
            location: SourceLocation(file: "", line: 0, column: 0))
        let feelings = AutomatonBuilder.build(
            groups: ruleSet.lexicon.lists["feelings"] == nil ? [] : [[feelingPattern]], lexicon: ruleSet.lexicon,
            vocabulary: &vocabulary)
        deferredBids = Deferred(bids)
        deferredFeelings = Deferred(feelings)
        // After the rules' words, so that they stay the only words squeezing knows.
        CueWords.intern(ruleSet, into: &vocabulary)
        self.vocabulary = vocabulary
        cues = CueWords(ruleSet: ruleSet, vocabulary: vocabulary)
    }

    /// The parts, as `init(compiled:)` reads them.
    init(
        ruleSet: RuleSet, vocabulary: Vocabulary, rules: Automaton, bids: Deferred<Automaton>,
        feelings: Deferred<Automaton>
    ) {
        self.ruleSet = ruleSet
        self.vocabulary = vocabulary
        cues = CueWords(ruleSet: ruleSet, vocabulary: vocabulary)
        self.rules = rules
        deferredBids = bids
        deferredFeelings = feelings
    }

    /// A new analyzer for the calling thread.
    public func makeAnalyzer() throws(AttuneError) -> Analyzer {
        try Analyzer(engine: self)
    }
}
