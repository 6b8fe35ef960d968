import AttuneKit
import Testing

/// The lexicons Scripts/lexicon/generate.py writes from WordNet (Rules/lexicon/verbs.yaml
/// and feelings.yaml) are built in, load without warnings, have the sizes the generator
/// aims at and hold the entries rules count on. (That the files match the generator is
/// `python3 Scripts/lexicon/generate.py --check`.)
@Suite struct GeneratedLexiconTests {
    static let ruleSet: RuleSet = {
        do { return try RuleSet.builtIn() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    func entries(_ name: String) -> Set<String> {
        Set(Self.ruleSet.lexicon.lists[name]?.entries.map { $0.joined(separator: " ") } ?? [])
    }

    @Test func listsHaveTheirSizes() {
        let ranges: [(String, ClosedRange<Int>)] = [
            ("verbs", 1_000...2_000),
            ("verbs_ambiguous", 50...200),
            ("verbs_s", 1_000...2_200),
            ("verbs_ing", 1_000...2_200),
            ("verbs_past", 1_000...2_200),
            ("verbs_participle", 1_000...2_200),
            ("phrasal_verbs", 150...600),
            ("feelings_negative", 250...450),
            ("feelings_positive", 100...250),
            ("feelings_mixed", 30...100),
            ("feeling_nouns_negative", 60...200),
            ("feeling_nouns_positive", 40...150),
            ("feeling_nouns_mixed", 10...50),
        ]
        for (name, range) in ranges {
            let count = entries(name).count
            #expect(range.contains(count), "@\(name) has \(count) entries, expected \(range)")
        }
        let feelings = ["feelings_negative", "feelings_positive", "feelings_mixed"].map { entries($0).count }
        #expect((400...600).contains(feelings.reduce(0, +)))
    }

    @Test func verbsHoldBaseFormsAndInflections() {
        #expect(entries("verbs").isSuperset(of: ["recommend", "journal", "text", "vent", "quit", "be", "try"]))
        #expect(entries("verbs_s").isSuperset(of: ["recommends", "tries", "goes", "is", "has"]))
        #expect(
            entries("verbs_ing").isSuperset(of: ["journaling", "quitting", "lying", "overthinking", "babysitting"]))
        #expect(entries("verbs_past").isSuperset(of: ["recommended", "told", "went", "was", "tried", "texted"]))
        #expect(entries("verbs_participle").isSuperset(of: ["told", "gone", "been", "written", "forgotten"]))
        #expect(
            entries("phrasal_verbs").isSuperset(of: ["calm down", "reach out", "cut back", "look into", "talk to"]))
        // Not commands at the start of a sentence: kept out of @verbs, listed as ambiguous.
        for word in ["thank", "love", "hope", "mind", "like", "mean", "please", "wait", "look"] {
            #expect(!entries("verbs").contains(word), "'\(word)' should not be in @verbs")
            #expect(entries("verbs_ambiguous").contains(word), "'\(word)' should be in @verbs_ambiguous")
        }
        #expect(!entries("verbs").contains("will") && !entries("verbs_ambiguous").contains("can"))
    }

    @Test func feelingsHaveOneValenceEach() {
        #expect(
            entries("feelings_negative").isSuperset(of: ["discouraged", "hurt", "burnt out", "on edge", "isolated"]))
        #expect(entries("feelings_positive").isSuperset(of: ["relieved", "proud", "over the moon"]))
        #expect(entries("feelings_mixed").isSuperset(of: ["torn", "ambivalent", "bittersweet"]))
        #expect(entries("feeling_nouns_negative").isSuperset(of: ["frustration", "loneliness", "grief"]))
        #expect(entries("feeling_nouns_positive").isSuperset(of: ["relief", "joy"]))
        let negative = entries("feelings_negative")
        let positive = entries("feelings_positive")
        let mixed = entries("feelings_mixed")
        #expect(
            negative.isDisjoint(with: positive) && negative.isDisjoint(with: mixed) && positive.isDisjoint(with: mixed))
        // Evaluations and everyday words that are not feelings stay out.
        for word in ["depressing", "awful", "fine", "ok", "sorry", "blue", "used"] {
            #expect(!negative.contains(word) && !positive.contains(word) && !mixed.contains(word), "'\(word)'")
        }
    }

    @Test func generatedFilesLoadWithoutWarnings() {
        let generated = Self.ruleSet.diagnostics.filter {
            $0.location.file.hasSuffix("verbs.yaml") || $0.location.file.hasSuffix("feelings.yaml")
        }
        #expect(generated.isEmpty, "\(generated.map(\.description))")
        #expect(Self.ruleSet.lexicon.lists["verbs"]?.location.file.hasSuffix("lexicon/verbs.yaml") == true)
    }
}
