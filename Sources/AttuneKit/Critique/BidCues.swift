import Yams

/// What kind of message a reply answers (its "bid", in Gottman's sense).
public enum BidKind: String, Sendable, CaseIterable {
    case distress, complaint, goodNews = "good_news", request, neutral

    /// A bid for emotional connection: ignoring it is turning away.
    public var isEmotional: Bool { self == .distress || self == .complaint || self == .goodNews }
}

/// The declarative cues of `Rules/bids.yaml`: patterns per bid kind, in priority order,
/// and the finding given to a reply that turns away from an emotional bid.
public struct BidCues: Sendable {
    public var kinds: [(kind: BidKind, patterns: [Pattern])] = []
    /// Patterns that capture `{their_words}` in the message, to be said back to them
    /// with pronouns turned around ("I feel like my boss hates me" → "…your boss hates you").
    public var mirror: [Pattern] = []
    /// Patterns by which a reply with no finding still takes up an emotional bid: it
    /// acknowledges it ("oh no", a feeling word), asks about it ("what happened?") or
    /// responds to it (an offer, advice the rules did not flag), for any bid (`nil`) or
    /// one kind. See `Analyzer.turnsAway`.
    public var engaged: [(kind: BidKind?, patterns: [Pattern])] = []
    /// Patterns of thanking: thanks answering thanks is never turning away.
    public var thanks: [Pattern] = []
    /// Words that say nothing about what a message is about ("the", "you", "today"): a
    /// reply that shares only these with the message does not refer to what it said.
    public var functionWords: Set<String> = []
    /// The withdrawal finding for an empty or ignoring reply to an emotional bid.
    public var turnedAway = FindingCue(
        id: "withdrawal.turned-away", weight: 2, attune: .turningToward,
        message: "They reached out with a feeling, and this reply does not turn toward it.")
    /// What to say instead of turning away, per kind of bid (a flat answer to good news
    /// needs other words than a flat answer to distress).
    public var turnedAwaySuggestions: [BidKind: [String]] = [:]
    /// The validating finding for a reply that reflects a feeling the bid named.
    public var reflected = FindingCue(
        id: "validating.reflects-their-feeling", weight: 1, attune: .awareness,
        message: "You named the feeling they named: they can tell you heard it.")

    public init() {}

    /// The groups of the bid automaton after the kinds: the mirror, thanks, then one per
    /// entry of `engaged`.
    var mirrorGroup: Int { kinds.count }
    var thanksGroup: Int { kinds.count + 1 }
    func engagedGroup(_ index: Int) -> Int { kinds.count + 2 + index }
    /// Every group's patterns, in the automaton's order.
    var automatonGroups: [[Pattern]] { kinds.map(\.patterns) + [mirror, thanks] + engaged.map(\.patterns) }

    /// A finding the engine gives from the bid rather than from a rule's patterns.
    public struct FindingCue: Sendable {
        public var id: String
        public var weight: Double
        public var attune: AttuneComponent
        public var message: String
    }
}

struct BidCuesLoader {
    let lexicon: Lexicon

    func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> BidCues {
        var cues = BidCues()
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parse(file.contents), let pairs = reader.mapping(root, "bids.yaml") else { return cues }
        reader.checkKeys(
            pairs, allowed: ["kinds", "mirror", "turned_away", "reflected", "engaged", "thanks", "function_words"],
            in: "bids.yaml")
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
