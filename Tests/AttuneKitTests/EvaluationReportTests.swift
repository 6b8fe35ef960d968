import AttuneKit
import Testing

@testable import AttuneEvaluation

/// `attune eval`'s text report is the same from run to run.
@Suite struct EvaluationReportTests {
    /// A category missed as often as another in the confusion line comes in category
    /// order, not in a dictionary's order (which changes from run to run).
    @Test func confusionTiesComeInCategoryOrder() {
        let found: [Category] = [.withdrawal, .minimizing, .fixing]
        for rotation in 0..<found.count {
            var evaluation = CorpusEvaluation()
            for (line, other) in (found[rotation...] + found[..<rotation]).enumerated() {
                evaluation.misses.append(
                    CorpusEvaluation.Miss(
                        entry: "e\(line)", line: line + 1, category: .defensiveness, isFalsePositive: false, rules: [],
                        foundInstead: [other], text: "t"))
            }
            let report = evaluation.text(source: "corpus")
            #expect(report.contains("defensiveness  → fixing 1, minimizing 1, withdrawal 1\n"), "\(report)")
        }
    }
}
