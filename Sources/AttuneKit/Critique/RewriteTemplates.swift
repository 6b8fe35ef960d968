import Yams

/// The declarative side of rewriting (`Rules/rewrites.yaml`): what replaces a misattuned
/// sentence of each category, the validation that opens a rewrite, and the sentence that
/// keeps the facts of a replaced sentence.
public struct RewriteTemplates: Sendable {
    /// Replacement sentence per misattuned category.
    public var replace: [Category: String] = [
        .fixing: "Do you want ideas, or would it help more if I just listen for now?",
        .minimizing: "It makes sense that this is getting to you.",
        .defensiveness: "That's fair, and I'm sorry for my part in it.",
        .withdrawal: "I need a few minutes to calm down, and then I want to talk about this properly.",
    ]
    /// Opening validation, with `{feeling}` mirroring the bid's first feeling word.
    public var openWithFeeling = "It sounds like you're really {feeling}."
    public var openWithoutFeeling = "That sounds really hard."
    /// Their own words said back, pronouns turned around: `{their_words}`.
    public var openWithTheirWords = "It sounds like you feel {their_words}."
    public var openForGoodNews = "That's wonderful news, congratulations!"
    public var openForComplaint = "I can see why you're upset with me."
    /// Carries names, times, places and numbers of replaced sentences: `{facts}`.
    public var facts = "I want to hear more about {facts}."

    public init() {}

    static func load(_ file: RuleSet.File, log: inout DiagnosticLog) -> RewriteTemplates {
        var templates = RewriteTemplates()
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parse(file.contents), let pairs = reader.mapping(root, "rewrites.yaml") else {
            return templates
        }
        reader.checkKeys(pairs, allowed: ["replace", "open", "facts"], in: "rewrites.yaml")
        for pair in pairs {
            switch pair.key {
            case "replace":
                for entry in reader.mapping(pair.value, "'replace'") ?? [] {
                    guard let category = Category(rawValue: entry.key), category.polarity == .misattuned else {
                        reader.log.error(
                            reader.at(entry.keyNode), "'replace' takes the misattuned categories, not '\(entry.key)'")
                        continue
                    }
                    if let text = reader.string(entry.value, "the replacement for \(entry.key)") {
                        templates.replace[category] = text
                        check(text, allowed: [], entry.value, &reader)
                    }
                }
            case "open":
                guard let fields = reader.mapping(pair.value, "'open'") else { continue }
                reader.checkKeys(
                    fields, allowed: ["with_their_words", "with_feeling", "without_feeling", "good_news", "complaint"],
                    in: "'open'")
                for field in fields {
                    guard let text = reader.string(field.value, "'\(field.key)'") else { continue }
                    switch field.key {
                    case "with_feeling":
                        templates.openWithFeeling = text
                        check(text, allowed: ["feeling"], field.value, &reader)
                    case "with_their_words":
                        templates.openWithTheirWords = text
                        check(text, allowed: ["their_words"], field.value, &reader)
                    case "without_feeling":
                        templates.openWithoutFeeling = text
                        check(text, allowed: [], field.value, &reader)
                    case "good_news":
                        templates.openForGoodNews = text
                        check(text, allowed: [], field.value, &reader)
                    case "complaint":
                        templates.openForComplaint = text
                        check(text, allowed: [], field.value, &reader)
                    default: break
                    }
                }
            case "facts":
                if let text = reader.string(pair.value, "'facts'") {
                    templates.facts = text
                    check(text, allowed: ["facts"], pair.value, &reader)
                }
            default: break
            }
        }
        return templates
    }

    private static func check(_ text: String, allowed: Set<String>, _ node: Node, _ reader: inout YAMLReader) {
        for name in Template.placeholders(in: text) where !allowed.contains(name) {
            let choices = allowed.isEmpty ? "none" : allowed.map { "{\($0)}" }.joined(separator: ", ")
            reader.log.error(reader.at(node), "{\(name)} cannot be filled here (available: \(choices))")
        }
    }
}
