import AttuneCore
import AttuneEngine
import AttuneLoading
import AttuneRules
import Foundation

/// Rule packs, `--rules-dir` folders and `.attune.yaml` compiled once and kept, so a
/// start with them reads bytes like a start with the built-in rules does.
///
/// A compiled engine is filed under a hash of everything it was built from: the
/// archive format, attune's version, the built-in rules' fingerprint, every rule file's
/// path and contents, the config's switches and weights, and `skipBroken`. Editing a
/// file or upgrading attune gives a new name, so a stale file is never read; it ages out.
/// The cache lives in the user's cache folder, never beside their rule files.
public struct CompiledEngineCache: Sendable {
    /// Where compiled files go; nil turns caching off.
    public let directory: String?
    /// Compiled rule sets kept; past it the least recently written go (and the caller is told).
    public static let entryLimit = 16
    private static let suffix = ".attune-rules"

    public init(directory: String?) { self.directory = directory }

    /// `$ATTUNE_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/attune`, else
    /// `~/.cache/attune`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CompiledEngineCache
    {
        if let explicit = environment["ATTUNE_CACHE_DIR"] {
            return CompiledEngineCache(directory: explicit.isEmpty ? nil : explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CompiledEngineCache(directory: xdg + "/attune")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return CompiledEngineCache(directory: nil) }
        return CompiledEngineCache(directory: home + "/.cache/attune")
    }

    /// What came of a request, for the caller to report.
    public struct Outcome: Sendable, Equatable {
        /// Read from the cache rather than compiled.
        public var reused = false
        /// Older compiled files removed to stay within `entryLimit`.
        public var evicted = 0
    }

    /// The engine over `base` (nil: the built-in rule files) plus `packs`, with `config`
    /// applied: read from the cache when compiled before, otherwise compiled and filed.
    /// Broken rules throw as `RuleSet.load` does; nothing broken is ever filed.
    public func engine(
        base: [RuleSet.File]?, packs: [[RuleSet.File]], config: ProjectConfig?, skipBroken: Bool
    ) throws(AttuneError) -> (engine: Engine, outcome: Outcome) {
        var outcome = Outcome()
        let path = directory.map {
            "\($0)/\(Self.key(base: base, packs: packs, config: config, skipBroken: skipBroken))\(Self.suffix)"
        }
        if let path, let data = FileManager.default.contents(atPath: path),
            let engine = try? Engine(compiled: [UInt8](data))
        {
            outcome.reused = true
            return (engine, outcome)
        }
        var ruleSet = try RuleSet.load(base: base ?? RuleSet.builtInFiles(), packs: packs, skipBroken: skipBroken)
        if let config { ruleSet = config.apply(to: ruleSet) }
        let engine = Engine(ruleSet: ruleSet)
        if let path, let directory {
            // A cache that cannot be written (a read-only home) only costs the next start.
            if (try? store(engine.compiled(), at: path, in: directory)) != nil {
                outcome.evicted = prune(directory, keeping: path)
            }
        }
        return (engine, outcome)
    }

    /// The file name for these inputs.
    static func key(base: [RuleSet.File]?, packs: [[RuleSet.File]], config: ProjectConfig?, skipBroken: Bool)
        -> String
    {
        var hash = ContentHash()
        hash.combine("format \(Engine.archiveFormat) attune \(AttuneVersion.current)")
        hash.combine("built-in \(Engine.builtInFingerprint)")
        for (label, files) in [("base", base ?? [])] + packs.map({ ("pack", $0) }) {
            hash.combine("\(label) \(files.count)")
            for file in files {
                hash.combine(file.path)
                hash.combine(file.contents)
            }
        }
        hash.combine(base == nil ? "built-in base" : "own base")
        if let config {
            hash.combine("config \(config.path)")
            for (name, location) in config.disabled { hash.combine("disable \(name) \(location)") }
            for (rule, weight, location) in config.weights { hash.combine("weight \(rule) \(weight) \(location)") }
        }
        hash.combine("skip broken \(skipBroken)")
        return hash.hex
    }

    /// Writes beside the final name and renames, so a reader never sees half a file.
    private func store(_ bytes: [UInt8], at path: String, in directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).partial"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Removes the oldest compiled files beyond `entryLimit`; returns how many.
    private func prune(_ directory: String, keeping kept: String) -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return 0 }
        let files = names.filter { $0.hasSuffix(Self.suffix) }.map { "\(directory)/\($0)" }
        guard files.count > Self.entryLimit else { return 0 }
        func written(_ path: String) -> Date {
            (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
        }
        let oldest = files.filter { $0 != kept }.map { ($0, written($0)) }.sorted { $0.1 < $1.1 }
        var removed = 0
        for (path, _) in oldest.prefix(files.count - Self.entryLimit)
        where (try? manager.removeItem(atPath: path)) != nil {
            removed += 1
        }
        return removed
    }
}
