import AttuneCore
import AttuneText
import Yams

/// Reads lexicon files (`lexicon/*.yaml`): `expansions`, `suffixes` and `lists`.
enum LexiconLoader {
    static let keys = ["expansions", "suffixes", "lists"]

    /// Merges every file into `lexicon`, logging problems with their locations.
    static func load(
        _ files: [(path: String, contents: String)], into lexicon: inout Lexicon, log: inout DiagnosticLog
    ) {
        for file in files {
            var reader = YAMLReader(file: file.path)
            defer { log.append(contentsOf: reader.log.diagnostics) }
            guard let pairs = reader.topLevel(file.contents, "a lexicon file", allowed: keys)?.pairs else { continue }
            for pair in pairs {
                switch pair.key {
                case "expansions":
                    readExpansions(pair.value, &reader) { lexicon.expansions[$0] = $1 }
                case "suffixes":
                    readExpansions(pair.value, &reader) { lexicon.suffixes.append(($0, $1)) }
                case "lists":
                    readLists(pair.value, &reader, into: &lexicon)
                default:
                    break
                }
            }
        }
        lexicon.suffixes.sort { $0.suffix.count > $1.suffix.count }
    }

    private static func readExpansions(
        _ node: Node, _ reader: inout YAMLReader, add: (String, [String]) -> Void
    ) {
        guard let pairs = reader.mapping(node, "expansions") else { return }
        for pair in pairs {
            guard let value = reader.string(pair.value, "the expansion of '\(pair.key)'") else { continue }
            let words = value.split(separator: " ").map(String.init)
            guard !words.isEmpty else {
                reader.log.error(reader.at(pair.value), "the expansion of '\(pair.key)' is empty")
                continue
            }
            if pair.key != pair.key.lowercased() {
                reader.log.error(
                    reader.at(pair.keyNode), "'\(pair.key)' has capitals, but tokens are case-folded first")
            }
            add(pair.key, words)
        }
    }

    private static func readLists(_ node: Node, _ reader: inout YAMLReader, into lexicon: inout Lexicon) {
        guard let pairs = reader.mapping(node, "lists") else { return }
        for pair in pairs {
            if let existing = lexicon.lists[pair.key] {
                reader.log.error(
                    reader.at(pair.keyNode), "word list '\(pair.key)' is already defined at \(existing.location)")
                continue
            }
            guard let items = reader.strings(pair.value, "word list '\(pair.key)'") else { continue }
            var entries: [[String]] = []
            var locations: [SourceLocation] = []
            var seen: Set<String> = []
            for (item, itemNode) in items {
                let words = item.split(separator: " ").map(String.init)
                if words.isEmpty {
                    reader.log.error(reader.at(itemNode), "empty entry in word list '\(pair.key)'")
                } else if !seen.insert(words.joined(separator: " ")).inserted {
                    reader.log.warning(reader.at(itemNode), "'\(item)' appears twice in word list '\(pair.key)'")
                } else {
                    entries.append(words)
                    locations.append(reader.at(itemNode))
                }
            }
            lexicon.lists[pair.key] = WordList(
                name: pair.key, entries: entries, location: reader.at(pair.keyNode), entryLocations: locations)
        }
    }

    /// After all files are read: entries that normalization can never produce.
    static func checkContract(_ lexicon: Lexicon, log: inout DiagnosticLog) {
        for list in lexicon.lists.values.sorted(by: { $0.location < $1.location }) {
            for (entry, location) in zip(list.entries, list.entryLocations) {
                for word in entry {
                    if let problem = NormalizationContract.problem(with: word, lexicon: lexicon) {
                        log.warning(location, "word list '\(list.name)': \(problem)")
                    }
                }
            }
        }
    }
}
