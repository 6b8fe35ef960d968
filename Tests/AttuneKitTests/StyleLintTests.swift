import AttuneKit
import Testing

/// The style lint: patterns written as sentences get warnings, located like every other
/// diagnostic, and never stop rules from loading.
@Suite struct StyleLintTests {
    func warnings(pattern: String) -> [Diagnostic] {
        Fixtures.diagnostics([("style.yaml", RuleLoadingTests.rule(pattern: pattern))])
            .filter { $0.location.file == "style.yaml" && $0.severity == .warning }
    }

    @Test func aLongGroupIsAWordListWrittenOut() {
        let found = warnings(pattern: "\"@you should (red|blue|green|pink|gold|gray|teal|navy|plum)\"")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 9)
        #expect(found.first?.location.column == 22)
        #expect(found.first?.message.contains("9 alternatives") == true)
        #expect(found.first?.description.hasPrefix("style.yaml:9:22: warning: ") == true)
    }

    @Test func eightAlternativesAreStillFine() {
        #expect(warnings(pattern: "\"@you should (red|blue|green|pink|gold|gray|teal|navy)\"").isEmpty)
    }

    @Test func bareWordChoicesCountToo() {
        let found = warnings(pattern: "\"@you should red|blue|green|pink|gold|gray|teal|navy|plum\"")
        #expect(found.map(\.location.column) == [22])
    }

    @Test func aChoiceOfASharedListsWordsNamesTheList() {
        let found = warnings(pattern: "\"@you should (call|text|tell) (him|her|them)\"")
        #expect(found.count == 2)
        #expect(found.map(\.location.column) == [22, 39])
        #expect(found.first?.message.contains("write @advice_verbs") == true)
        #expect(
            found.last?.message.contains("3 of the 3 single words of (him|her|them) are entries of @third_person")
                == true)
    }

    @Test func fewOrMixedWordsAreNotEnough() {
        // Two words is too few; one in three is not "mostly".
        #expect(warnings(pattern: "\"@you should (call|text) me\"").isEmpty)
        #expect(warnings(pattern: "\"@you should (call|zzz|qqq) me\"").isEmpty)
    }

    @Test func categoryListsAreNotSuggested() {
        // "it", "that" and "this" are all in @fm_atleast_next, a fixing grab bag.
        #expect(warnings(pattern: "\"@you should quit (it|that|this)\"").isEmpty)
    }

    @Test func warningsDoNotStopRulesFromLoading() throws {
        let lexicon = RuleSet.builtInFiles().filter { $0.path.contains("/lexicon/") }
        let yaml = RuleLoadingTests.rule(pattern: "\"@you should (red|blue|green|pink|gold|gray|teal|navy|plum)\"")
        let set = try RuleSet.load(base: lexicon + [("style.yaml", yaml)])
        #expect(set.rules.map(\.id) == ["fixing.sample"])
    }

    @Test func theBuiltInRulesHaveWarningsButNoErrors() throws {
        let diagnostics = try RuleSet.builtIn().diagnostics
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(diagnostics.contains { $0.message.contains("read as a word list written out") })
    }
}
