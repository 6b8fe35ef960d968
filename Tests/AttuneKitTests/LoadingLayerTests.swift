import AttuneKit
import AttuneLoading
import Foundation
import Testing

/// The loading layer: the rule keys it accepts are the schema's, a pack may carry every
/// file kind, and a rule is checked against the file it sits in.
@Suite struct LoadingLayerTests {
    /// `Rules/schema/rules.schema.json`, as JSON objects.
    static var schema: [String: Any] {
        let url = Fixtures.packageRoot.appendingPathComponent("Rules/schema/rules.schema.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { fatalError("no schema at \(url.path)") }
        return object
    }

    static func properties(_ path: [String]) -> [String: Any] {
        var node: Any? = schema
        for key in path { node = (node as? [String: Any])?[key] }
        return node as? [String: Any] ?? [:]
    }

    static var rule: [String: Any] { properties(["$defs", "rule", "properties"]) }

    static func enumeration(_ property: String, items: Bool = false) -> Set<String> {
        let node = rule[property] as? [String: Any]
        let values = (items ? node?["items"] as? [String: Any] : node)?["enum"] as? [String] ?? []
        return Set(values)
    }

    @Test func theLoaderAcceptsExactlyTheSchemasRuleKeys() {
        #expect(Set(Self.rule.keys) == Set(RuleFileLoader.ruleKeys))
        let exceptions = (Self.rule["exceptions"] as? [String: Any])?["properties"] as? [String: Any] ?? [:]
        #expect(Set(exceptions.keys) == Set(RuleFileLoader.exceptionKeys))
        let examples = (Self.rule["examples"] as? [String: Any])?["properties"] as? [String: Any] ?? [:]
        #expect(Set(examples.keys) == Set(RuleFileLoader.exampleKeys))
    }

    @Test func theSchemasChoicesAreTheLoadersValues() {
        #expect(Self.enumeration("category") == Set(Category.allCases.map(\.rawValue)))
        #expect(Self.enumeration("attune") == Set(AttuneComponent.allCases.map(\.rawValue)))
        #expect(Self.enumeration("move") == Set(Move.allCases.map(\.rawValue)))
        #expect(Self.enumeration("bid", items: true) == Set(BidKind.allCases.map(\.rawValue)))
    }

    /// The built-in rule set with one pack of `files`.
    static func withPack(_ files: [RuleSet.File]) throws(AttuneError) -> RuleSet {
        try RuleSet.load(base: RuleSet.builtInFiles(), packs: [files])
    }

    @Test func aPacksScoringChangesOnlyTheKeysItNames() throws {
        let builtIn = try RuleSet.builtIn().scoring
        let set = try Self.withPack([("pack/scoring.yaml", "attuned_at: 70\n")])
        #expect(set.scoring.attunedAt == 70)
        #expect(builtIn.attunedAt != 70)
        #expect(set.scoring.misattunedBelow == builtIn.misattunedBelow)
        #expect(set.scoring.prior == builtIn.prior)
        #expect(set.diagnostics.contains { $0.location.file == "pack/scoring.yaml" && $0.severity == .note })
    }

    @Test func aPacksScoringIsCheckedAgainstTheBaseItChanges() {
        #expect(throws: AttuneError.self) {
            try Self.withPack([("pack/scoring.yaml", "misattuned_below: 99\n")])
        }
    }

    @Test func aPacksRewritesChangeOnlyTheTemplatesTheyName() throws {
        let builtIn = try RuleSet.builtIn().rewrites
        let yaml = "open:\n  good_news: \"How wonderful!\"\n"
        let set = try Self.withPack([("pack/rewrites.yaml", yaml)])
        #expect(set.rewrites.openForGoodNews == "How wonderful!")
        #expect(builtIn.openForGoodNews != "How wonderful!")
        #expect(set.rewrites.replace == builtIn.replace)
    }

    @Test func aPacksBidsReplaceTheBuiltInCues() throws {
        let yaml = "kinds:\n  distress: [\"i am so tired\"]\n"
        let set = try Self.withPack([("pack/bids.yaml", yaml)])
        #expect(set.bids.kinds.map(\.kind) == [.distress])
        #expect(set.bids.kinds.first?.patterns.map(\.source) == ["i am so tired"])
        #expect(set.diagnostics.contains { $0.location.file == "pack/bids.yaml" && $0.message.contains("replaces") })
    }

    @Test func aPacksBrokenBidsAreReportedWhereTheyStand() {
        var diagnostics: [Diagnostic] = []
        do {
            _ = try Self.withPack([("pack/bids.yaml", "kinds:\n  sadness: [\"oh no\"]\n")])
        } catch .invalidRules(let found) {
            diagnostics = found
        } catch {}
        #expect(
            diagnostics.contains {
                $0.location.file == "pack/bids.yaml" && $0.location.line == 2 && $0.message.contains("sadness")
            })
    }

    @Test func aRuleOfAnotherCategoryIsReportedInACategorysFile() {
        let yaml = RuleLoadingTests.rule(id: "minimizing.sample", category: "minimizing")
        let placed = Fixtures.diagnostics([("pack/fixing.yaml", yaml)]).filter {
            $0.location.file == "pack/fixing.yaml"
        }
        #expect(placed.contains { $0.severity == .warning && $0.message.contains("fixing.yaml holds fixing rules") })
        let elsewhere = Fixtures.diagnostics([("pack/mine.yaml", yaml)]).filter { $0.location.file == "pack/mine.yaml" }
        #expect(!elsewhere.contains { $0.message.contains("holds") })
    }

    @Test func theBuiltInRulesSitInTheirCategorysFile() {
        let diagnostics = (try? RuleSet.builtIn().diagnostics) ?? []
        #expect(!diagnostics.contains { $0.message.contains("holds") })
    }
}
