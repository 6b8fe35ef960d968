import AttuneCore
import AttuneEngine
import AttuneRules

/// Runs every rule's examples: each `match` example must give a candidate of that rule
/// with exactly the marked span, each `no_match` example none. Used by `swift test`
/// and `attune rules test`.
public struct ExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var location: SourceLocation
        public var example: String
        public var problem: String

        public var description: String { "\(location): \(rule): \(problem)\n    example: \(example)" }
    }

    public struct Report: Sendable {
        public var rulesTested = 0
        public var examplesRun = 0
        public var failures: [Failure] = []
    }

    let analyzer: Analyzer

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    public func run(only ruleIDs: Set<String>? = nil) -> Report {
        var report = Report()
        for rule in analyzer.engine.ruleSet.rules where ruleIDs?.contains(rule.id) ?? true {
            report.rulesTested += 1
            for example in rule.examples {
                report.examplesRun += 1
                if let problem = check(example, of: rule) {
                    report.failures.append(
                        Failure(rule: rule.id, location: example.location, example: example.text, problem: problem))
                }
            }
        }
        return report
    }

    /// What is wrong with one example, or nil when it behaves.
    func check(_ example: Example, of rule: Rule) -> String? {
        let (_, trace) = analyzer.analyzeWithTrace(example.text, context: example.context)
        let spans = trace.keptSpans(of: rule.id)
        let excerpt = { (span: Range<Int>) in "\"\(trace.tokens.excerpt(utf16: span))\"" }
        switch example.expectation {
        case .noMatch:
            guard !spans.isEmpty else { return nil }
            return "should not match, but matched " + spans.map(excerpt).joined(separator: ", ")
        case .match(let expected):
            if spans.isEmpty {
                let blocked = trace.suppressions.filter { $0.rule == rule.id }
                if let first = blocked.first {
                    return "should match, but \(first.reason) blocked \"\(first.pattern)\""
                }
                return
                    "should match, but no pattern matched (normalized: \(trace.tokens.words(trace.tokens.tokens.indices).joined(separator: " ")))"
            }
            guard let expected, !spans.contains(expected) else { return nil }
            return "expected span \(excerpt(expected)), got " + spans.map(excerpt).joined(separator: ", ")
        }
    }
}
