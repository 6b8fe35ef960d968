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
    /// The withdrawal finding for an empty or ignoring reply to an emotional bid.
    public var turnedAway = TurnedAway()
    /// The validating finding for a reply that reflects a feeling the bid named.
    public var reflected = Reflected()

    public struct Reflected: Sendable {
        public var id = "validating.reflects-their-feeling"
        public var weight = 1.0
        public var attune = AttuneComponent.awareness
        public var message = "You named the feeling they named: they can tell you heard it."
    }

    public init() {}

    public struct TurnedAway: Sendable {
        public var id = "withdrawal.turned-away"
        public var weight = 1.0
        public var attune = AttuneComponent.turningToward
        public var message = "The message you are answering reaches out with a feeling, and this reply does not turn toward it."
        /// What to say instead, per kind of bid (a flat answer to good news needs
        /// other words than a flat answer to distress).
        public var suggestions: [BidKind: [String]] = [:]
    }
}

struct BidCuesLoader {
    let lexicon: Lexicon

    func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> BidCues {
        var cues = BidCues()
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parse(file.contents), let pairs = reader.mapping(root, "bids.yaml") else { return cues }
        reader.checkKeys(pairs, allowed: ["kinds", "mirror", "turned_away", "reflected"], in: "bids.yaml")
        for pair in pairs where pair.key == "mirror" {
            for (source, node) in reader.strings(pair.value, "'mirror'") ?? [] {
                guard let pattern = RuleFileLoader(lexicon: lexicon).parsePattern(source, node, &reader) else { continue }
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
            guard let fields = reader.mapping(pair.value, "'reflected'") else { continue }
            reader.checkKeys(fields, allowed: ["id", "weight", "attune", "message"], in: "'reflected'")
            for field in fields {
                switch field.key {
                case "id": cues.reflected.id = reader.string(field.value, "'id'") ?? cues.reflected.id
                case "weight": cues.reflected.weight = reader.number(field.value, "'weight'", in: 0.5...5) ?? 1
                case "message": cues.reflected.message = reader.string(field.value, "'message'") ?? ""
                case "attune":
                    if let text = reader.string(field.value, "'attune'"), let component = AttuneComponent(rawValue: text) {
                        cues.reflected.attune = component
                    } else {
                        reader.log.error(reader.at(field.value), RuleFileLoader.unknown("ATTUNE component", YAMLReader.kind(field.value), AttuneComponent.allCases.map(\.rawValue)))
                    }
                default: break
                }
            }
        }
        for pair in pairs where pair.key == "turned_away" {
            guard let fields = reader.mapping(pair.value, "'turned_away'") else { continue }
            reader.checkKeys(fields, allowed: ["id", "weight", "attune", "message", "suggestions"], in: "'turned_away'")
            for field in fields {
                switch field.key {
                case "id": cues.turnedAway.id = reader.string(field.value, "'id'") ?? cues.turnedAway.id
                case "weight": cues.turnedAway.weight = reader.number(field.value, "'weight'", in: 0.5...5) ?? 1
                case "message": cues.turnedAway.message = reader.string(field.value, "'message'") ?? ""
                case "suggestions":
                    for entry in reader.mapping(field.value, "'suggestions' (a list per bid kind)") ?? [] {
                        guard let kind = BidKind(rawValue: entry.key), kind.isEmotional else {
                            reader.log.error(
                                reader.at(entry.keyNode),
                                RuleFileLoader.unknown("emotional bid kind", entry.key, ["distress", "complaint", "good_news"]))
                            continue
                        }
                        cues.turnedAway.suggestions[kind] = reader.strings(entry.value, "'\(entry.key)'")?.map(\.0) ?? []
                    }
                case "attune":
                    if let text = reader.string(field.value, "'attune'") {
                        if let component = AttuneComponent(rawValue: text) {
                            cues.turnedAway.attune = component
                        } else {
                            reader.log.error(reader.at(field.value), RuleFileLoader.unknown("ATTUNE component", text, AttuneComponent.allCases.map(\.rawValue)))
                        }
                    }
                default: break
                }
            }
        }
        return cues
    }
}
