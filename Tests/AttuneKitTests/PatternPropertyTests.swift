import AttuneKit
@testable import AttuneEngine
@testable import AttuneMatching
import Testing

/// The loader refuses what the compiler cannot take: random patterns, some well formed
/// and some not, are written into rule files; every rule `rules lint` accepts must
/// compile with all of its patterns and run over replies made of the same words, and
/// nothing may trap (a negative gap once passed lint and trapped in the compiler).
@Suite struct PatternPropertyTests {
    static let words = [
        "you", "should", "just", "calm", "down", "not", "i", "feel", "it", "is", "a", "big", "deal",
        "hear", "sorry", "Don't", "can't", "x", "so", "😢",
    ]
    static let lists = ["@you", "@feelings", "@hedges", "@fm_advice_verbs", "@no_such_list", "@"]
    static let anchors = ["<s>", "</s>", "<c>", "<?>", "<.>", "<x>", "<"]
    static let soup = [
        "(", ")", "|", "?", "[", "]", "{w:", "}", "_", "_{", "_{1,", "!", "!@you", "\"", "\\", ":",
        "_{-1,2}", "_{3,1}", "_{0,9}", "_{0}", "_{99999999999999999999}", " ",
    ]

    struct Generator {
        var random: SeededGenerator

        mutating func pick(_ items: [String]) -> String { items.randomElement(using: &random)! }

        mutating func element(depth: Int, topLevel: Bool) -> String {
            switch Int.random(in: 0..<16, using: &random) {
            case 0...4: return pick(PatternPropertyTests.words)
            case 5: return pick(PatternPropertyTests.lists)
            case 6: return "_"
            case 7:
                return "_{\(Int.random(in: -2...3, using: &random)),\(Int.random(in: -1...10, using: &random))}"
            case 8 where depth < 4:
                let alternatives = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    sequence(depth: depth + 1, topLevel: false)
                }
                return "(" + alternatives.joined(separator: " | ") + ")"
            case 9: return element(depth: depth, topLevel: topLevel) + "?"
            case 10 where topLevel || Int.random(in: 0..<4, using: &random) == 0:
                return "{cap: " + sequence(depth: depth + 1, topLevel: false) + "}"
            case 11: return "!" + (Bool.random(using: &random) ? pick(PatternPropertyTests.words) : "@you")
            case 12: return pick(PatternPropertyTests.anchors)
            case 13: return (0..<3).map { _ in pick(PatternPropertyTests.words) }.joined(separator: "|")
            case 14:
                let depth = Int.random(in: 1...40, using: &random)
                return String(repeating: "(", count: depth) + pick(PatternPropertyTests.words)
                    + String(repeating: ")", count: depth)
            default: return pick(PatternPropertyTests.words)
            }
        }

        mutating func sequence(depth: Int, topLevel: Bool) -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in element(depth: depth, topLevel: topLevel) }
                .joined(separator: " ")
        }

        /// A pattern from the grammar with a focus now and then, or a soup of its pieces.
        mutating func pattern() -> String {
            if Int.random(in: 0..<4, using: &random) == 0 {
                let pieces = PatternPropertyTests.words + PatternPropertyTests.lists + PatternPropertyTests.soup
                return (0..<Int.random(in: 1...8, using: &random)).map { _ in pick(pieces) }
                    .joined(separator: Bool.random(using: &random) ? " " : "")
            }
            var elements = (0..<Int.random(in: 1...5, using: &random)).map { _ in element(depth: 0, topLevel: true) }
            if Bool.random(using: &random) {
                let open = Int.random(in: 0...elements.count, using: &random)
                let close = Int.random(in: open...elements.count, using: &random)
                elements.insert("]", at: close)
                elements.insert("[", at: open)
            }
            return elements.joined(separator: " ")
        }

        /// A reply from the pattern words, so patterns get to match.
        mutating func reply() -> String {
            (0..<Int.random(in: 0...12, using: &random)).map { _ in
                pick(PatternPropertyTests.words + [".", ",", "?", "\"", "she said", "I'm"])
            }.joined(separator: " ")
        }
    }

    static func ruleFile(_ patterns: [String], unless: [String]) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var yaml = "rules:\n"
        for (index, pattern) in patterns.enumerated() {
            yaml += """
                  - id: fixing.p\(index)
                    category: fixing
                    weight: 2
                    attune: understanding
                    message: A generated rule.
                    suggestions: ["Do you want ideas?"]
                    patterns: [\(quoted(pattern))]
                    exceptions:
                      unless: [\(quoted(unless[index]))]
                    examples:
                      match: ["[you should]"]
                      no_match: ["nothing here"]

                """
        }
        return yaml
    }

    @Test func everyPatternLintAcceptsCompilesAndRuns() throws {
        var generator = Generator(random: SeededGenerator(seed: 2026))
        let lexicon = RuleSet.builtInFiles().filter { $0.path.contains("/lexicon/") }
        var accepted = 0
        var rejected = 0
        for _ in 0..<20 {
            let patterns = (0..<30).map { _ in generator.pattern() }
            let unless = (0..<30).map { _ in generator.pattern() }
            let set = try RuleSet.load(
                base: lexicon + [("generated.yaml", Self.ruleFile(patterns, unless: unless))], skipBroken: true)
            // Lint's verdict: the rules kept are those with no error on their lines.
            accepted += set.rules.count
            rejected += patterns.count - set.rules.count
            let engine = Engine(ruleSet: set)
            for (owner, rule) in set.rules.enumerated() {
                let compiled = engine.rules.patterns.filter { $0.owner == owner }
                #expect(compiled.count == rule.patterns.count + rule.exceptions.unless.count, "\(rule.patterns)")
            }
            let analyzer = try engine.makeAnalyzer()
            for _ in 0..<10 {
                let (analysis, trace) = analyzer.analyzeWithTrace(generator.reply(), context: "I feel awful")
                _ = trace.ruleMatches(lexicon: set.lexicon)
                #expect(analysis.findings.allSatisfy { $0.start <= $0.end })
            }
        }
        // Both sides of the property were really exercised.
        #expect(accepted > 50 && rejected > 50, "accepted \(accepted), rejected \(rejected)")
    }

    /// The cases that once trapped are refused by lint, at the pattern's position.
    @Test func patternsTheCompilerCannotTakeAreLintErrors() {
        for pattern in [
            "you _{-1,2} should", "you _{3,1}",
            String(repeating: "(", count: 33) + "x"
                + String(repeating: ")", count: 33),
        ] {
            let diagnostics = Fixtures.diagnostics([("bad.yaml", Self.ruleFile([pattern], unless: ["x"]))])
            #expect(diagnostics.contains { $0.severity == .error && $0.location.file == "bad.yaml" }, "\(pattern)")
        }
    }
}
