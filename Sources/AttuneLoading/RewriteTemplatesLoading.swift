import AttuneCore
import AttuneRules
import Yams

/// Reads `rewrites.yaml` into `RewriteTemplates`.
extension RewriteTemplates {
    /// The templates `file` names replace those of `base`: a pack's `rewrites.yaml`
    /// changes only what it mentions.
    static func load(_ file: RuleSet.File, over base: RewriteTemplates = RewriteTemplates(), log: inout DiagnosticLog)
        -> RewriteTemplates
    {
        var templates = base
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        let keys = ["replace", "advice", "open", "question", "keep"]
        guard let pairs = reader.topLevel(file.contents, "rewrites.yaml", allowed: keys)?.pairs else {
            return templates
        }
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
