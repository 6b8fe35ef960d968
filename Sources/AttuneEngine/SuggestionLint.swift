import AttuneCore
import AttuneRules

/// Every plain rule suggestion and every rewrite template, read as a reply to a message
/// of each bid kind it can answer (a rule without `bid:` answers any message, so its
/// suggestions are read alone; a rewrite template, its own kind): what attune offers as the thing to say instead must
/// not be something attune itself flags. A templated suggestion (`{action}`) is left to
/// the corpus tests, since what fills it comes from the reply.
public enum SuggestionLint {
    /// One everyday message per bid kind.
    public static let contexts: [BidKind: String] = [
        .distress: "I'm so stressed, today was awful and I can't stop crying.",
        .complaint: "You forgot my birthday again.",
        .goodNews: "I got the job!",
        .request: "Can you grab milk on the way home?",
        .neutral: "What are you up to this weekend?",
    ]
    /// What fills `{advice}` in the advice template for the check.
    static let sampleAdvice = "take a short walk"

    /// A warning, at the suggestion's or template's line, for each that misattunes.
    public static func check(_ engine: Engine) throws(AttuneError) -> [Diagnostic] {
        let analyzer = try engine.makeAnalyzer()
        var diagnostics: [Diagnostic] = []
        // nil: read without a message, as a rule that fires on any message is.
        func report(_ text: String, _ kinds: [BidKind?], _ location: SourceLocation, _ what: String) {
            for kind in kinds {
                let tripped = analyzer.analyze(text, context: kind.flatMap { contexts[$0] }).findings.filter {
                    $0.polarity == .misattuned
                }
                guard !tripped.isEmpty else { continue }
                let rules = tripped.map { "\($0.rule) on \"\($0.excerpt)\"" }.joined(separator: ", ")
                let answering = kind.map { "as a reply to a \($0.rawValue) message" } ?? "read alone"
                diagnostics.append(
                    Diagnostic(.warning, location, "\(what) \"\(text)\" misattunes \(answering): \(rules)"))
                return
            }
        }
        for rule in engine.ruleSet.rules {
            let kinds: [BidKind?] = rule.bids.isEmpty ? [nil] : rule.bids
            for (index, suggestion) in rule.suggestions.enumerated() where Template.placeholders(in: suggestion).isEmpty
            {
                let location =
                    rule.suggestionLocations.indices.contains(index)
                    ? rule.suggestionLocations[index] : rule.location
                report(suggestion, kinds, location, "suggestion \(index + 1) of \(rule.id)")
            }
        }
        let rewrites = engine.ruleSet.rewrites
        for (key, text) in rewrites.all {
            guard
                let filled = Template.fill(
                    text,
                    [
                        "advice": sampleAdvice, "feeling": "stressed",
                        "their_words": "so stressed about your exam",
                    ])
            else { continue }
            let location = rewrites.locations[key] ?? SourceLocation(file: "rewrites.yaml", line: 1, column: 1)
            report(filled, kinds(ofTemplate: key), location, "rewrite template \(key)")
        }
        return diagnostics
    }

    /// The bid kinds a rewrite template answers.
    static func kinds(ofTemplate key: String) -> [BidKind?] {
        switch key {
        case "open.good_news", "question.good_news": return [.goodNews]
        case "open.complaint", "question.complaint", "replace.defensiveness", "replace.withdrawal": return [.complaint]
        default: return [.distress]
        }
    }
}
