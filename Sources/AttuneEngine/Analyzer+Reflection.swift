import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// Reflection: a reply that says back the feeling the bid named.
extension Analyzer {
    /// A reply word that echoes a feeling the bid named ("overwhelmed" → "overwhelming"),
    /// outside any existing validation: a small attuned finding. Not in a reply that
    /// misattunes anywhere, where an echo is more often a jab ("Ignored? I brought you
    /// a drink") than a reflection.
    func reflection(of bid: Bid, in text: TokenizedText, _ findings: [Finding]) -> Finding? {
        let feelingWords = words(ofFeelings: bid.feelings).long
        guard !feelingWords.isEmpty, !findings.contains(polarity: .misattuned) else { return nil }
        // Which tokens a validation holds, on the stack: an array was an allocation per
        // reading against a message with a feeling.
        let echoed = withUnsafeTemporaryAllocation(of: Bool.self, capacity: text.tokens.count) { validated in
            validated.initialize(repeating: false)
            // Stored fields read by index: a copy of each finding retained its strings.
            for number in findings.indices where findings[number].category.polarity == .attuned {
                for index in findings[number].tokens { validated[index] = true }
            }
            return text.tokens.indices.first { index in
                guard !text.tokens[index].flags.contains(.quoted), !validated[index] else { return false }
                let word = text.word(at: index)
                return feelingWords.contains { Self.sameStem($0, word) }
            }
        }
        guard let index = echoed else { return nil }
        var echo = Finding(
            cue: engine.ruleSet.bids.reflected, category: .validating, tokens: index..<(index + 1), in: text,
            move: .reflection)
        echo.complexReflection = false  // their own feeling word, said back
        return echo
    }

    /// A reflection goes beyond repeating the message (MITI's complex reflection) when
    /// it names a feeling the message did not: one extra pass of the feeling lists.
    func markComplexReflections(_ findings: inout [Finding], _ text: TokenizedText, _ bid: Bid) {
        let theirs = words(ofFeelings: bid.feelings).all
        let named = feelingMatches(in: text).filter { match in
            text.words(match.start..<match.end).contains { word in
                !theirs.contains { Self.sameStem($0, word) }
            }
        }
        for index in findings.indices where findings[index].move == .reflection {
            let focus = findings[index].tokens
            findings[index].complexReflection = named.contains { focus.overlaps($0.start..<$0.end) }
        }
    }

    /// The words of a bid's feelings, and those of three letters or more. Split once per
    /// message: every piece and whole rewrite read against it asks again, and splitting
    /// walked each feeling character by character.
    private func words(ofFeelings feelings: [String]) -> (all: [String], long: [String]) {
        if let known = feelingWords, known.feelings == feelings { return (known.all, known.long) }
        let all = feelings.flatMap { $0.split(separator: " ").map(String.init) }
        let long = all.filter { $0.count >= 3 }
        feelingWords = (feelings, all, long)
        return (all, long)
    }

    /// Two forms of one word: equal, or sharing their first five letters ("stressed",
    /// "stressful").
    static func sameStem(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let same = asciiSameStem(a, b) { return same }
        let shared = zip(a, b).prefix { $0 == $1 }.count
        return shared >= 5 && a.count >= 5 && b.count >= 5
    }

    /// `sameStem` on the bytes of two ASCII words (a byte is a character there, but for
    /// a carriage return), or nil for other text: every token of a reply is compared
    /// with the message's feelings, and counting characters was most of the reflection's cost.
    private static func asciiSameStem(_ a: String, _ b: String) -> Bool? {
        var (a, b) = (a, b)
        return a.withUTF8 { a in
            b.withUTF8 { b -> Bool? in
                guard isPlainASCII(a), isPlainASCII(b) else { return nil }
                guard a.count >= 5, b.count >= 5 else { return false }
                return (0..<5).allSatisfy { a[$0] == b[$0] }
            }
        }
    }

    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
