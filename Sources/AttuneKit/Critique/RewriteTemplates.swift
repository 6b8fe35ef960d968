import Yams

/// The declarative side of rewriting (`Rules/rewrites.yaml`): what replaces a misattuned
/// sentence of each category, the validation that opens a rewrite, the advice offered
/// with permission, the question that closes it, and the cues by which a sentence is
/// kept (an apology, an offer) or let go (a bare "ok").
public struct RewriteTemplates: Sendable {
    /// Replacement sentence per misattuned category, used where it fits the moment:
    /// `defensiveness` only answering a complaint about the replier, `withdrawal` only
    /// when the reply withdrew from such a conflict (see `Rewriter`).
    public var replace: [Category: String] = [
        .fixing: "Do you want ideas, or would it help more if I just listen for now?",
        .minimizing: "It makes sense that this is getting to you.",
        .defensiveness: "That's fair, and I'm sorry for my part in it.",
        .withdrawal: "I need a few minutes to calm down, and then I want to talk about this properly.",
    ]
    /// Advice kept as an offer: `{advice}` is what they were told to do, as a verb phrase.
    public var advice = "Can I share an idea? When it's this hard, some people find it helps to {advice}."
    /// Opening validation, with `{feeling}` mirroring the bid's first feeling word.
    public var openWithFeeling = "It sounds like you're really {feeling}."
    public var openWithoutFeeling = "That sounds really hard."
    /// Their own words said back, pronouns turned around: `{their_words}`.
    public var openWithTheirWords = "It sounds like you feel {their_words}."
    public var openForGoodNews = "That's wonderful news, congratulations!"
    /// Only for a complaint about the replier.
    public var openForComplaint = "I can see why you're upset with me."
    /// The one question that invites more, per bid kind.
    public var questions: [BidKind: String] = [
        .distress: "Do you want to tell me more about it?",
        .complaint: "What would help most right now?",
        .goodNews: "How are you feeling about it?",
    ]
    /// Words that start advice, before the verb phrase that is its content ("you should").
    public var adviceFrames: [String] = []
    /// Frames followed by a gerund ("have you tried"): the content reads "try {rest}".
    public var adviceGerundFrames: [String] = []
    /// Phrases (normalized tokens) that make a sentence an apology or an offer.
    public var apologyCues: [String] = ["sorry", "apologize", "apologise", "my bad", "my fault"]
    public var offerCues: [String] = ["i will", "i can", "i could", "let me", "want me to", "i am here"]
    /// Tokens that alone make a minimal reply ("k", "ok cool").
    public var minimalWords: Set<String> = ["k", "ok", "okay", "cool", "fine", "thanks", "sure"]
    /// Where each template was read, to report one that misattunes with its line.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    /// Every template with the placeholders left in, keyed as in `locations`.
    public var all: [(key: String, text: String)] {
        var result = Category.allCases.compactMap { category in
            replace[category].map { ("replace.\(category.rawValue)", $0) }
        }
        result += [
            ("advice", advice), ("open.with_feeling", openWithFeeling), ("open.without_feeling", openWithoutFeeling),
            ("open.with_their_words", openWithTheirWords), ("open.good_news", openForGoodNews),
            ("open.complaint", openForComplaint),
        ]
        result += BidKind.allCases.compactMap { kind in questions[kind].map { ("question.\(kind.rawValue)", $0) } }
        return result
    }

