import AttuneKit
@testable import AttuneEngine
@testable import AttuneMatching
import Foundation
import Testing

/// The rewrite is built per sentence (issue 12): what serves them is kept, what does not
/// is let go, and each template fits the moment it is used in.
@Suite struct RewriteMovesTests {
    static func rewrite(_ reply: String, to context: String) -> String {
        Fixtures.analyzer().analyze(reply, context: context).rewrite
    }

    @Test func unflaggedHurtNextToFlaggedHurtIsLetGo() {
        let boss = Self.rewrite(
            "Everyone's boss yells sometimes. You'll get over it lol",
            to: "My boss yelled at me in front of everyone today")
        #expect(!boss.contains("Everyone's boss"), "\(boss)")
        let week = Self.rewrite(
            "Stop whining. I've had a way worse week than you and you don't hear me complaining.",
            to: "This week has been awful, I'm exhausted")
        #expect(!week.contains("worse week"), "\(week)")
        let apology = Self.rewrite(
            "I'm sorry. Don't turn this into a thing about me.", to: "You forgot my birthday again")
        #expect(apology.contains("I'm sorry."), "\(apology)")
        #expect(!apology.contains("Don't turn this"), "\(apology)")
    }

    @Test func aMinimalReplyIsNotKeptAfterAnEmotionalBid() {
        let cases = [
            ("k", "My dog died this morning"),
            ("Okay.", "You never listen to me"),
            ("Cool. Did you remember to pay the electric bill?", "I got the job!!"),
        ]
        for (reply, context) in cases {
            let rewrite = Self.rewrite(reply, to: context)
            for minimal in ["k", "Okay.", "Cool."] {
                #expect(!rewrite.hasSuffix(" " + minimal) && !rewrite.contains(" \(minimal) "), "\(rewrite)")
            }
            #expect(!rewrite.contains("electric bill"), "a topic switch stays out: \(rewrite)")
        }
    }

    @Test func theRepairForWithdrawalOnlyAnswersAConflict() {
        let overwhelmed = Self.rewrite(
            "whatever. I don't want to talk about this right now.", to: "I'm so overwhelmed, I can't keep up")
        #expect(!overwhelmed.contains("calm down"), "\(overwhelmed)")
        let conflict = Self.rewrite(
            "whatever. I don't want to talk about this right now.", to: "You never listen to me when I talk")
        #expect(conflict.contains("calm down"), "\(conflict)")
    }

    @Test func upsetWithMeOnlyAnswersAComplaintAboutTheReplier() {
        let analyzer = Fixtures.analyzer()
        let other = analyzer.analyze(
            "Just ignore her, it's not a big deal.", context: "My sister is so unfair, I hate it")
        #expect(!other.rewrite.contains("upset with me"), "\(other.rewrite)")
        let mine = analyzer.analyze("I didn't mean it like that.", context: "You forgot my birthday again")
        #expect(mine.bid?.aboutReplier == true)
        #expect(mine.rewrite.contains("upset with me"), "\(mine.rewrite)")
    }

    @Test func namesAndNumbersAreNotCarriedInAFiller() {
        let rewrite = Self.rewrite(
            "I didn't mean it like that. I was busy at work until 9 with Mark, you know that.",
            to: "You forgot my birthday again")
        #expect(!rewrite.contains("hear more about"), "\(rewrite)")
    }

    @Test func adviceIsOfferedWithPermissionAndKeepsItsContent() {
        let rewrite = Self.rewrite(
            "I think you should try limiting your screen time in your phone settings.",
            to: "I can't sleep, I'm on my phone all night and I feel awful")
        #expect(rewrite.contains("Can I share an idea?"), "\(rewrite)")
        #expect(rewrite.contains("limiting your screen time in your phone settings"), "\(rewrite)")
    }

    @Test func aSuggestionReplacesTheWholeSentenceItSitsIn() throws {
        let text = "He lied again. Honestly I think you should dump him, he does this to everyone. Anyway."
        let analysis = Fixtures.analyzer().analyze(text, context: "My boyfriend lied to me again")
        let finding = try #require(analysis.findings.first { $0.category == .fixing })
        let characters = Array(text)
        let sentence = String(characters[finding.replace])
        #expect(sentence == "Honestly I think you should dump him, he does this to everyone.")
        #expect(
            analysis.json().contains(
                #""replace":{"start":\#(finding.replace.lowerBound),"end":\#(finding.replace.upperBound)}"#))
    }

    @Test func noBuiltInSuggestionOrTemplateMisattunes() throws {
        let diagnostics = try SuggestionLint.check(Fixtures.engine)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func lintReportsASuggestionThatTripsARuleWithItsLine() throws {
        let yaml = """
            rules:
              - id: fixing.lint-me
                category: fixing
                weight: 3
                attune: understanding
                message: m
                suggestions:
                  - "Do you want to talk about it?"
                  - "You should take a break."
                patterns: ["@you should"]
                examples:
                  match: ["[you should]"]
                  no_match: ["I should"]
            """
        let engine = try Fixtures.engine(rules: yaml, file: "lint.yaml")
        let diagnostics = try SuggestionLint.check(engine).filter { $0.message.contains("fixing.lint-me") }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 9, "\(diagnostics)")
        #expect(diagnostics.first?.location.file.hasSuffix("lint.yaml") == true)
    }
}
