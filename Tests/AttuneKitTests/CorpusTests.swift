import AttuneKit
import Foundation
import Testing

/// Accuracy gates on the labelled corpus (Corpus/replies.jsonl), and the JSON contract
/// for every reply in it.
@Suite struct CorpusTests {
    /// The most false alarms and misses allowed per category, in replies. A change that
    /// goes over fails; one that does better should lower the limit in the same commit.
    struct Limits {
        var falseAlarms: Int
        var misses: Int
    }

    /// All 2,097 replies, measured: fixing 17 false alarms / 16 misses, minimizing 3/34,
    /// defensiveness 6/43, withdrawal 9/27, validating 15/44. Rules are written from the
    /// dev part, so a rule change there often trades a reply for another: two false
    /// alarms and three misses of room, no more, before it counts as a regression.
    static let limits: [Category: Limits] = [
        .fixing: .init(falseAlarms: 19, misses: 19),
        .minimizing: .init(falseAlarms: 5, misses: 37),
        .defensiveness: .init(falseAlarms: 8, misses: 46),
        .withdrawal: .init(falseAlarms: 11, misses: 30),
        .validating: .init(falseAlarms: 17, misses: 47),
    ]

    /// The held-out fifth (405 replies), which no rule was written from, measured:
    /// fixing 8 false alarms / 5 misses, minimizing 1/23, defensiveness 2/31, withdrawal
    /// 2/14, validating 2/18. False alarms get no room (a wrong finding costs a user
    /// more than a missed one, and nothing tuned on dev should add one here); misses
    /// get one reply, since a rule made stricter to stop a false alarm on dev can lose
    /// a borderline reply here.
    static let heldOutLimits: [Category: Limits] = [
        .fixing: .init(falseAlarms: 8, misses: 6),
        .minimizing: .init(falseAlarms: 1, misses: 24),
        .defensiveness: .init(falseAlarms: 2, misses: 32),
        .withdrawal: .init(falseAlarms: 2, misses: 15),
        .validating: .init(falseAlarms: 2, misses: 19),
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
    func falseAlarmsAndMissesStayWithinTheirLimits(_ category: Category) throws {
        let scores = try #require(Self.evaluation.scores[category])
        let limit = try #require(Self.limits[category])
        #expect(Self.evaluation.entries >= 2000)
        #expect(scores.falsePositives <= limit.falseAlarms, "\(category): \(scores.falsePositives) false alarms")
        #expect(scores.falseNegatives <= limit.misses, "\(category): \(scores.falseNegatives) misses")
    }

    @Test(arguments: Category.allCases)
    func heldOutFalseAlarmsAndMissesStayWithinTheirLimits(_ category: Category) throws {
        let scores = try #require(Self.heldOut.scores[category])
        let limit = try #require(Self.heldOutLimits[category])
        #expect(Self.heldOut.entries >= 400)
        #expect(
            scores.falsePositives <= limit.falseAlarms, "\(category) held out: \(scores.falsePositives) false alarms")
        #expect(scores.falseNegatives <= limit.misses, "\(category) held out: \(scores.falseNegatives) misses")
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
