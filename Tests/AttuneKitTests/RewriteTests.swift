@testable import AttuneKit
import Foundation
import Testing

/// The rewrite's promises, over every reply in the corpus (issue: rewrites).
@Suite struct RewriteTests {
    /// Names, numbers and times as a reader sees them: words with a digit, and
    /// capitalized words that do not open a sentence.
    static func facts(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var result: [String] = []
        for (index, raw) in words.enumerated() {
            let word = raw.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            guard !word.isEmpty else { continue }
            let opensSentence = index == 0 || words[index - 1].last.map { ".!?".contains($0) } ?? false
            let isName =
                !opensSentence && word.first!.isUppercase && word.dropFirst().contains(where: \.isLowercase)
                && word != "I" && !word.hasPrefix("I'") && !word.hasPrefix("I’")
            if word.contains(where: \.isNumber) || isName { result.append(word) }
        }
        return result
    }

    static func sentenceCount(_ analyzer: Analyzer, _ text: String) -> Int {
        analyzer.analyzeWithTrace(text).trace.tokens.sentences.count
    }

    @Test func rewritesAttuneAndKeepEverythingElse() {
        let analyzer = Fixtures.analyzer()
        for reply in Fixtures.corpus {
            let analysis = analyzer.analyze(reply.text, context: reply.context)
            let rewrite = analysis.rewrite
            guard analysis.findings.contains(where: { $0.polarity == .misattuned }) else {
                #expect(rewrite == reply.text, "\(reply.id): a reply with nothing misattuned comes back unchanged")
                continue
            }
            let again = analyzer.analyze(rewrite, context: reply.context)
            #expect(
                !again.findings.contains { $0.polarity == .misattuned },
                "\(reply.id): \"\(rewrite)\" still has \(again.findings.filter { $0.polarity == .misattuned }.map(\.rule))"
            )
            #expect(again.verdict == .attuned, "\(reply.id): \"\(rewrite)\" is \(again.verdict) (\(again.score))")
            #expect(again.rewrite == rewrite, "\(reply.id): rewriting a rewrite changes it")
            for fact in Self.facts(in: reply.text) {
                #expect(rewrite.contains(fact), "\(reply.id): \"\(rewrite)\" drops \"\(fact)\"")
            }
            #expect(
                Self.sentenceCount(analyzer, rewrite) <= Self.sentenceCount(analyzer, reply.text) + 2,
                "\(reply.id): \"\(rewrite)\" is more than two sentences longer")
        }
    }

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
