import AttuneKit
import Testing

/// Broken rule files: every mistake is reported with file, line and column, and
/// loading refuses to run on broken rules.
@Suite struct RuleLoadingTests {
    /// A valid rule whose lines the cases below break one at a time.
    static func rule(
        id: String = "fixing.sample", category: String = "fixing", weight: String = "3",
        attune: String = "understanding", pattern: String = "\"@you should @advice_verbs\"",
        extra: String = "", examples: String? = nil
    ) -> String {
        """
        rules:
          - id: \(id)
            category: \(category)
            weight: \(weight)
            attune: \(attune)
            message: Advice before listening.
            suggestions: ["Do you want ideas?"]
            patterns:
              - \(pattern)
        \(extra)
            examples:
        \(examples ?? "      match: [\"[you should quit]\"]\n      no_match: [\"I should go\"]")
        """
    }

    func diagnostic(_ yaml: String, file: String = "bad.yaml") -> [Diagnostic] {
        Fixtures.diagnostics([(file, yaml)]).filter { $0.location.file == file }
    }

    func expectError(_ yaml: String, line: Int, column: Int, containing text: String) {
        let found = diagnostic(yaml).filter { $0.severity == .error }
        #expect(
            found.contains { $0.location.line == line && $0.location.column == column && $0.message.contains(text) },
            "expected \(line):\(column) '\(text)', got:\n\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func theSampleRuleIsValid() {
        #expect(diagnostic(Self.rule()).filter { $0.severity == .error }.isEmpty)
    }

    @Test func aMoveIsOneOfTheListAndOnlyOnValidatingRules() throws {
        expectError(
            Self.rule(extra: "    move: reflection"), line: 10, column: 11,
            containing: "only validating rules name a 'move'")
        let validating = { (move: String) in
            Self.rule(id: "validating.sample", category: "validating", extra: "    move: \(move)")
        }
        expectError(validating("reflect"), line: 10, column: 11, containing: "unknown move 'reflect'")
        let analysis = try Fixtures.engine(rules: validating("question")).makeAnalyzer().analyze("you should quit")
        #expect(analysis.findings.first?.move == .question)
        #expect(analysis.json().contains(#""polarity":"attuned","move":"question","start""#))
    }

    @Test func invalidYAML() {
        expectError("rules:\n  - id: [unclosed\n", line: 3, column: 1, containing: "invalid YAML")
    }

    @Test func unknownKeyWithSuggestion() {
        expectError(Self.rule(extra: "    pattern: [x]"), line: 10, column: 5, containing: "did you mean 'patterns'")
    }

    @Test func wrongType() {
        expectError(Self.rule(weight: "heavy"), line: 4, column: 13, containing: "'weight' must be a number")
    }

    @Test func weightOutOfRange() {
        expectError(Self.rule(weight: "12"), line: 4, column: 13, containing: "between")
    }

    @Test func unknownCategory() {
        expectError(Self.rule(category: "fixng"), line: 3, column: 15, containing: "did you mean 'fixing'")
    }

    @Test func unknownAttuneComponent() {
        expectError(Self.rule(attune: "empathie"), line: 5, column: 13, containing: "did you mean 'empathy'")
    }

    @Test func duplicateIDs() {
        let yaml = Self.rule() + "\n" + Self.rule().split(separator: "\n").dropFirst().joined(separator: "\n")
        expectError(yaml, line: 14, column: 5, containing: "duplicate rule id 'fixing.sample'")
    }

    @Test func unclosedGroupPointsAtItsColumn() {
        expectError(Self.rule(pattern: "\"@you (should|must quit\""), line: 9, column: 15, containing: "never closed")
    }

    @Test func unknownWordList() {
        expectError(
            Self.rule(pattern: "\"@you should @advise_verbs\""), line: 9, column: 10,
            containing: "did you mean '@advice_verbs'")
    }

    @Test func capitalsCanNeverMatch() {
        expectError(Self.rule(pattern: "\"@you Should quit\""), line: 9, column: 15, containing: "has capitals")
    }

    @Test func contractionsCanNeverMatch() {
        expectError(Self.rule(pattern: "\"@you don't quit\""), line: 9, column: 15, containing: "'do not'")
    }

