import AttuneKit
import Foundation
import Testing

/// A rule example that copies a corpus reply makes the corpus grade the rule on its own
/// homework: the reply is matched because it was written into the rule. This keeps the
/// two apart, so the corpus figures (and the held-out fifth above all) stay honest.
@Suite struct ExampleCorpusSeparationTests {
    /// Replies this short ("k", "Fine.", "Not now.") are the words themselves, shared by
    /// any two people who write them; from four words on, a shared reply is a copy.
    static let minimumWords = 4

    static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func noRuleExampleCopiesACorpusReply() throws {
        let replies = Set(
            Fixtures.corpus.map { Self.folded($0.text) }
                .filter { $0.split(separator: " ").count >= Self.minimumWords })
        #expect(replies.count > 1000)
        var copies: [String] = []
        for rule in try RuleSet.builtIn().rules {
            for example in rule.examples where replies.contains(Self.folded(example.text)) {
                copies.append("\(example.location): \(rule.id) copies a corpus reply")
            }
        }
        #expect(copies.isEmpty, "\(copies.count) examples copy corpus replies:\n\(copies.joined(separator: "\n"))")
    }

    @Test func foldingIgnoresCaseApostrophesAndSpacing() {
        #expect(Self.folded("I  didn\u{2019}t MEAN it") == Self.folded("i didn't mean it"))
        #expect(Self.folded("I didn't mean it") != Self.folded("I did mean it"))
    }
}
