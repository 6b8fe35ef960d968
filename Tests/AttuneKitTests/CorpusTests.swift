import AttuneKit
import Foundation
import Testing

/// Accuracy gates on the labelled corpus (Corpus/replies.jsonl), and the JSON contract
/// for every reply in it.
@Suite struct CorpusTests {
    /// The floors the README reports; a change that drops below them fails. Measured on
    /// all 2,097 replies (README): fixing .955/.957, minimizing .991/.909, defensiveness
    /// .981/.879, withdrawal .970/.915, validating .973/.925; each floor is about one
    /// reply below.
    static let floors: [Category: (precision: Double, recall: Double)] = [
        .fixing: (0.95, 0.95),
        .minimizing: (0.985, 0.905),
        .defensiveness: (0.975, 0.87),
        .withdrawal: (0.965, 0.91),
        .validating: (0.965, 0.92),
    ]

    /// Floors on the held-out fifth (405 replies), which no rule was written from:
    /// lower, and honest. Measured (README): fixing .893/.931, minimizing .982/.701,
    /// defensiveness .950/.551, withdrawal .962/.785, validating .980/.845; each floor
    /// allows one more miss than measured.
    static let heldOutFloors: [Category: (precision: Double, recall: Double)] = [
        .fixing: (0.88, 0.91),
        .minimizing: (0.96, 0.68),
        .defensiveness: (0.92, 0.53),
        .withdrawal: (0.94, 0.77),
        .validating: (0.96, 0.83),
    ]

    /// Generated coverage probes (Corpus/probes): every advice verb in every advice
    /// frame, every feeling word in every reflection frame. Measured: fixing recall .936
    /// on advice with no false alarm on its near misses, validating recall .987.
    static let probeFloors: [(file: String, category: Category, recall: Double)] = [
        ("advice.jsonl", .fixing, 0.93),
        ("reflections.jsonl", .validating, 0.98),
    ]

    static func entries(_ file: String) -> [CorpusEvaluation.Entry] {
        let url = Fixtures.packageRoot.appendingPathComponent("Corpus/" + file)
        do {
            return try CorpusEvaluation.read(String(contentsOf: url, encoding: .utf8), file: url.path)
        } catch {
            fatalError("corpus: \(error)")
        }
    }

    /// The corpus figures, from the replies analysed once for every test (`Fixtures`).
    static func evaluate(_ split: CorpusEvaluation.Split) -> CorpusEvaluation {
        CorpusEvaluation.evaluate(entries("replies.jsonl").filter(split.contains)) {
            Fixtures.analysis(of: $0.id).findings
        }
    }

    static let evaluation = evaluate(.all)
    static let heldOut = evaluate(.heldOut)

    @Test func corpusIsLargeAndCoversEveryCategory() {
        #expect(Fixtures.corpus.count >= 2000)
        let labels = Set(Fixtures.corpus.flatMap(\.labels))
        #expect(labels == Set(Category.allCases.map(\.rawValue)))
        #expect(Fixtures.corpus.contains { $0.labels.isEmpty })
        #expect(Fixtures.corpus.filter { $0.context != nil }.count >= 1000)
    }

    @Test(arguments: Category.allCases)
    func precisionAndRecallStayAboveTheirFloors(_ category: Category) throws {
        let scores = try #require(Self.evaluation.scores[category])
        let floor = try #require(Self.floors[category])
        #expect(
            scores.precision >= floor.precision,
            "\(category) precision \(scores.precision) (tp \(scores.truePositives), fp \(scores.falsePositives))")
        #expect(
            scores.recall >= floor.recall,
            "\(category) recall \(scores.recall) (tp \(scores.truePositives), fn \(scores.falseNegatives))")
    }

    @Test(arguments: Category.allCases)
    func heldOutAccuracyStaysAboveItsFloors(_ category: Category) throws {
        let scores = try #require(Self.heldOut.scores[category])
        let floor = try #require(Self.heldOutFloors[category])
        #expect(Self.heldOut.entries >= 400)
        #expect(scores.precision >= floor.precision, "\(category) held-out precision \(scores.precision)")
        #expect(scores.recall >= floor.recall, "\(category) held-out recall \(scores.recall)")
    }

    @Test(arguments: probeFloors.indices)
    func probesReachTheirFloors(_ index: Int) throws {
        let floor = Self.probeFloors[index]
        let evaluation = CorpusEvaluation.evaluate(Self.entries("probes/" + floor.file), with: Fixtures.analyzer())
        let scores = try #require(evaluation.scores[floor.category])
        #expect(evaluation.entries > 1000)
        #expect(scores.recall >= floor.recall, "\(floor.file) \(floor.category) recall \(scores.recall)")
        #expect(scores.precision == 1, "\(floor.file): \(scores.falsePositives) near misses flagged \(floor.category)")
    }

    @Test func jsonShapeHoldsForEveryReply() throws {
        let findingKeys: Set<String> = [
            "rule", "category", "polarity", "start", "end", "excerpt", "message", "suggestions", "replace",
        ]
        for reply in Fixtures.corpus {
            let json = Fixtures.analysis(of: reply.id).json()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["text", "context", "score", "verdict", "findings", "rewrite", "bid"])
            #expect(object["text"] as? String == reply.text)
            let score = try #require(object["score"] as? Int)
            #expect((0...100).contains(score))
            #expect(["attuned", "mixed", "misattuned", "neutral"].contains(object["verdict"] as? String ?? ""))
            for finding in try #require(object["findings"] as? [[String: Any]]) {
                // Validating findings also say which move they are (MITI measures).
                let moveKey: Set<String> = finding["category"] as? String == "validating" ? ["move"] : []
                #expect(Set(finding.keys) == findingKeys.union(moveKey))
                let start = try #require(finding["start"] as? Int)
                let end = try #require(finding["end"] as? Int)
                #expect(reply.text.codePoints(start, end) == finding["excerpt"] as? String, "\(reply.id)")
                // What a suggestion replaces holds the flagged words and is whole text.
                let replace = try #require(finding["replace"] as? [String: Int])
                let from = try #require(replace["start"])
                let to = try #require(replace["end"])
                #expect(from <= start && end <= to && to <= reply.text.unicodeScalars.count, "\(reply.id)")
                let category = try #require(Category(rawValue: finding["category"] as? String ?? ""))
                #expect(finding["polarity"] as? String == category.polarity.rawValue)
            }
        }
    }
}
