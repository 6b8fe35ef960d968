import AttuneKit
@testable import AttuneEngine
@testable import AttuneMatching
import Foundation
import Testing

/// The rewrite's promises, over every reply in the corpus (issues: rewrites, 12).
@Suite struct RewriteTests {
    /// The corpus replies whose rewrite breaks an invariant, by invariant.
    struct Breaks {
        var notAttuned: [String] = []
        var sentenceMisattunes: [String] = []
        var keepsMinimal: [String] = []
        var notStable: [String] = []
        var tooLong: [String] = []
        var attunedChanged: [String] = []

        mutating func add(_ other: Breaks) {
            notAttuned += other.notAttuned
            sentenceMisattunes += other.sentenceMisattunes
            keepsMinimal += other.keepsMinimal
            notStable += other.notStable
            tooLong += other.tooLong
            attunedChanged += other.attunedChanged
        }
    }

    static func sentences(_ analyzer: Analyzer, _ text: String) -> [String] {
        let tokens = analyzer.analyzeWithTrace(text, rewriting: false).trace.tokens
        return tokens.sentences.map {
            tokens.excerpt(utf16: $0.start..<$0.end).trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    /// The corpus's rewrites checked on every core; the replies' own analyses are the
    /// ones every corpus test shares.
    static func breaks() -> (Breaks, rewritten: Int) {
        let checked = Fixtures.overCorpus { reply, analyzer in
            var breaks = Breaks()
            let rewritten = check(reply, with: analyzer, into: &breaks)
            return (breaks, rewritten)
        }
        var breaks = Breaks()
        for (part, _) in checked { breaks.add(part) }
        return (breaks, checked.filter(\.1).count)
    }

    /// Checks one reply's rewrite; true when the reply misattunes and so was rewritten.
    static func check(_ reply: Fixtures.Reply, with analyzer: Analyzer, into breaks: inout Breaks) -> Bool {
        let minimal = analyzer.engine.ruleSet.rewrites.minimalWords
        let analysis = Fixtures.analysis(of: reply.id)
        let rewrite = analysis.rewrite
        guard analysis.findings.contains(where: { $0.polarity == .misattuned }) else {
            if rewrite != reply.text { breaks.attunedChanged.append(reply.id) }
            return false
        }
        let again = analyzer.analyze(rewrite, context: reply.context)
        if again.findings.contains(where: { $0.polarity == .misattuned }) || again.verdict != .attuned {
            breaks.notAttuned.append("\(reply.id): \"\(rewrite)\" is \(again.verdict)")
        }
        if again.rewrite != rewrite { breaks.notStable.append(reply.id) }
        let parts = sentences(analyzer, rewrite)
        for part in parts
        where analyzer.analyzeWithTrace(part, context: reply.context, rewriting: false).analysis.findings
            .contains(where: { $0.polarity == .misattuned })
        {
            breaks.sentenceMisattunes.append("\(reply.id): \"\(part)\"")
        }
        if analysis.bid?.kind.isEmotional == true {
            for part in parts {
                let tokens = analyzer.analyzeWithTrace(part, rewriting: false).trace.tokens
                let words = tokens.words(tokens.tokens.indices)
                if words.allSatisfy(minimal.contains) { breaks.keepsMinimal.append("\(reply.id): \"\(part)\"") }
            }
        }
        if parts.count > sentences(analyzer, reply.text).count + 2 { breaks.tooLong.append(reply.id) }
        return true
    }

    /// The invariants of issue 12 over every corpus reply. Where one cannot hold yet on
    /// every reply, the count measured is the bound, so it can only get better.
    @Test func rewritesHoldTheirInvariantsOverTheCorpus() {
        let (breaks, rewritten) = Self.breaks()
        #expect(rewritten > 500, "the corpus has misattuned replies to rewrite")
        #expect(breaks.attunedChanged.isEmpty, "attuned replies changed: \(breaks.attunedChanged)")
        #expect(breaks.keepsMinimal.isEmpty, "minimal replies kept: \(breaks.keepsMinimal)")
        #expect(breaks.tooLong.isEmpty, "more than two sentences longer: \(breaks.tooLong)")
        #expect(breaks.notStable.isEmpty, "rewriting a rewrite changes it: \(breaks.notStable)")
        #expect(breaks.sentenceMisattunes.count <= Self.sentenceBound, "\(breaks.sentenceMisattunes)")
        #expect(breaks.notAttuned.count <= Self.attunedBound, "\(breaks.notAttuned)")
    }

    /// Measured over the 2,097 corpus replies (see the commit that set them).
    static let sentenceBound = 0
    static let attunedBound = 0

    @Test func theRewriteMirrorsTheFeelingTheyNamed() {
        let analysis = Fixtures.analyzer().analyze("Just make a list.", context: "I'm so overwhelmed")
        #expect(analysis.rewrite.hasPrefix("It sounds like you're really overwhelmed."))
    }

    @Test func attunedRepliesComeBackUnchanged() {
        let text = "That sounds really hard. I'm here."
        #expect(Fixtures.analyzer().analyze(text, context: "my dog died").rewrite == text)
    }

    @Test func theSameReplyLandsDifferentlyAgainstDifferentBids() {
        let analyzer = Fixtures.analyzer()
        let reply = "Sure, I'll pick up milk on the way home."
        let distress = analyzer.analyze(reply, context: "I'm so stressed I could cry, today was awful")
        let logistics = analyzer.analyze(reply, context: "Can you grab milk on the way home?")
        #expect(distress.bid?.kind == .distress)
        #expect(logistics.bid?.kind == .request)
        #expect(distress.findings.map(\.category) == [.withdrawal])
        #expect(logistics.findings.isEmpty)
        #expect(logistics.verdict == .neutral)
        #expect(distress.score < logistics.score)
    }

    @Test func suggestionTemplatesFillFromCapturesOrFallBack() throws {
        let yaml = """
            rules:
              - id: fixing.template
                category: fixing
                weight: 3
                attune: understanding
                message: m
                suggestions:
                  - "Would it help to think through whether to {action}, or do you just need me to listen?"
                  - "Do you want ideas, or should I just listen?"
                patterns:
                  - "[@you should just? {action: @advice_verbs _{0,3}}] </s>"
                  - "[just quit]"
                examples:
                  match: ["[you should quit]"]
                  no_match: ["I should quit"]
            """
        let analyzer = try Fixtures.engine(rules: yaml).makeAnalyzer()
        let filled = analyzer.analyze("You should just quit your job").findings.first
        #expect(
            filled?.suggestions.first
                == "Would it help to think through whether to quit your job, or do you just need me to listen?")
        let plain = analyzer.analyze("ok just quit lol").findings.first
        #expect(plain?.suggestions == ["Do you want ideas, or should I just listen?"])
    }

    @Test func aTemplateWithAnUndefinedCaptureIsAnError() {
        let yaml = """
            rules:
              - id: fixing.broken-template
                category: fixing
                weight: 3
                attune: understanding
                message: m
                suggestions: ["Whether to {action}?", "plain"]
                patterns: ["@you should"]
                examples:
                  match: ["[you should]"]
                  no_match: ["I should"]
            """
        let diagnostics = Fixtures.diagnostics([("t.yaml", yaml)])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("{action}") })
    }

    @Test func everyBuiltInTemplateIsFillable() throws {
        // Loading refuses templates naming a capture no pattern defines.
        let set = try RuleSet.builtIn()
        for rule in set.rules {
            let captured = rule.patterns.reduce(into: Set<String>()) { $0.formUnion($1.captureNames) }
            for suggestion in rule.suggestions {
                #expect(Set(Template.placeholders(in: suggestion)).isSubset(of: captured), "\(rule.id)")
            }
        }
    }

    @Test func pronounsTurnAroundToBeSaidBack() {
        #expect(Pronouns.turnAround("my boss hates me") == "your boss hates you")
        #expect(Pronouns.turnAround("you never listen to me") == "I never listen to you")
        #expect(Pronouns.turnAround("I was scared and I'm tired") == "you were scared and you're tired")
        #expect(Pronouns.turnAround("Sam and Priya left") == "Sam and Priya left")
    }

    @Test func theRewriteSaysTheirOwnWordsBack() {
        let analysis = Fixtures.analyzer().analyze(
            "You should study more.", context: "i feel so stressed about my exam tomorrow")
        #expect(analysis.bid?.theirWords == "so stressed about your exam tomorrow")
        #expect(analysis.rewrite.hasPrefix("It sounds like you feel so stressed about your exam tomorrow."))
    }

    @Test func theirWordsThatWouldMisattuneAreNotSaidBack() {
        let analysis = Fixtures.analyzer().analyze("Calm down.", context: "I feel like I'm overreacting about nothing")
        #expect(!analysis.rewrite.contains("overreacting"))
        #expect(!Fixtures.analyzer().analyze(analysis.rewrite).findings.contains { $0.polarity == .misattuned })
    }
}
