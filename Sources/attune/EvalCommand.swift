import ArgumentParser
import AttuneKit
import Foundation

/// `attune eval`: precision and recall on a labelled corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Precision, recall and F1 per category on a labelled JSONL corpus, with every miss listed.")

    @Argument(help: "A JSONL file of {\"id\", \"context\", \"text\", \"labels\"} (the Corpus format).")
    var file: String

    @Option(help: "Output format: text or json (json can be saved and given to --baseline).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Compare with a run saved by --format json.", valueName: "file"))
    var baseline: String?

    @Option(help: "Which part of the corpus: all, dev (tuned on) or held-out (one in five, never tuned on).")
    var split: CorpusEvaluation.Split = .all

    @Flag(help: "List the rule patterns that fired on exactly one row of the evaluated set.")
    var patternUsage = false

    @OptionGroup var rules: RuleOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        Terminal.guarded { () throws(AttuneError) in
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
    }
}

extension CorpusEvaluation.Split: ExpressibleByArgument {}
