@testable import AttuneKit
import Testing

/// The rewrite's one-pass search for the facts it carries over finds exactly what a
/// search per phrase finds.
@Suite struct PhraseSearchTests {
    @Test func findsWhatContainsFinds() {
        var random = SeededGenerator(seed: 7)
        let alphabet = ["a", "b", "1", ":", " ", "é", "😢"]
        func text(_ length: Int) -> String {
            (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        for _ in 0..<300 {
            let body = text(Int.random(in: 0...40, using: &random))
            let phrases = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                text(Int.random(in: 1...4, using: &random))
            }
            let found = PhraseSearch(phrases).found(in: body)
            for phrase in phrases {
                #expect(found.contains(phrase) == Array(body.utf8).occurs(Array(phrase.utf8)), "\(phrase) in \(body)")
            }
        }
    }

    @Test func aRewriteStillCarriesOverFactsFromReplacedSentences() {
        let analysis = Fixtures.analyzer().analyze(
            "You should just talk to Sarah at 9:30. Sarah will know.", context: "I had an awful day at work")
        #expect(analysis.rewrite.contains("9:30"), "\(analysis.rewrite)")
    }
}

extension Array where Element == UInt8 {
    /// Whether `other` occurs as a contiguous run, searched naively.
    func occurs(_ other: [UInt8]) -> Bool {
        guard other.count <= count else { return false }
        return (0...(count - other.count)).contains { Array(self[$0..<($0 + other.count)]) == other }
    }
}
