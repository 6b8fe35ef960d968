import AttuneCore
import AttuneRules
import AttuneText
import Yams

package struct BidCuesLoader {
    let lexicon: Lexicon

    package init(lexicon: Lexicon) { self.lexicon = lexicon }

    package func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> BidCues {
        var cues = BidCues()
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        let keys = ["kinds", "mirror", "turned_away", "reflected", "engaged", "thanks", "function_words"]
        guard let pairs = reader.topLevel(file.contents, "bids.yaml", allowed: keys)?.pairs else { return cues }
        for pair in pairs where pair.key == "thanks" {
            cues.thanks = patterns(pair.value, "'thanks'", &reader)
        }
        for pair in pairs where pair.key == "engaged" {
            for entry in reader.mapping(pair.value, "'engaged' (patterns under 'any' or a bid kind)") ?? [] {
                let kind = BidKind(rawValue: entry.key)
                guard entry.key == "any" || kind?.isEmotional == true else {
                    reader.log.error(
                        reader.at(entry.keyNode),
                        RuleFileLoader.unknown("key", entry.key, ["any", "distress", "complaint", "good_news"]))
                    continue
                }
                cues.engaged.append((kind, patterns(entry.value, "'\(entry.key)'", &reader)))
            }
        }
        for pair in pairs where pair.key == "function_words" {
            for (word, node) in reader.strings(pair.value, "'function_words'") ?? [] {
                if let problem = NormalizationContract.problem(with: word, lexicon: lexicon) {
                    reader.log.warning(reader.at(node), "function word: \(problem)")
                }
                cues.functionWords.insert(word)
            }
        }
        for pair in pairs where pair.key == "mirror" {
            for (source, node) in reader.strings(pair.value, "'mirror'") ?? [] {
                guard let pattern = RuleFileLoader(lexicon: lexicon).parsePattern(source, node, &reader) else {
                    continue
                }
                if !pattern.captureNames.contains("their_words") {
                    reader.log.error(reader.at(node), "a mirror pattern captures {their_words: ...}")
                }
                cues.mirror.append(pattern)
            }
        }
        for pair in pairs where pair.key == "kinds" {
            guard let kinds = reader.mapping(pair.value, "'kinds'") else { continue }
            for kindPair in kinds {
                guard let kind = BidKind(rawValue: kindPair.key), kind != .neutral else {
                    reader.log.error(
                        reader.at(kindPair.keyNode),
                        RuleFileLoader.unknown("bid kind", kindPair.key, BidKind.allCases.dropLast().map(\.rawValue)))
                    continue
                }
                let sources = reader.strings(kindPair.value, "the patterns of '\(kindPair.key)'") ?? []
                var patterns: [Pattern] = []
                for (source, node) in sources {
                    if let pattern = RuleFileLoader(lexicon: lexicon).parsePattern(source, node, &reader) {
                        patterns.append(pattern)
                    }
                }
                cues.kinds.append((kind, patterns))
            }
        }
        for pair in pairs where pair.key == "reflected" {
            readCue(pair.value, "'reflected'", into: &cues.reflected, &reader) { _, _, _ in }
        }
        for pair in pairs where pair.key == "turned_away" {
            var suggestions: [BidKind: [String]] = [:]
            defer { cues.turnedAwaySuggestions = suggestions }
            readCue(pair.value, "'turned_away'", into: &cues.turnedAway, &reader, extra: "suggestions") {
                _, node, reader in
                for entry in reader.mapping(node, "'suggestions' (a list per bid kind)") ?? [] {
                    guard let kind = BidKind(rawValue: entry.key), kind.isEmotional else {
                        reader.log.error(
                            reader.at(entry.keyNode),
                            RuleFileLoader.unknown(
                                "emotional bid kind", entry.key, ["distress", "complaint", "good_news"]))
                        continue
                    }
                    suggestions[kind] = reader.strings(entry.value, "'\(entry.key)'")?.map(\.0) ?? []
                }
            }
        }
        return cues
    }

    private func patterns(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> [Pattern] {
        (reader.strings(node, what) ?? []).compactMap {
            RuleFileLoader(lexicon: lexicon).parsePattern($0.0, $0.1, &reader)
        }
    }

    /// Reads the id, weight, ATTUNE component and message of an engine finding; an
    /// `extra` key, if named, goes to `readExtra`.
    private func readCue(
        _ node: Node, _ what: String, into cue: inout BidCues.FindingCue, _ reader: inout YAMLReader,
        extra: String? = nil, readExtra: (String, Node, inout YAMLReader) -> Void
    ) {
        guard let fields = reader.mapping(node, what) else { return }
        reader.checkKeys(fields, allowed: ["id", "weight", "attune", "message"] + (extra.map { [$0] } ?? []), in: what)
        for field in fields {
            switch field.key {
            case "id": cue.id = reader.string(field.value, "'id'") ?? cue.id
            case "weight": cue.weight = reader.number(field.value, "'weight'", in: 1...5) ?? cue.weight
            case "message": cue.message = reader.string(field.value, "'message'") ?? cue.message
            case "attune":
                guard let text = reader.string(field.value, "'attune'") else { continue }
                if let component = AttuneComponent(rawValue: text) {
                    cue.attune = component
                } else {
                    reader.log.error(
                        reader.at(field.value),
                        RuleFileLoader.unknown("ATTUNE component", text, AttuneComponent.allCases.map(\.rawValue)))
                }
            default: readExtra(field.key, field.value, &reader)
            }
        }
    }
}
