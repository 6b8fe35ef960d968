/// Whether a text reads as English, the language every rule is written in. A reply in
/// another language matches nothing and would score a silent, misleading 50; knowing
/// it was not read lets the report say so.
public enum Language: String, Sendable {
    case english = "en"
    case other
}

/// The word lists of `Rules/languages.yaml`, indexed for lookup: which words are
/// evidence for English and, for each other word, the languages it is evidence for.
/// A word listed for English and for another language is evidence for neither.
public struct LanguageProfile: Sendable {
    /// Language codes of the other languages, in file order.
    public internal(set) var languages: [String] = []
    var english: Set<String> = []
    /// Word → indices into `languages`.
    var others: [String: [Int]] = [:]

    public init() {}

    /// No lists: only the script of the letters can tell another language.
    public var isEmpty: Bool { english.isEmpty && others.isEmpty }

    package init(english: [String], others: [(code: String, words: [String])]) {
        self.english = Set(english)
        languages = others.map(\.code)
        for (index, language) in others.enumerated() {
            for word in Set(language.words) where !self.english.contains(word) {
                self.others[word, default: []].append(index)
            }
        }
    }

    /// What `word` (lowercase, straight apostrophes) is evidence for: English, some
    /// other languages, or nothing (`nil`).
    func evidence(_ word: String) -> (english: Bool, languages: [Int])? {
        if english.contains(word) { return (true, []) }
        if let languages = others[word] { return (false, languages) }
        return nil
    }
}

/// Reads a text's language from the words it uses and the script of its letters, in
/// one pass over its characters: no model, no network.
package struct LanguageGuesser {
    package let profile: LanguageProfile

    /// Words of one other language a text needs before it is read as that language:
    /// fewer is not enough to overrule English ("danke!", "gracias amigo").
    package static let minimumEvidence = 3
    /// And how many times the English words it must outnumber: a Spanish phrase quoted
    /// in an English reply leaves it English.
    package static let dominance = 2
    /// Letters of a non-Latin script a text needs, when they are most of its letters,
    /// to read as another language: one "ツ" in a shrug "¯\_(ツ)_/¯" is not Japanese.
    package static let minimumScriptLetters = 3
    /// Endings after an apostrophe that make an English contraction ("shouldn't",
    /// "we're", "Sam's").
    package static let englishClitics: Set<String> = ["t", "s", "re", "ve", "ll", "m", "d"]

    package func guess(_ text: String) -> Language {
        var latin = 0
        var nonLatin = 0
        var english = 0
        var counts = Array(repeating: 0, count: profile.languages.count)
        var word = String.UnicodeScalarView()

        func count(_ word: String, othersOnly: Bool = false) {
            guard let evidence = profile.evidence(word) else { return }
            if evidence.english {
                if !othersOnly { english += 1 }
            } else {
                for language in evidence.languages { counts[language] += 1 }
            }
        }
        func finishWord() {
            guard !word.isEmpty else { return }
            defer { word.removeAll(keepingCapacity: true) }
            guard !profile.isEmpty else { return }
            var text = String(word).lowercased()
            while text.hasSuffix("'") { text.removeLast() }
            if profile.evidence(text) != nil {
                count(text)
            } else if let apostrophe = text.firstIndex(of: "'") {
                // "l'homme", "c'est", "dell'amore": the elided word and the word itself;
                // "shouldn't": an English contraction the list does not name.
                let rest = String(text[text.index(after: apostrophe)...])
                if Self.englishClitics.contains(rest) {
                    english += 1
                } else {
                    count(String(text[...apostrophe]), othersOnly: true)
                    count(rest)
                }
            }
        }

        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                if Self.isLatin(scalar) { latin += 1 } else { nonLatin += 1 }
                word.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty {
                word.append("'")
            } else {
                finishWord()
            }
        }
        finishWord()

        if nonLatin >= Self.minimumScriptLetters && nonLatin > latin { return .other }
        let best = counts.max() ?? 0
        if best >= Self.minimumEvidence && best >= Self.dominance * english { return .other }
        return .english
    }

    /// Letters of the Latin script, with its accented and extended forms.
    package static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F,
            0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true
        default:
            return false
        }
    }

    /// Memberwise, for the loaders in other targets.
    package init(
        profile: LanguageProfile
    ) {
        self.profile = profile
    }
}
