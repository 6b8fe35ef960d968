import AttuneRules
import AttuneText

/// The fixed words the engine compares tokens with (negators, contrast words, the
/// rewrite's cues), as id sets and id phrases built once per engine: a check is a load
/// or a few integer compares, never a token's `String`.
///
/// Words no rule names are interned as cue words (`intern(_:into:)`), after the rules'
/// words, so that every cue word has an id and a token equals it exactly when its id does.
struct CueWords: Sendable {
    let negators: WordIDs
    let subjectPronouns: WordIDs
    let contrast: WordIDs
    /// "but" discounts a validation even mid-clause.
    let but: Int32
    /// Words by which a complaint is about the replier ("you forgot").
    let secondPerson: WordIDs
    let adviceVerbs: WordIDs
    let adviceStops: WordIDs
    let adviceFirstPerson: WordIDs
    let minimal: WordIDs
    let offers: CuePhrases
    let apologies: CuePhrases

    /// Interns every cue word the rules do not already name.
    static func intern(_ ruleSet: RuleSet, into vocabulary: inout Vocabulary) {
        let templates = ruleSet.rewrites
        var words = TextPipeline.cueWords + ["but"] + Analyzer.secondPerson.sorted()
        words += AdviceContent.stops.sorted() + AdviceContent.firstPerson.sorted() + templates.minimalWords.sorted()
        words += (templates.offerCues + templates.apologyCues + templates.adviceFrames + templates.adviceGerundFrames)
            .flatMap(phrase)
        for word in words { vocabulary.internCueWord(word) }
    }

    init(ruleSet: RuleSet, vocabulary: Vocabulary) {
        let lexicon = ruleSet.lexicon
        let templates = ruleSet.rewrites
        negators = WordIDs(lexicon.words(of: "negators"), in: vocabulary)
        subjectPronouns = WordIDs(lexicon.words(of: "subject_pronouns"), in: vocabulary)
        contrast = WordIDs(lexicon.words(of: "contrast"), in: vocabulary)
        but = vocabulary.id(of: "but")
        secondPerson = WordIDs(Analyzer.secondPerson, in: vocabulary)
        adviceVerbs = WordIDs(lexicon.words(of: "advice_verbs"), in: vocabulary)
        adviceStops = WordIDs(AdviceContent.stops, in: vocabulary)
        adviceFirstPerson = WordIDs(AdviceContent.firstPerson, in: vocabulary)
        minimal = WordIDs(templates.minimalWords, in: vocabulary)
        offers = CuePhrases(templates.offerCues, in: vocabulary)
        apologies = CuePhrases(templates.apologyCues, in: vocabulary)
    }

    /// The words of a cue phrase, as tokens would spell them ("my bad" → "my", "bad").
    static func phrase(_ cue: String) -> [String] {
        cue.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Cue phrases as ids, with the set of their first words: most sentences hold none of
/// them and are passed over in one pass over their ids, where each phrase was looked
/// for in turn (a seventh of reading a reply's sentences for the rewrite).
struct CuePhrases: Sendable {
    private let phrases: [[Int32]]
    private let firsts: WordIDs

    /// `cues`' words must be interned (`CueWords.intern`).
    init(_ cues: [String], in vocabulary: Vocabulary) {
        let words = cues.map(CueWords.phrase)
        phrases = words.map { $0.map(vocabulary.id(of:)) }
        firsts = WordIDs(words.compactMap(\.first), in: vocabulary)
    }

    /// Whether `ids` (read in place: a sentence's, gathered on the stack) holds one of the
    /// phrases as consecutive ids: what matching " cue " in the tokens' words joined by
    /// spaces did. The phrases are tried only where one of their first words stands:
    /// trying each phrase at every id was most of the cost.
    func occur(in ids: UnsafeBufferPointer<Int32>) -> Bool {
        for start in ids.indices where firsts.contains(ids[start]) {
            for phrase in phrases where phrase.count <= ids.count - start {
                // A phrase with no words occurs wherever any of the others may start.
                guard let first = phrase.first else { return true }
                guard first == ids[start] else { continue }
                var matched = 1
                while matched < phrase.count && ids[start + matched] == phrase[matched] { matched += 1 }
                if matched == phrase.count { return true }
            }
        }
        return false
    }
}
