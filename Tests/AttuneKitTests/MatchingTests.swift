import AttuneKit
import Testing

/// The matcher and the exceptions, on small inline rule sets.
@Suite struct MatchingTests {
    static let rules = """
        rules:
          - id: fixing.test-should
            category: fixing
            weight: 3
            attune: understanding
            message: m
            suggestions: [s]
            patterns:
              - "[@you should just? @advice_verbs]"
              - "<c> @openers? [just @advice_verbs]"
              - "<?> have @you tried"
            exceptions:
              negation: true
              subjects: [i, we]
              unless: ["@you should (be|feel) _? @positive_feelings"]
            examples:
              match: ["[you should quit]"]
              no_match: ["you should be proud"]
          - id: minimizing.test-calm
            category: minimizing
            weight: 3
            attune: tolerance
            message: m
            suggestions: [s]
            patterns:
              - "[need to calm down]"
              - "<c> [calm down]"
              - "@you_are _{0,2} overreacting"
            exceptions:
              negation: true
              subjects: [i, we]
            examples:
              match: ["[calm down]"]
              no_match: ["i need to calm down"]
          - id: minimizing.test-overlap
            category: minimizing
            weight: 4
            attune: tolerance
            message: heavier
            suggestions: [s]
            patterns: ["calm down _{0,3} relax"]
            examples:
              match: ["[calm down and relax]"]
              no_match: ["relax"]
        """

    func findings(_ text: String) throws -> [Finding] {
        try Fixtures.engine(rules: Self.rules).makeAnalyzer().analyze(text).findings
    }

    @Test func focusSpanIsReportedInCodePoints() throws {
        let text = "😢 ok so just quit"
        let found = try findings(text)
        try #require(found.count == 1)
        #expect(found[0].excerpt == "just quit")
        #expect(text.codePoints(found[0].start, found[0].end) == "just quit")
    }

    @Test func negationInScopeBlocks() throws {
        #expect(try findings("you're overreacting").count == 1)
        #expect(try findings("you're not overreacting").isEmpty)
        #expect(try findings("I don't think you're overreacting").isEmpty)
        #expect(try findings("No, you're overreacting").count == 1)
    }

    @Test func theSubjectDecidesWhoseActionItIs() throws {
        #expect(try findings("you need to calm down").count == 1)
        #expect(try findings("I need to calm down before I answer").isEmpty)
    }

    @Test func quotedAndReportedSpeechIsNotTheSpeakersMove() throws {
        #expect(try findings("calm down").count == 1)
        #expect(try findings("when you said 'calm down' it hurt").isEmpty)
        #expect(try findings("when you said calm down it hurt").isEmpty)
    }

    @Test func unlessPatternsCancelOverlappingMatches() throws {
        #expect(try findings("you should quit").count == 1)
        #expect(try findings("you should feel so proud").isEmpty)
    }

    @Test func questionOnlyPatternsNeedAQuestion() throws {
        #expect(try findings("have you tried yoga?").count == 1)
        #expect(try findings("have you tried yoga. i did").isEmpty)
    }

    @Test func matchesDoNotCrossSentences() throws {
        #expect(try findings("you should. quit").isEmpty)
    }

    @Test func overlappingFindingsOfOneCategoryMerge() throws {
        let found = try findings("calm down and relax")
        try #require(found.count == 1)
        #expect(found[0].rule == "minimizing.test-overlap")
        #expect(found[0].excerpt == "calm down and relax")
    }

    @Test func eachPatternInAReplyIsReported() throws {
        let found = try findings("You should quit. Calm down. Just block him.")
        #expect(found.map(\.category) == [.fixing, .minimizing, .fixing])
    }

    @Test func caseAndApostropheStyleDoNotMatter() throws {
        let plain = try findings("you're overreacting, you should quit")
        #expect(try findings("YOU’RE OVERREACTING, YOU SHOULD QUIT").map(\.rule) == plain.map(\.rule))
        #expect(try findings("ur overreacting, u should quit").map(\.rule) == plain.map(\.rule))
    }
}
