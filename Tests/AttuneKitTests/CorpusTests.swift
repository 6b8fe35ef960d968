import AttuneKit
import Foundation
import Testing

/// Accuracy gates on the labelled corpus (Corpus/replies.jsonl), and the JSON contract
/// for every reply in it.
@Suite struct CorpusTests {
    /// The floors the README reports; a change that drops below them fails.
    /// Measured (README): fixing 1.00/.937, minimizing .993/.939, defensiveness .992/.887,
    /// withdrawal .972/.869, validating .983/.946; the floors leave a little room.
    static let floors: [Category: (precision: Double, recall: Double)] = [
        .fixing: (0.97, 0.91),
        .minimizing: (0.97, 0.91),
        .defensiveness: (0.97, 0.86),
        .withdrawal: (0.95, 0.84),
        .validating: (0.97, 0.91),
    ]

    /// Floors on the held-out fifth, which no rule was tuned on: lower, and honest.
    /// Measured (README): fixing 1.00/.821, minimizing 1.00/.829, defensiveness .938/.577,
    /// withdrawal .950/.864, validating .973/.800.
    static let heldOutFloors: [Category: (precision: Double, recall: Double)] = [
        .fixing: (0.95, 0.78),
        .minimizing: (0.95, 0.78),
        .defensiveness: (0.90, 0.53),
        .withdrawal: (0.90, 0.80),
        .validating: (0.95, 0.72),
    ]

    static func evaluate(_ split: CorpusEvaluation.Split) -> CorpusEvaluation {
        let url = Fixtures.packageRoot.appendingPathComponent("Corpus/replies.jsonl")
        do {
            let entries = try CorpusEvaluation.read(String(contentsOf: url, encoding: .utf8), file: url.path)
            return CorpusEvaluation.evaluate(entries.filter(split.contains), with: Fixtures.analyzer())
        } catch {
            fatalError("corpus: \(error)")
        }
    }

    static let evaluation = evaluate(.all)
    static let heldOut = evaluate(.heldOut)

    @Test func corpusIsLargeAndCoversEveryCategory() {
        #expect(Fixtures.corpus.count >= 600)
        let labels = Set(Fixtures.corpus.flatMap(\.labels))
        #expect(labels == Set(Category.allCases.map(\.rawValue)))
        #expect(Fixtures.corpus.contains { $0.labels.isEmpty })
        #expect(Fixtures.corpus.filter { $0.context != nil }.count >= 300)
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
        #expect(Self.heldOut.entries >= 120)
        #expect(scores.precision >= floor.precision, "\(category) held-out precision \(scores.precision)")
        #expect(scores.recall >= floor.recall, "\(category) held-out recall \(scores.recall)")
    }

    @Test func jsonShapeHoldsForEveryReply() throws {
        let analyzer = Fixtures.analyzer()
        let findingKeys: Set<String> = [
            "rule", "category", "polarity", "start", "end", "excerpt", "message", "suggestions",
        ]
        for reply in Fixtures.corpus {
            let json = analyzer.analyze(reply.text, context: reply.context).json()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["text", "context", "score", "verdict", "findings", "rewrite", "bid"])
            #expect(object["text"] as? String == reply.text)
            let score = try #require(object["score"] as? Int)
            #expect((0...100).contains(score))
            #expect(["attuned", "mixed", "misattuned", "neutral"].contains(object["verdict"] as? String ?? ""))
            for finding in try #require(object["findings"] as? [[String: Any]]) {
                #expect(Set(finding.keys) == findingKeys)
                let start = try #require(finding["start"] as? Int)
                let end = try #require(finding["end"] as? Int)
                #expect(reply.text.codePoints(start, end) == finding["excerpt"] as? String, "\(reply.id)")
                let category = try #require(Category(rawValue: finding["category"] as? String ?? ""))
                #expect(finding["polarity"] as? String == category.polarity.rawValue)
            }
        }
    }
}
