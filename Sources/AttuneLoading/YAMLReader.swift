import AttuneCore
import Yams

/// Reads rule and lexicon YAML into located values, logging every problem with its
/// file, line and column instead of stopping at the first.
struct YAMLReader {
    let file: String
    var log = DiagnosticLog()

    init(file: String) { self.file = file }

    /// Parses `text` into a node tree, or logs why it cannot.
    ///
    /// A node budget proportional to the text guards against alias bombs ("billion
    /// laughs"): an honest file never has more nodes than characters.
    mutating func parse(_ text: String) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, column, problem) = Self.describe(error)
            log.error(SourceLocation(file: file, line: line, column: column), problem)
            return nil
        } catch {
            log.error(at(nil), "cannot parse YAML: \(error)")
            return nil
        }
        var budget = text.utf8.count + 64
        if let root, !Self.fits(root, budget: &budget) {
            log.error(
                at(root),
                "the YAML expands to far more nodes than the file has characters "
                    + "(nested anchors and aliases?); rule files may not use alias bombs")
            return nil
        }
        return root
    }

    func at(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    // MARK: typed access

    /// The key-value pairs of a mapping, or an error naming what was expected.
    mutating func mapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            log.error(at(node), "\(what) must be a mapping (key: value), found \(Self.kind(node))")
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                log.error(at(key), "keys must be plain strings")
                continue
            }
            pairs.append((name, key, value))
        }
        return pairs
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        if case .sequence(let items) = node { return Array(items) }
        log.error(at(node), "\(what) must be a list, found \(Self.kind(node))")
        return nil
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        log.error(at(node), "\(what) must be a string, found \(Self.kind(node))")
        return nil
    }

    /// A string or a list of strings (a single string is a list of one).
    mutating func strings(_ node: Node, _ what: String) -> [(String, Node)]? {
        if case .scalar(let scalar) = node { return [(scalar.string, node)] }
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { item in string(item, "each entry of \(what)").map { ($0, item) } }
    }

    mutating func number(_ node: Node, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else {
            log.error(at(node), "\(what) must be a number, found \(Self.kind(node))")
            return nil
        }
        guard range.contains(value) else {
            log.error(at(node), "\(what) must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        log.error(at(node), "\(what) must be true or false, found \(Self.kind(node))")
        return nil
    }

    /// A file's root and its top-level mapping, the keys checked against `allowed`: the
    /// opening every file kind shares. Nil when the text does not parse or is not a
    /// mapping (the log says why).
    mutating func topLevel(_ text: String, _ what: String, allowed: [String]) -> (
        root: Node, pairs: [(key: String, keyNode: Node, value: Node)]
    )? {
        guard let root = parse(text), let pairs = mapping(root, what) else { return nil }
        checkKeys(pairs, allowed: allowed, in: what)
        return (root, pairs)
    }

    /// Reports keys that are not allowed, suggesting the nearest allowed one.
    mutating func checkKeys(
        _ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: String
    ) {
        var seen: Set<String> = []
        for pair in pairs {
            if !seen.insert(pair.key).inserted {
                log.error(at(pair.keyNode), "duplicate key '\(pair.key)' in \(what)")
            }
            guard !allowed.contains(pair.key) else { continue }
            var message = "unknown key '\(pair.key)' in \(what)"
            if let near = Spelling.nearest(to: pair.key, in: allowed) {
                message += "; did you mean '\(near)'?"
            } else {
                message += " (allowed: \(allowed.joined(separator: ", ")))"
            }
            log.error(at(pair.keyNode), message)
        }
    }

    // MARK: helpers

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) {
                return false
            }
        case .sequence(let items):
            for item in items where !fits(item, budget: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    private static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return (mark.line, mark.column, "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                context.mark.line, context.mark.column,
                "duplicate keys: \(duplicates.joined(separator: ", "))"
            )
        case .reader(let problem, _, _, _):
            return (1, 1, "cannot read YAML: \(problem)")
        default:
            return (1, 1, "invalid YAML: \(error)")
        }
    }
}
