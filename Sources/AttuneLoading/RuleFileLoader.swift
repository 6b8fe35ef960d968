import AttuneCore
import AttuneRules
import AttuneText
import Yams

/// Reads rule files into `Rule` values, checking every field and every pattern
/// against the lexicon, and logging each problem where it stands in the file.
package struct RuleFileLoader {
    package static let ruleKeys = [
        "id", "category", "weight", "attune", "move", "message", "suggestions", "patterns", "exceptions", "bid",
        "examples",
    ]
    package static let exceptionKeys = ["negation", "subjects", "quoted", "unless"]
    package static let exampleKeys = ["match", "no_match"]

    let lexicon: Lexicon

    package init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// The rules of one file; problems go to `log`.
    package func load(path: String, contents: String, log: inout DiagnosticLog) -> [Rule] {
        var reader = YAMLReader(file: path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard case let (root, top)? = reader.topLevel(contents, "a rule file", allowed: ["rules"]) else { return [] }
        guard let rulesNode = top.first(where: { $0.key == "rules" })?.value else {
            reader.log.error(reader.at(root), "a rule file needs a 'rules:' list")
            return []
        }
        guard let items = reader.sequence(rulesNode, "'rules'") else { return [] }
        let rules = items.compactMap { rule($0, &reader) }
        checkPlacement(rules, path: path, &reader)
        return rules
    }

    private func rule(_ node: Node, _ reader: inout YAMLReader) -> Rule? {
        guard let pairs = reader.mapping(node, "a rule") else { return nil }
        reader.checkKeys(pairs, allowed: Self.ruleKeys, in: "a rule")
        let field = { (name: String) in pairs.first { $0.key == name }?.value }
        let errorsBefore = reader.log.diagnostics.filter { $0.severity == .error }.count

        let id = field("id").flatMap { reader.string($0, "'id'") } ?? ""
        if field("id") == nil { reader.log.error(reader.at(node), "a rule needs an 'id'") }
        let name = id.isEmpty ? "this rule" : "rule '\(id)'"

        let parsedCategory: Category? = choice(field("category"), "category", in: node, name, &reader)
        let category = parsedCategory ?? .fixing
        if let parsedCategory, !id.isEmpty, !id.hasPrefix(parsedCategory.rawValue + "."), let idNode = field("id") {
            reader.log.warning(reader.at(idNode), "rule ids start with their category: '\(category.rawValue).…'")
        }

        let attune: AttuneComponent = choice(field("attune"), "attune", in: node, name, &reader) ?? .awareness

        var move: Move?
        if let moveNode = field("move"), let text = reader.string(moveNode, "'move'") {
            move = Move(rawValue: text)
            if move == nil {
                reader.log.error(reader.at(moveNode), Self.unknown("move", text, Move.allCases.map(\.rawValue)))
            } else if category != .validating {
                reader.log.error(
                    reader.at(moveNode), "only validating rules name a 'move'; \(name) is \(category.rawValue)")
            }
        }

        let weight = field("weight").flatMap { reader.number($0, "'weight'", in: 1...5) } ?? 0
        if field("weight") == nil { reader.log.error(reader.at(node), "\(name) needs a 'weight'") }

        let message = field("message").flatMap { reader.string($0, "'message'") } ?? ""
        if message.isEmpty {
            reader.log.error(reader.at(field("message") ?? node), "\(name) needs a 'message' saying why it matters")
        }

        let suggestionItems = field("suggestions").flatMap { reader.strings($0, "'suggestions'") } ?? []
        let suggestions = suggestionItems.map(\.0)
        if category.polarity == .misattuned && suggestions.isEmpty {
            reader.log.warning(
                reader.at(field("suggestions") ?? node), "\(name) misattunes but offers no 'suggestions'")
        }

        var patterns: [Pattern] = []
        if let patternsNode = field("patterns"), let items = reader.strings(patternsNode, "'patterns'") {
            patterns = items.compactMap { parsePattern($0.0, $0.1, &reader) }
            if items.isEmpty { reader.log.error(reader.at(patternsNode), "\(name) has no patterns") }
        } else if field("patterns") == nil {
            reader.log.error(reader.at(node), "\(name) needs 'patterns'")
        }

        let exceptions = field("exceptions").map { self.exceptions($0, &reader) } ?? Exceptions()
        var bids: [BidKind] = []
        for (text, bidNode) in field("bid").flatMap({ reader.strings($0, "'bid'") }) ?? [] {
            if let kind = BidKind(rawValue: text) {
                bids.append(kind)
            } else {
                reader.log.error(reader.at(bidNode), Self.unknown("bid kind", text, BidKind.allCases.map(\.rawValue)))
            }
        }
        let examples = self.examples(field("examples"), ruleNode: node, name: name, &reader)

        let captured = patterns.reduce(into: Set<String>()) { $0.formUnion($1.captureNames) }
        for (index, suggestion) in suggestions.enumerated() {
            for placeholder in Template.placeholders(in: suggestion) where !captured.contains(placeholder) {
                reader.log.error(
                    reader.at(field("suggestions") ?? node),
                    "suggestion \(index + 1) of \(name) uses {\(placeholder)}, but no pattern captures it as {\(placeholder): ...}"
                )
            }
        }
        if !suggestions.isEmpty, suggestions.allSatisfy({ !Template.placeholders(in: $0).isEmpty }) {
            reader.log.warning(
                reader.at(field("suggestions") ?? node),
                "\(name) has only templated suggestions: add a plain one for matches whose captures are missing")
        }
        if !bids.isEmpty, let example = examples.first(where: { $0.context == nil && $0.expectation != .noMatch }) {
            reader.log.error(
                example.location, "\(name) applies only with a bid, so its match examples need a 'context'")
        }
        let errorsAfter = reader.log.diagnostics.filter { $0.severity == .error }.count
        guard errorsAfter == errorsBefore else { return nil }
        var rule = Rule(
            id: id, category: category, weight: weight, attune: attune, move: move, message: message,
            suggestions: suggestions, patterns: patterns, exceptions: exceptions, bids: bids, examples: examples,
            location: reader.at(node))
        rule.suggestionLocations = suggestionItems.map { reader.at($0.1) }
        return rule
    }

    /// A required field whose value is one of an enumeration's raw values.
    private func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node?, _ key: String, in rule: Node, _ name: String, _ reader: inout YAMLReader
    ) -> Value? where Value.RawValue == String {
        guard let node else {
            reader.log.error(reader.at(rule), "\(name) needs a '\(key)'")
            return nil
        }
        guard let text = reader.string(node, "'\(key)'") else { return nil }
        guard let value = Value(rawValue: text) else {
            reader.log.error(reader.at(node), Self.unknown(key, text, Value.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    private func exceptions(_ node: Node, _ reader: inout YAMLReader) -> Exceptions {
        var result = Exceptions()
        guard let pairs = reader.mapping(node, "'exceptions'") else { return result }
        reader.checkKeys(pairs, allowed: Self.exceptionKeys, in: "'exceptions'")
        for pair in pairs {
            switch pair.key {
            case "negation": result.negation = reader.bool(pair.value, "'negation'") ?? false
            case "quoted": result.quoted = reader.bool(pair.value, "'quoted'") ?? true
            case "subjects":
                for (word, wordNode) in reader.strings(pair.value, "'subjects'") ?? [] {
                    if let problem = NormalizationContract.problem(with: word, lexicon: lexicon) {
                        reader.log.error(reader.at(wordNode), problem)
                    }
                    result.subjects.append(word)
                }
            case "unless":
                result.unless = (reader.strings(pair.value, "'unless'") ?? []).compactMap {
                    parsePattern($0.0, $0.1, &reader)
                }
            default: break
            }
        }
        return result
    }

    private func examples(_ node: Node?, ruleNode: Node, name: String, _ reader: inout YAMLReader) -> [Example] {
        guard let node else {
            reader.log.error(reader.at(ruleNode), "\(name) needs 'examples' with both 'match' and 'no_match'")
            return []
        }
        guard let pairs = reader.mapping(node, "'examples'") else { return [] }
        reader.checkKeys(pairs, allowed: Self.exampleKeys, in: "'examples'")
        var examples: [Example] = []
        for key in Self.exampleKeys {
            guard let listNode = pairs.first(where: { $0.key == key })?.value,
                let items = reader.sequence(listNode, "'\(key)'"), !items.isEmpty
            else {
                reader.log.error(reader.at(node), "\(name) needs at least one '\(key)' example")
                continue
            }
            for item in items {
                if let example = example(item, matching: key == "match", &reader) { examples.append(example) }
            }
        }
        return examples
    }

    private func example(_ node: Node, matching: Bool, _ reader: inout YAMLReader) -> Example? {
        var text: String?
        var context: String?
        if case .scalar(let scalar) = node {
            text = scalar.string
        } else if let pairs = reader.mapping(node, "an example") {
            reader.checkKeys(pairs, allowed: ["text", "context"], in: "an example")
            text = pairs.first { $0.key == "text" }.flatMap { reader.string($0.value, "'text'") }
            context = pairs.first { $0.key == "context" }.flatMap { reader.string($0.value, "'context'") }
            if text == nil { reader.log.error(reader.at(node), "an example needs a 'text'") }
        }
        guard let text else { return nil }
        let location = reader.at(node)
        guard matching else {
            return Example(text: text, context: context, expectation: .noMatch, location: location)
        }
        guard let marked = ExampleSpan.parse(text) else {
            reader.log.error(location, "a match example marks its span once, as [like this]")
            return nil
        }
        if marked.span == nil {
            reader.log.warning(location, "mark the expected span of a match example with [brackets]")
        }
        return Example(text: marked.text, context: context, expectation: .match(span: marked.span), location: location)
    }

    /// Parses one pattern, pointing errors at the column in the file.
    func parsePattern(_ source: String, _ node: Node, _ reader: inout YAMLReader) -> Pattern? {
        var location = reader.at(node)
        if case .scalar(let scalar) = node, scalar.style == .doubleQuoted || scalar.style == .singleQuoted {
            location = location.shifted(by: 1)
        }
        do {
            let parsed = try PatternParser.parse(source)
            let pattern = Pattern(
                source: source, elements: parsed.elements, sentenceKind: parsed.kind, location: location,
                alternations: parsed.alternations)
            var valid = true
            PatternWalker.visit(pattern.elements) { element in
                switch element {
                case .word(let words), .none(let words, _):
                    for word in words {
                        if let problem = NormalizationContract.problem(with: word, lexicon: lexicon) {
                            let column =
                                source.range(of: word).map {
                                    source.distance(from: source.startIndex, to: $0.lowerBound)
                                } ?? 0
                            reader.log.error(
                                location.shifted(by: column),
                                "in pattern \"\(source)\": \(problem), so it can never match")
                            valid = false
                        }
                    }
                default: break
                }
                if case .list(let list) = element, lexicon.lists[list] == nil {
                    reader.log.error(
                        location, Self.unknown("word list", "@" + list, lexicon.lists.keys.sorted().map { "@" + $0 }))
                    valid = false
                }
                if case .none(_, let lists) = element, let list = lists.first, lexicon.lists[list] == nil {
                    reader.log.error(
                        location, Self.unknown("word list", "@" + list, lexicon.lists.keys.sorted().map { "@" + $0 }))
                    valid = false
                }
            }
            return valid ? pattern : nil
        } catch {
            reader.log.error(location.shifted(by: error.offset), "in pattern \"\(source)\": \(error.message)")
            return nil
        }
    }

    /// A file named for a category (`fixing.yaml`) holds rules of that category: a rule
    /// of another one is easy to miss there, and reads as misplaced to its next author.
    private func checkPlacement(_ rules: [Rule], path: String, _ reader: inout YAMLReader) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        guard let fileCategory = Category(rawValue: stem), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
            return
        }
        for rule in rules where rule.category != fileCategory {
            reader.log.warning(
                rule.location,
                "rule '\(rule.id)' is \(rule.category.rawValue), but \(name) holds \(fileCategory.rawValue) rules")
        }
    }

    static func unknown(_ what: String, _ value: String, _ allowed: [String]) -> String {
        var message = "unknown \(what) '\(value)'"
        if let near = Spelling.nearest(to: value, in: allowed) {
            message += "; did you mean '\(near)'?"
        } else if allowed.count <= 8 {
            message += " (expected one of: \(allowed.joined(separator: ", ")))"
        }
        return message
    }
}
