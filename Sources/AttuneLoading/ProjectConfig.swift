import AttuneCore
import AttuneRules
import Foundation
import Yams

/// A project's `.attune.yaml`: extra rule folders, built-in rules switched off by id or
/// by category, and weights changed, so a team can fit attune to its setting without
/// editing the built-in rules.
///
///     rules: [packs/workplace]          # folders, relative to this file
///     disable: [fixing.you-should, withdrawal]
///     weights: {minimizing.calm-down: 2}
public struct ProjectConfig: Sendable {
    public var path: String
    public var ruleFolders: [String] = []
    public var disabled: [(name: String, location: SourceLocation)] = []
    public var weights: [(rule: String, weight: Double, location: SourceLocation)] = []

    public static let fileName = ".attune.yaml"

    /// The nearest `.attune.yaml` in `directory` or one of its parents.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(path: String) throws(AttuneError) -> ProjectConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidUTF8(source: path, byteOffset: UTF8Validation.firstInvalidByte(in: data) ?? 0)
        }
        var config = ProjectConfig(path: path)
        var reader = YAMLReader(file: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        if let root = reader.parse(text), case .mapping = root, let pairs = reader.mapping(root, ".attune.yaml") {
            reader.checkKeys(pairs, allowed: ["rules", "disable", "weights"], in: ".attune.yaml")
            for pair in pairs {
                switch pair.key {
                case "rules":
                    config.ruleFolders = (reader.strings(pair.value, "'rules'") ?? []).map {
                        $0.0.hasPrefix("/") ? $0.0 : base.appendingPathComponent($0.0).path
                    }
                case "disable":
                    config.disabled = (reader.strings(pair.value, "'disable'") ?? []).map { ($0.0, reader.at($0.1)) }
                case "weights":
                    for weight in reader.mapping(pair.value, "'weights'") ?? [] {
                        if let value = reader.number(weight.value, "the weight of '\(weight.key)'", in: 1...5) {
                            config.weights.append((weight.key, value, reader.at(weight.keyNode)))
                        }
                    }
                default: break
                }
            }
        } else if !reader.log.hasErrors && !text.allSatisfy(\.isWhitespace) {
            reader.log.error(SourceLocation(file: path, line: 1, column: 1), ".attune.yaml must be a mapping")
        }
        if reader.log.hasErrors { throw .invalidRules(reader.log.diagnostics) }
        return config
    }

    /// The rule set with rules disabled and weights changed; names that match nothing
    /// are reported as warnings.
    public func apply(to set: RuleSet) -> RuleSet {
        var set = set
        var log = DiagnosticLog()
        for (name, location) in disabled {
            let before = set.rules.count
            set.rules.removeAll { $0.id == name || $0.category.rawValue == name }
            if set.rules.count == before { log.warning(location, "'\(name)' is neither a rule id nor a category") }
        }
        for (rule, weight, location) in weights {
            guard let index = set.rules.firstIndex(where: { $0.id == rule }) else {
                log.warning(location, "no rule '\(rule)' to reweigh")
                continue
            }
            set.rules[index].weight = weight
        }
        set.diagnostics += log.diagnostics
        return set
    }
}