    static func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> RewriteTemplates {
        var templates = RewriteTemplates()
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parse(file.contents), let pairs = reader.mapping(root, "rewrites.yaml") else {
            return templates
        }
        reader.checkKeys(pairs, allowed: ["replace", "advice", "open", "question", "keep"], in: "rewrites.yaml")
        for pair in pairs {
            switch pair.key {
            case "replace":
                for entry in reader.mapping(pair.value, "'replace'") ?? [] {
                    guard let category = Category(rawValue: entry.key), category.polarity == .misattuned else {
                        reader.log.error(
                            reader.at(entry.keyNode), "'replace' takes the misattuned categories, not '\(entry.key)'")
                        continue
                    }
                    if let text = template(entry.value, "replace.\(entry.key)", allowed: [], &reader, &templates) {
                        templates.replace[category] = text
                    }
                }
            case "advice": loadAdvice(pair.value, &reader, &templates)
            case "open": loadOpeners(pair.value, &reader, &templates)
            case "question":
                for entry in reader.mapping(pair.value, "'question'") ?? [] {
                    guard let kind = BidKind(rawValue: entry.key), kind.isEmotional else {
                        reader.log.error(
                            reader.at(entry.keyNode), "'question' takes the emotional bid kinds, not '\(entry.key)'")
                        continue
                    }
                    if let text = template(entry.value, "question.\(entry.key)", allowed: [], &reader, &templates) {
                        templates.questions[kind] = text
                    }
                }
            case "keep": loadCues(pair.value, &reader, &templates)
            default: break
            }
        }
        return templates
    }

    private static func loadAdvice(_ node: Node, _ reader: inout YAMLReader, _ templates: inout RewriteTemplates) {
        guard let fields = reader.mapping(node, "'advice'") else { return }
        reader.checkKeys(fields, allowed: ["offer", "frames", "gerund_frames"], in: "'advice'")
        for field in fields {
            switch field.key {
            case "offer":
                if let text = template(field.value, "advice", allowed: ["advice"], &reader, &templates) {
                    templates.advice = text
                }
            case "frames": templates.adviceFrames = phrases(field.value, "'frames'", &reader)
            case "gerund_frames": templates.adviceGerundFrames = phrases(field.value, "'gerund_frames'", &reader)
            default: break
            }
        }
    }

    private static func loadOpeners(_ node: Node, _ reader: inout YAMLReader, _ templates: inout RewriteTemplates) {
        guard let fields = reader.mapping(node, "'open'") else { return }
        reader.checkKeys(
            fields, allowed: ["with_their_words", "with_feeling", "without_feeling", "good_news", "complaint"],
            in: "'open'")
        let allowed: [String: Set<String>] = ["with_feeling": ["feeling"], "with_their_words": ["their_words"]]
        for field in fields {
            guard
                let text = template(
                    field.value, "open.\(field.key)", allowed: allowed[field.key] ?? [], &reader, &templates)
            else { continue }
            switch field.key {
            case "with_feeling": templates.openWithFeeling = text
            case "with_their_words": templates.openWithTheirWords = text
            case "without_feeling": templates.openWithoutFeeling = text
            case "good_news": templates.openForGoodNews = text
            case "complaint": templates.openForComplaint = text
            default: break
            }
        }
    }

    private static func loadCues(_ node: Node, _ reader: inout YAMLReader, _ templates: inout RewriteTemplates) {
        guard let fields = reader.mapping(node, "'keep'") else { return }
        reader.checkKeys(fields, allowed: ["apology", "offer", "minimal"], in: "'keep'")
        for field in fields {
            let words = phrases(field.value, "'\(field.key)'", &reader)
            switch field.key {
            case "apology": templates.apologyCues = words
            case "offer": templates.offerCues = words
            case "minimal": templates.minimalWords = Set(words)
            default: break
            }
        }
    }

    /// Lower-case phrases, as the normalized tokens they must match read.
    private static func phrases(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> [String] {
        (reader.strings(node, what) ?? []).map { $0.0.lowercased() }
    }

    private static func template(
        _ node: Node, _ key: String, allowed: Set<String>, _ reader: inout YAMLReader,
        _ templates: inout RewriteTemplates
    ) -> String? {
        guard let text = reader.string(node, "'\(key)'") else { return nil }
        for name in Template.placeholders(in: text) where !allowed.contains(name) {
            let choices = allowed.isEmpty ? "none" : allowed.map { "{\($0)}" }.joined(separator: ", ")
            reader.log.error(reader.at(node), "{\(name)} cannot be filled here (available: \(choices))")
        }
        templates.locations[key] = reader.at(node)
        return text
    }
}