    @Test func curlyApostrophesCanNeverMatch() {
        expectError(Self.rule(pattern: "\"@you shouldn’t\""), line: 9, column: 15, containing: "curly")
    }

    @Test func gapsAreBounded() {
        expectError(Self.rule(pattern: "\"@you _{0,20} quit\""), line: 9, column: 15, containing: "at most 8")
    }

    /// A negative minimum once passed lint and then trapped while compiling.
    @Test func gapsCannotStartBelowZero() {
        expectError(Self.rule(pattern: "\"@you _{-1,2} quit\""), line: 9, column: 15, containing: "0 ≤ min ≤ max")
    }

    /// 30,000 nested groups once overflowed the stack; depth is now refused up front.
    @Test func groupsNestAtMost32Deep() {
        let deep = String(repeating: "(", count: 30_000) + "quit" + String(repeating: ")", count: 30_000)
        expectError(Self.rule(pattern: "\"\(deep)\""), line: 9, column: 42, containing: "nest at most 32 deep")
        let fine = String(repeating: "(", count: 32) + "quit" + String(repeating: ")", count: 32)
        #expect(
            Fixtures.diagnostics([("ok.yaml", Self.rule(pattern: "\"\(fine)\""))]).filter { $0.severity == .error }
                .isEmpty)
    }

    @Test func aPatternThatMatchesNothing() {
        expectError(Self.rule(pattern: "\"quit?\""), line: 9, column: 10, containing: "can match nothing")
    }

    @Test func misplacedFocus() {
        expectError(Self.rule(pattern: "\"@you ] should [\""), line: 9, column: 15, containing: "']' comes before '['")
    }

    @Test func unknownAnchor() {
        expectError(Self.rule(pattern: "\"<x> quit\""), line: 9, column: 10, containing: "unknown anchor")
    }

    @Test func strayQuestionMark() {
        expectError(Self.rule(pattern: "\"? quit\""), line: 9, column: 10, containing: "'?' must follow")
    }

    @Test func missingNoMatchExamples() {
        expectError(
            Self.rule(examples: "      match: [\"[you should quit]\"]"), line: 12, column: 7, containing: "no_match")
    }

    @Test func unbalancedSpanMarkers() {
        expectError(
            Self.rule(examples: "      match: [\"[you should quit\"]\n      no_match: [\"I should go\"]"), line: 12,
            column: 15, containing: "marks its span")
    }

    @Test func unknownExceptionKey() {
        expectError(
            Self.rule(extra: "    exceptions: {negaton: true}"), line: 10, column: 18,
            containing: "did you mean 'negation'")
    }

    @Test func missingMessage() {
        let yaml = Self.rule().replacingOccurrences(of: "    message: Advice before listening.\n", with: "")
        expectError(yaml, line: 2, column: 5, containing: "needs a 'message'")
    }

    @Test func aliasBombsAreRejected() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        yaml += "rules: *a9\n"
        expectError(yaml, line: 1, column: 1, containing: "alias")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let yaml = Self.rule(category: "fixng", weight: "heavy", pattern: "\"@nolist (\"")
        #expect(diagnostic(yaml).filter { $0.severity == .error }.count >= 3)
    }

    @Test func brokenRulesRefuseToLoad() {
        let lexicon = RuleSet.builtInFiles().filter { $0.path.contains("/lexicon/") }
        #expect(throws: AttuneError.self) { try RuleSet.load(base: lexicon + [("bad.yaml", Self.rule(weight: "x"))]) }
        let skipped = try? RuleSet.load(
            base: lexicon + [("bad.yaml", Self.rule(weight: "x")), ("good.yaml", Self.rule(id: "fixing.other"))],
            skipBroken: true)
        #expect(skipped?.rules.map(\.id) == ["fixing.other"])
    }

    @Test func diagnosticsPrintAsFileLineColumn() {
        let first = diagnostic(Self.rule(weight: "heavy")).first { $0.severity == .error }
        #expect(first?.description.hasPrefix("bad.yaml:4:13: error: ") == true)
    }
}
