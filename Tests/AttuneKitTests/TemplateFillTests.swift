import AttuneRules
import Testing

/// An ASCII template is filled from its bytes; the result must be what reading it by
/// characters gives, for every value, missing name and stray brace.
@Suite struct TemplateFillTests {
    @Test func bytesAgreeWithCharacters() {
        let values = [
            "feeling": "overwhelmed", "advice": "take a break", "their_words": "my boss yelled at me 😡",
            "empty": "", "accented": "étude\u{301}", "braces": "{feeling}",
        ]
        var templates = [
            "", "{feeling}", "It sounds like you feel {feeling}.", "{advice}? Would that help?", "{missing} here",
            "{empty}", "a { b", "} {feeling", "{{feeling}}", "{feeling}{advice}", "x {accented} y", "{braces}",
            "you said \"{their_words}\"",
        ]
        var random = SeededGenerator(seed: 5)
        let pieces = ["{", "}", "feeling", "advice", "empty", "their_words", "missing", " ", "a", ".", "?", "\r\n"]
        for _ in 0..<2_000 {
            templates.append(
                (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        let disagreements = templates.filter {
            Template.fill($0, values) != Template.fillByCharacters($0, values)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
