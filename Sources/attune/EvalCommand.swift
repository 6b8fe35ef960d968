import ArgumentParser
import AttuneKit
import Foundation

/// `attune eval`: precision and recall on a labelled corpus, or agreement with the codes
/// of a corpus people coded with their own scheme, read through a mapping file.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Precision, recall and F1 per category on a labelled corpus, with every miss listed.",
        discussion: """
            With --mapping, FILE is a corpus coded by people (CSV, JSONL, or one conversation per JSON line), \
            read as the mapping file says: per code, how often attune does what the code expects; precision and \
            recall per category; Cohen's kappa; mean scores per group; and the misses. \
            See Corpus/mappings/README.md.
            """)

    @Argument(
        help:
            "A JSONL file of {\"id\", \"context\", \"text\", \"labels\"} (the Corpus format), or with --mapping a coded corpus."
    )
    var file: String

    @Option(help: ArgumentHelp("Read FILE as this YAML mapping says (Corpus/mappings/).", valueName: "file"))
    var mapping: String?

    @Option(help: "Output format: text or json (json can be saved and given to --baseline).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Compare with a run saved by --format json.", valueName: "file"))
    var baseline: String?

    @Option(
        help: """
            Which part of the corpus: all, dev (tuned on) or held-out (one in five by a hash of the id, or of the \
            mapping's split field; never tuned on).
            """)
    var split: CorpusEvaluation.Split = .all

    @Option(help: ArgumentHelp("With --mapping: how many misses to list per code.", valueName: "n"))
    var misses = 20

    @Flag(help: "List the rule patterns that fired on exactly one row of the evaluated set.")
    var patternUsage = false

    @OptionGroup var rules: RuleOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if mapping != nil, baseline != nil { throw ValidationError("--baseline compares labelled-corpus runs only") }
        if misses < 0 { throw ValidationError("--misses must be 0 or more") }
    }

    func run() throws {
        if let mapping { return try runMapped(mapping) }
        let corpus = try RuleSet.files(in: file)
        let analyzer = try rules.makeAnalyzer()
        let entries = try CorpusEvaluation.read(corpus.first?.contents ?? "", file: file).filter(split.contains)
        let evaluation = CorpusEvaluation.evaluate(entries, with: analyzer, patternUsage: patternUsage)
        switch format {
        case .json: print(evaluation.json())
        case .text: print(evaluation.text(source: file), terminator: "")
        }
        if let baseline {
            guard let data = FileManager.default.contents(atPath: baseline) else {
                throw AttuneError.unreadable(path: baseline, reason: "cannot read the file")
            }
            print(
                "\n"
                    + (try evaluation.comparison(
                        withBaseline: String(decoding: data, as: UTF8.self), source: baseline)),
                terminator: "")
        }
    }

    /// A coded corpus through a mapping: the mapping and the corpus's columns are checked
    /// before any rule is loaded, so a bad mapping fails fast with its file and line.
    private func runMapped(_ path: String) throws {
        let mapping = try CorpusMapping.load(path: path)
        let corpus = try CodedCorpus.read(path: file, mapping: mapping)
        let analyzer = try rules.makeAnalyzer()
        let evaluation = try MappedEvaluation.evaluate(
            corpus, mapping: mapping, split: split, with: analyzer, missesPerCode: misses, patternUsage: patternUsage)
        var out = StandardOutput()
        out.write(format == .json ? evaluation.json() + "\n" : evaluation.text())
        try out.flush()
        if !evaluation.errors.isEmpty {
            Terminal.printError(
                "attune: \(evaluation.errors.count) rows of \(file) could not be evaluated (listed in the report)")
        }
    }
}

extension CorpusEvaluation.Split: ExpressibleByArgument {}
