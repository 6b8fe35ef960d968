import AttuneBuiltIn
import AttuneCore
import AttuneEngine
import AttuneLoading
import AttuneRules
import AttuneTranscripts
import Foundation

/// The inputs attune is fuzzed with (Fuzz/README.md): a reply and its context for the
/// text pipeline and matcher, a transcript in every input format, and a rule file.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// First line: the context (none when there is no line break); the rest: the reply.
    case analyze
    /// The bytes as a transcript, read in each format and by format sniffing.
    case transcript
    /// The bytes as a rule file and as a bids file, linted, compiled and run.
    case rules
}

/// Runs arbitrary bytes through one fuzz target. The libFuzzer harness under `Fuzz/` and
/// the seeded pass in `swift test` share it, so a crash found by one replays in the other.
/// Whatever the bytes hold, a run must return: bad input gives errors or records,
/// never a trap. One per thread (it holds an analyzer and a scratch folder).
public final class FuzzRunner {
    public let target: FuzzTarget
    private let engine: Engine
    private let analyzer: Analyzer
    private let scratch: URL

    /// Replies every rule set compiled from a fuzzed rule file is run over.
    static let probeReplies = [
        "You should just calm down, it's not a big deal.", "I hear you. That sounds really hard?",
        "she said \"you never listen\" but I was busy!!", "...", "",
    ]

    public init(target: FuzzTarget) throws {
        self.target = target
        engine = try Engine.builtIn()
        analyzer = try engine.makeAnalyzer()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attune-fuzz-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Runs one input; the result counts what came out (findings, records, rules), so
    /// the work cannot be optimised away.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Int {
        switch target {
        case .analyze: return analyze(bytes)
        case .transcript: return readTranscript(bytes)
        case .rules: return loadRules(bytes)
        }
    }

    private func analyze(_ bytes: [UInt8]) -> Int {
        var context: String?
        var reply = bytes[...]
        if let newline = bytes.firstIndex(of: 0x0A) {
            context = String(decoding: bytes[..<newline], as: UTF8.self)
            reply = bytes[(newline + 1)...]
        }
        let (analysis, trace) = analyzer.analyzeWithTrace(String(decoding: reply, as: UTF8.self), context: context)
        let matches = trace.ruleMatches(lexicon: engine.ruleSet.lexicon)
        // The contract: offsets are code points and the excerpt is what they span.
        let scalars = Array(analysis.text.unicodeScalars)
        for finding in analysis.findings {
            precondition(0 <= finding.start && finding.start <= finding.end && finding.end <= scalars.count)
            precondition(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])) == finding.excerpt)
        }
        return analysis.json().utf8.count + matches.count
    }

    private func readTranscript(_ bytes: [UInt8]) -> Int {
        var records = 0
        let data = Data(bytes)
        let formats: [TranscriptFormat?] = [nil] + TranscriptFormat.allCases
        for format in formats {
            let file = scratch.appendingPathComponent("input" + (format.map { "." + $0.name } ?? ""))
            guard (try? data.write(to: file)) != nil else { continue }
            let reader = TranscriptReader(inputs: [file.path], format: format)
            while reader.next() != nil { records += 1 }
        }
        return records
    }

    private func loadRules(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        var set = RuleSet()
        set.lexicon = engine.ruleSet.lexicon
        var log = DiagnosticLog()
        set.rules = RuleFileLoader(lexicon: set.lexicon).load(path: "fuzz.yaml", contents: text, log: &log)
        set.bids = BidCuesLoader(lexicon: set.lexicon).load(("bids.yaml", text), log: &log)
        StyleLint.check(
            set.rules.flatMap { $0.patterns + $0.exceptions.unless } + set.bids.automatonGroups.flatMap { $0 },
            lexicon: set.lexicon, log: &log)
        // What lint accepted must compile and run.
        guard let analyzer = try? Engine(ruleSet: set).makeAnalyzer() else { return log.diagnostics.count }
        var findings = 0
        for reply in Self.probeReplies {
            findings += analyzer.analyze(reply, context: "I had an awful day, I'm so stressed").findings.count
        }
        return findings + ExampleRunner(analyzer: analyzer).run().examplesRun + log.diagnostics.count
    }
}
