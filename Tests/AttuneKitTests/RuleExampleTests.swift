import AttuneKit
import Testing

/// The examples in the rule files are the tests of the rules (as in SwiftLint and
/// LanguageTool): every `match` example must match with its marked span, every
/// `no_match` example must stay silent.
@Suite struct RuleExampleTests {
    @Test func builtInRulesLoadWithoutErrors() throws {
        let set = try RuleSet.builtIn()
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(set.rules.count > 0)
    }

    @Test func everyCategoryHasRules() throws {
        let categories = Set(try RuleSet.builtIn().rules.map(\.category))
        #expect(categories == Set(Category.allCases))
    }

    @Test func everyRuleCarriesBothKindsOfExample() throws {
        for rule in try RuleSet.builtIn().rules {
            let matches = rule.examples.filter { $0.expectation != .noMatch }
            let silent = rule.examples.filter { $0.expectation == .noMatch }
            #expect(!matches.isEmpty && !silent.isEmpty, "\(rule.id) at \(rule.location)")
            #expect(
                matches.allSatisfy { if case .match(let span) = $0.expectation { span != nil } else { false } },
                "\(rule.id): every match example marks its span")
        }
    }

    @Test func everyExampleBehaves() {
        let report = ExampleRunner(analyzer: Fixtures.analyzer()).run()
        #expect(report.examplesRun > 0)
        for failure in report.failures {
            Issue.record("\(failure)")
        }
    }
}
