import AttuneCore
import AttuneEngine
import AttuneLoading

/// `attune eval --mapping`: how attune agrees with people's codes on a coded corpus.
/// Per code, the share of rows where attune does what the code expects; per category,
/// precision and recall; Cohen's kappa between the codes' categories and attune's;
/// mean scores per group; and the misses with the rules that fired.
public struct MappedEvaluation: Sendable {
    /// A finding, as a miss shows it.
    public struct Found: Sendable {
        public var category: Category
        public var rule: String
        public var excerpt: String
    }

    /// A row where attune did not do what its code expects.
    public struct Miss: Sendable {
        public var line: Int
        public var turn: Int?
        public var text: String
        public var context: String?
        public var found: [Found]
        public var score: Int
    }

    public struct CodeResult: Sendable {
        public var name: String
        public var expect: CorpusMapping.Expectation
        public var rows = 0
        /// Rows where attune did what the code expects.
        public var agreed = 0
        /// Rows with at least one finding of each category.
        public var flagged: [Category: Int] = [:]
        public var scoreSum = 0
        /// The first misses, up to the limit asked for.
        public var misses: [Miss] = []

        public var missCount: Int { rows - agreed }
        public var agreement: Double? { rows == 0 ? nil : Double(agreed) / Double(rows) }
        public var meanScore: Double? { rows == 0 ? nil : Double(scoreSum) / Double(rows) }
        public func share(_ category: Category) -> Double? {
            rows == 0 ? nil : Double(flagged[category, default: 0]) / Double(rows)
        }

        /// Counts one row of the code, listing it while fewer than `limit` misses are.
        mutating func record(
            _ analysis: Analysis, _ found: Set<Category>, agreeing: Bool, line: Int, turn: Int?, context: String?,
            listing limit: Int
        ) {
            rows += 1
            scoreSum += analysis.score
            for category in found { flagged[category, default: 0] += 1 }
            if agreeing {
                agreed += 1
            } else if misses.count < limit {
                let found = analysis.findings.map { Found(category: $0.category, rule: $0.rule, excerpt: $0.excerpt) }
                misses.append(
                    Miss(
                        line: line, turn: turn, text: analysis.text, context: context, found: found,
                        score: analysis.score))
            }
        }
    }

    /// The analysed rows of one value of the mapping's group field.
    public struct GroupResult: Sendable {
        public var value: String
        public var rows = 0
        public var scoreSum = 0
        /// Rows with a misattuned finding, and rows with a validating one.
        public var misattuned = 0
        public var validating = 0

        public var meanScore: Double { rows == 0 ? 0 : Double(scoreSum) / Double(rows) }
    }

    /// Cohen's kappa's labels: "none", then the categories.
    public static let labels = ["none"] + Category.allCases.map(\.rawValue)

    public var corpus: String
    public var mapping: CorpusMapping
    public var split: CorpusEvaluation.Split
    /// How many misses each code lists at most.
    public var missesPerCode: Int
    /// Rows the file holds (read without error).
    public var rowsRead = 0
    /// Rows of the split that the mapping's `rows` selects.
    public var selected = 0
    public var analysed = 0
    /// Analysed rows no code applies to.
    public var uncoded = 0
    public var errors: [RowError] = []
    public var codes: [CodeResult]
    /// Per category some code expects: positives are rows whose code expects it, negatives
    /// the rows of every other code.
    public var scores: [Category: CorpusEvaluation.Scores] = [:]
    /// Coded rows by their code's category (row) and attune's (column), in `labels` order.
    public var confusion: [[Int]]
    public var groups: [GroupResult] = []
    public var patternUsage: PatternUsage?

    /// Coded rows.
    public var coded: Int { analysed - uncoded }

    /// Cohen's kappa between the codes' categories and attune's.
    public var kappa: Kappa { Self.cohensKappa(confusion) }

    public struct Kappa: Sendable {
        /// nil when chance agreement is already total (one label everywhere) or the
        /// table is empty.
        public var value: Double?
        public var observed: Double
        public var chance: Double
    }

    /// Cohen's kappa of a square table of counts (rows: one rater, columns: the other):
    /// (observed − chance) / (1 − chance), chance being the sum over labels of the
    /// product of the two raters' shares.
    public static func cohensKappa(_ table: [[Int]]) -> Kappa {
        let total = Double(table.reduce(0) { $0 + $1.reduce(0, +) })
        guard total > 0 else { return Kappa(value: nil, observed: 0, chance: 0) }
        var observed = 0.0
        var chance = 0.0
        for label in table.indices {
            observed += Double(table[label][label])
            let row = Double(table[label].reduce(0, +))
            let column = Double(table.reduce(0) { $0 + $1[label] })
            chance += (row / total) * (column / total)
        }
        observed /= total
        return Kappa(value: chance < 1 ? (observed - chance) / (1 - chance) : nil, observed: observed, chance: chance)
    }

    /// attune's single category for a row: that of its heaviest finding by the weight
    /// that counted in the score, a misattuned category before validating and then the
    /// categories' order on a tie; nil (none) without findings.
    public static func mainCategory(of findings: [Finding]) -> Category? {
        findings.max { a, b in
            a.effectiveWeight != b.effectiveWeight ? a.effectiveWeight < b.effectiveWeight : a.category > b.category
        }?.category
    }

