import Foundation

/// Turns the other person's words around so they can be said back to them:
/// "my boss hates me" → "your boss hates you", "you never listen" → "I never listen".
enum Pronouns {
    private static let swaps: [String: String] = [
        "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
        "i'm": "you're", "im": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd",
        "we": "we", "you": "I", "your": "my", "yours": "mine", "yourself": "myself",
        "you're": "I'm", "you've": "I've", "you'll": "I'll", "you'd": "I'd", "u": "I", "ur": "your",
        "am": "are",
    ]

    /// The words of `text` with first and second person swapped; other words as written.
    static func turnAround(_ text: String) -> String {
        var words: [String] = []
        var previous = ""
        for raw in text.split(separator: " ", omittingEmptySubsequences: true) {
            let word = String(raw)
            let key = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            var turned = swaps[key] ?? word
            // "you are" said to me becomes "I am"; "I was" becomes "you were".
            if key == "are" && previous == "you" { turned = "am" }
            if key == "was" && previous == "i" { turned = "were" }
            if key == "were" && previous == "you" { turned = "was" }
            words.append(turned)
            previous = key
        }
        return words.joined(separator: " ")
    }
}
