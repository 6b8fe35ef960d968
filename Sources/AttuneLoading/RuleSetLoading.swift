import AttuneCore
import AttuneRules
import AttuneText
import Foundation

/// Reading rule folders into a `RuleSet`: which file is which kind, and the order in
/// which packs add to and replace the base rules.
extension RuleSet {
    /// Loads a base set of files (lexicon, rules, bids, scoring) and optional packs
    /// whose rules are added, replacing base rules with the same id.
    ///
    /// Throws `invalidRules` with every diagnostic when any file has an error, unless
    /// `skipBroken` is set: then rules with errors are left out and the errors are
    /// kept in `diagnostics` for the caller to report.
    public static func load(base: [File], packs: [[File]] = [], skipBroken: Bool = false) throws(AttuneError)
        -> RuleSet
    {
        var set = RuleSet()
        var log = DiagnosticLog()
        let all = base + packs.flatMap { $0 }
        LexiconLoader.load(all.filter { Self.kind(of: $0.path) == .lexicon }, into: &set.lexicon, log: &log)
        LexiconLoader.checkContract(set.lexicon, log: &log)
        let loader = RuleFileLoader(lexicon: set.lexicon)
        // Every pattern read, including those of rules a pack replaces, for the style lint.
        var written: [Pattern] = []
        for file in base {
            switch kind(of: file.path) {
            case .rules:
                let rules = loader.load(path: file.path, contents: file.contents, log: &log)
                written += rules.flatMap { $0.patterns + $0.exceptions.unless }
                set.rules += rules
            case .bids:
                set.bids = BidCuesLoader(lexicon: set.lexicon).load(file, log: &log)
                written += set.bids.automatonGroups.flatMap { $0 }
            case .scoring: set.scoring = ScoringPolicy.load(file, log: &log)
            case .rewrites: set.rewrites = RewriteTemplates.load(file, log: &log)
            case .languages: set.languages = LanguageProfile.load(file, log: &log)
            case .lexicon, .ignored: break
            }
        }
        var ids = Dictionary(set.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        checkDuplicates(set.rules, &log)
        // A pack carries any file kind: rules add or replace by id, scoring and rewrites
        // change the keys they name, bids and languages replace the base's whole file,
        // and lexicons were read with the base above.
        for pack in packs {
            for file in pack {
                let start = SourceLocation(file: file.path, line: 1, column: 1)
                switch kind(of: file.path) {
                case .rules:
                    for rule in loader.load(path: file.path, contents: file.contents, log: &log) {
                        written += rule.patterns + rule.exceptions.unless
                        if let index = ids[rule.id] {
                            log.note(
                                rule.location, "rule '\(rule.id)' replaces the one at \(set.rules[index].location)")
                            set.rules[index] = rule
                        } else {
                            ids[rule.id] = set.rules.count
                            set.rules.append(rule)
                        }
                    }
                case .bids:
                    set.bids = BidCuesLoader(lexicon: set.lexicon).load(file, log: &log)
                    written += set.bids.automatonGroups.flatMap { $0 }
                    log.note(start, "this pack's bids.yaml replaces the built-in bid cues")
                case .scoring:
                    set.scoring = ScoringPolicy.load(file, over: set.scoring, log: &log)
                    log.note(start, "the scoring constants this file names replace the built-in ones")
                case .rewrites:
                    set.rewrites = RewriteTemplates.load(file, over: set.rewrites, log: &log)
                    log.note(start, "the rewrite templates this file names replace the built-in ones")
                case .languages:
                    set.languages = LanguageProfile.load(file, log: &log)
                    log.note(start, "this pack's languages.yaml replaces the built-in word lists")
                case .lexicon, .ignored: break
                }
            }
        }
        StyleLint.check(written, lexicon: set.lexicon, log: &log)
        set.diagnostics = log.diagnostics.sorted { ($0.location, $0.severity) < ($1.location, $1.severity) }
        if log.hasErrors && !skipBroken { throw .invalidRules(set.diagnostics) }
        return set
    }

    /// Reads every YAML file below `directory`, with paths as the user named them.
    public static func files(in directory: String) throws(AttuneError) -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .unreadable(path: directory, reason: "no such file or folder")
        }
        let paths: [String]
        if isDirectory.boolValue {
            guard let walker = FileManager.default.enumerator(atPath: directory) else {
                throw .unreadable(path: directory, reason: "cannot list the folder")
            }
            paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted().map { (directory as NSString).appendingPathComponent($0) }
        } else {
            paths = [directory]
        }
        var files: [File] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path: path, reason: "permission denied or not a file")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw .invalidUTF8(source: path, byteOffset: UTF8Validation.firstInvalidByte(in: data) ?? 0)
            }
            files.append((path, text))
        }
        return files
    }

    enum FileKind { case rules, lexicon, bids, scoring, rewrites, languages, ignored }

    static func kind(of path: String) -> FileKind {
        let components = path.split(separator: "/")
        let name = components.last.map(String.init) ?? path
        if components.contains("schema") { return .ignored }
        if components.dropLast().last == "lexicon" { return .lexicon }
        if name == "bids.yaml" { return .bids }
        if name == "scoring.yaml" { return .scoring }
        if name == "rewrites.yaml" { return .rewrites }
        if name == "languages.yaml" { return .languages }
        return .rules
    }

    private static func checkDuplicates(_ rules: [Rule], _ log: inout DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for rule in rules {
            if let earlier = first[rule.id] {
                log.error(rule.location, "duplicate rule id '\(rule.id)' (first defined at \(earlier))")
            } else {
                first[rule.id] = rule.location
            }
        }
    }
}
