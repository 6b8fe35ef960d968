import AttuneKit
import Testing

/// `exceptions.unless` trims the focus instead of cancelling the whole match, except
/// where it re-reads what the rule asked for (Rules/README.md, "Exceptions").
@Suite struct UnlessTrimTests {
    static let rules = """
        rules:
          - id: fixing.test-need-to
            category: fixing
            weight: 3
            attune: understanding
            message: m
            suggestions: [s]
            patterns:
              - "[@you need to _{0,4} (report|call|tell)]"
              - "[why did not you just] _"
            exceptions:
              unless: ["let it go", "tell (me|us)", "need to call it a night"]
            examples:
              match: ["[You need to] let it go and report him"]
              no_match: ["Why didn't you just tell me?"]
          - id: defensiveness.test-joking
            category: defensiveness
            weight: 3
            attune: non-defensive
            message: m
            suggestions: [s]
            patterns: ["[i was just joking]"]
            exceptions:
              unless: ["joking (around)? with (my|the|some)"]
            examples:
              match: ["[I was just joking]"]
              no_match: ["I was just joking with my sister"]
        """

    func analysis(_ text: String) throws -> (Analysis, Trace) {
        try Fixtures.engine(rules: Self.rules).makeAnalyzer().analyzeWithTrace(text)
    }

    @Test func anUnlessInsideAWildcardTrimsTheFocus() throws {
        let (analysis, trace) = try analysis("You need to let it go and report him to HR")
        try #require(analysis.findings.count == 1)
        // "let it go" leaves; of "You need to" and "and report", the first holds more
        // of the pattern's own words.
        #expect(analysis.findings[0].excerpt == "You need to")
        #expect(trace.trims.map(\.rule) == ["fixing.test-need-to"])
    }

    @Test func withoutAnUnlessTheFocusIsWhole() throws {
        let (analysis, trace) = try analysis("You need to report him to HR")
        #expect(analysis.findings.map(\.excerpt) == ["You need to report"])
        #expect(trace.trims.isEmpty)
    }

    @Test func aPatternWithoutWildcardsTakesOnlyItsOwnWords() throws {
        // Such a match is cancelled by any overlapping `unless` without aligning it.
        let own = ["[i was just joking]", "(you|u) @you_words? (should|must)", "{thing: so (much|many)} <s>"]
        let wild = ["[@you need to _{0,4} (report|call|tell)]", "just _", "(a|b !c)", "x (y _)?", "{c: _}"]
        for source in own {
            #expect(PatternAligner.takesOnlyOwnWords(try PatternParser.parse(source).elements), "\(source)")
        }
        for source in wild {
            #expect(!PatternAligner.takesOnlyOwnWords(try PatternParser.parse(source).elements), "\(source)")
        }
    }

    @Test func anUnlessOnThePatternsOwnWordsStillCancels() throws {
        #expect(try analysis("I was just joking").0.findings.count == 1)
        #expect(try analysis("I was just joking with my sister").0.findings.isEmpty)
        #expect(try analysis("you need to call it a night and report it").0.findings.isEmpty)
    }

    @Test func anUnlessOnTheContextOutsideTheFocusStillCancels() throws {
        #expect(try analysis("Why didn't you just quit?").0.findings.map(\.excerpt) == ["Why didn't you just"])
        #expect(try analysis("Why didn't you just tell me?").0.findings.isEmpty)
    }

    @Test func suppressionSaysWhichUnlessCancelled() throws {
        let (_, trace) = try analysis("I was just joking with my sister")
        #expect(trace.suppressions.first?.reason.hasPrefix("unless pattern \"joking (around)? with") == true)
    }

    @Test func ruleExamplesSeeTheTrimmedSpan() throws {
        let report = ExampleRunner(analyzer: try Fixtures.engine(rules: Self.rules).makeAnalyzer()).run()
        #expect(report.examplesRun == 4)
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    /// Only a trace notes the suppressed matches; a plain analysis skips noting them and
    /// must come to the same findings, score, verdict and rewrite, with or without the
    /// message, over every corpus reply (among them replies with each kind of suppression).
    @Test func aPlainAnalysisAgreesWithTheTracedOne() {
        let compared = Fixtures.overCorpus { reply, analyzer in
            let plain = analyzer.analyze(reply.text, context: reply.context)
            let (traced, trace) = analyzer.analyzeWithTrace(reply.text, context: reply.context)
            let agree =
                plain.findings == traced.findings && plain.score == traced.score && plain.verdict == traced.verdict
                && plain.rewrite == traced.rewrite
            return (agree, trace.suppressions.map(\.reason))
        }
        let differing = compared.filter { !$0.0 }.count
        #expect(differing == 0)
        let reasons = compared.flatMap(\.1)
        let cancelled = reasons.filter { $0.hasPrefix("unless pattern") }.count
        #expect(cancelled > 0)
        #expect(reasons.count > 20)
    }
}
