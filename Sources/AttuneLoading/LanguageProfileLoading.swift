import AttuneCore
import AttuneRules
import AttuneText
import Yams

extension LanguageProfile {
    /// Reads `languages.yaml`: `english:` a list of words, `others:` a list per language
    /// code. Words are looked up lowercased, with straight apostrophes, one word each.
    static func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> LanguageProfile {
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let pairs = reader.topLevel(file.contents, "languages.yaml", allowed: ["english", "others"])?.pairs else {
            return LanguageProfile()
        }
        var english: [String] = []
        var others: [(code: String, words: [String])] = []
        for pair in pairs {
            switch pair.key {
            case "english":
                english = words(pair.value, "'english'", &reader)
            case "others":
                for language in reader.mapping(pair.value, "'others' (a list of words per language)") ?? [] {
                    others.append((language.key, words(language.value, "'\(language.key)'", &reader)))
                }
            default:
                break
            }
        }
        return LanguageProfile(english: english, others: others)
    }

    private static func words(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for (word, wordNode) in reader.strings(node, what) ?? [] {
            if word.isEmpty || word.contains(where: \.isWhitespace) {
                reader.log.error(reader.at(wordNode), "'\(word)' in \(what) is not one word")
            } else if word != word.lowercased() {
                reader.log.error(reader.at(wordNode), "'\(word)' has capitals, but words are looked up lowercased")
            } else if word.contains("\u{2019}") {
                reader.log.error(reader.at(wordNode), "'\(word)' has a curly apostrophe; write a straight one")
            } else if !seen.insert(word).inserted {
                reader.log.warning(reader.at(wordNode), "'\(word)' appears twice in \(what)")
            } else {
                result.append(word)
            }
        }
        return result
    }
}