    /// Whether a row's findings are what its code expects.
    static func agrees(_ expect: CorpusMapping.Expectation, _ found: Set<Category>) -> Bool {
        switch expect {
        case .category(let category): found.contains(category)
        case .notCategory(let category): !found.contains(category)
        case .noMisattunement: !found.contains { $0.polarity == .misattuned }
        }
    }

    /// Analyses each selected row of the split once, in file order.
    public static func evaluate(
        _ corpus: CodedCorpus, mapping: CorpusMapping, split: CorpusEvaluation.Split = .all, with analyzer: Analyzer,
        missesPerCode: Int = 20, patternUsage: Bool = false
    ) throws(AttuneError) -> MappedEvaluation {
        if split != .all, mapping.split == nil {
            throw .invalidRules([
                Diagnostic(
                    .error, SourceLocation(file: mapping.file, line: 1, column: 1),
                    "--split \(split.rawValue) needs 'split: {by: field}' in the mapping (the field whose hash "
                        + "puts a row in dev or held-out)")
            ])
        }
        var evaluation = MappedEvaluation(
            corpus: corpus.file, mapping: mapping, split: split, missesPerCode: missesPerCode, errors: corpus.errors,
            codes: mapping.codes.map { CodeResult(name: $0.name, expect: $0.expect) },
            confusion: Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count))
        if patternUsage { evaluation.patternUsage = PatternUsage(rules: analyzer.engine.ruleSet.rules) }
        let positives = Set(mapping.codes.compactMap(\.expect.category))
        for category in positives { evaluation.scores[category] = CorpusEvaluation.Scores() }
        var tracker = SpeakerRuns()
        var groups: [String: GroupResult] = [:]

        for row in corpus.rows {
            evaluation.rowsRead += 1
            let text = row.values[mapping.text].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            var context: String?
            switch mapping.context {
            case .none: break
            case .field(let field): context = row.values[field]
            case .previousOtherSpeaker:
                let speaker = mapping.speaker.flatMap { row.values[$0] }.map { String($0.trimmingSpaces()) } ?? ""
                if !speaker.isEmpty, let text { context = tracker.add(text, by: speaker, in: row.conversation) }
            }
            guard split.contains(key: mapping.split.flatMap { row.values[$0] } ?? ""),
                mapping.rows.allSatisfy({ $0.holds(row.values) })
            else { continue }
            evaluation.selected += 1
            guard let text else {
                evaluation.errors.append(
                    RowError(line: row.line, turn: row.turn, message: "no text in '\(mapping.fields[mapping.text])'"))
                continue
            }
            evaluation.analysed += 1
            let (analysis, trace) = analyzer.analyzeWithTrace(text, context: context, rewriting: false)
            let found = Set(analysis.findings.map(\.category))
            evaluation.patternUsage?.record(trace.firedPatterns, row: .init(line: row.line, turn: row.turn, text: text))

            if let group = mapping.group, group.when.allSatisfy({ $0.holds(row.values) }) {
                let value = String((row.values[group.field] ?? "").trimmingSpaces())
                var result = groups[value] ?? GroupResult(value: value)
                result.rows += 1
                result.scoreSum += analysis.score
                if found.contains(where: { $0.polarity == .misattuned }) { result.misattuned += 1 }
                if found.contains(.validating) { result.validating += 1 }
                groups[value] = result
            }

            guard let code = mapping.code(of: row.values) else {
                evaluation.uncoded += 1
                continue
            }
            let expect = mapping.codes[code].expect
            evaluation.codes[code].record(
                analysis, found, agreeing: agrees(expect, found), line: row.line, turn: row.turn, context: context,
                listing: missesPerCode)

            for category in positives {
                switch (expect == .category(category), found.contains(category)) {
                case (true, true): evaluation.scores[category]!.truePositives += 1
                case (true, false): evaluation.scores[category]!.falseNegatives += 1
                case (false, true): evaluation.scores[category]!.falsePositives += 1
                case (false, false): break
                }
            }
            let human = expect.category.map { Category.allCases.firstIndex(of: $0)! + 1 } ?? 0
            let machine = mainCategory(of: analysis.findings).map { Category.allCases.firstIndex(of: $0)! + 1 } ?? 0
            evaluation.confusion[human][machine] += 1
        }
        evaluation.groups = groups.values.sorted { $0.value < $1.value }
        evaluation.errors.sort { ($0.line, $0.turn ?? 0) < ($1.line, $1.turn ?? 0) }
        return evaluation
    }
}

/// The context of `previous_other_speaker`: in each conversation, the latest run of
/// consecutive turns by a speaker other than the current one, joined with a space.
/// A reply to "I'm tired." "Work was awful." by the same person answers both.
struct SpeakerRuns {
    private struct Run {
        var speaker: String
        var texts: [String]
        var joined: String { texts.joined(separator: " ") }
    }

    private var conversations: [String: (current: Run, previous: Run?)] = [:]

    /// Adds a turn and returns its context.
    mutating func add(_ text: String, by speaker: String, in conversation: String) -> String? {
        guard var state = conversations[conversation] else {
            conversations[conversation] = (Run(speaker: speaker, texts: [text]), nil)
            return nil
        }
        let context: String?
        if state.current.speaker == speaker {
            context = state.previous?.joined
            state.current.texts.append(text)
        } else {
            context = state.current.joined
            state = (Run(speaker: speaker, texts: [text]), state.current)
        }
        conversations[conversation] = state
        return context
    }
}
