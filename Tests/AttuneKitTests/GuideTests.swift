import AttuneKit
import Foundation
import Testing

/// The authoring guide's tutorial (Rules/README.md) works as written.
@Suite struct GuideTests {
    /// The YAML between `<<'YAML'` and `YAML` in the guide.
    static func tutorialRule() throws -> String {
        let guide = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Rules/README.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "<<'YAML'\n"))
        let end = try #require(guide.range(of: "\nYAML\n", range: start.upperBound..<guide.endIndex))
        return String(guide[start.upperBound..<end.lowerBound])
    }

    @Test func theTutorialRuleLoadsAsAPackAndPassesItsExamples() throws {
        let set = try RuleSet.load(
            base: RuleSet.builtInFiles(), packs: [[("mypack/gratitude.yaml", try Self.tutorialRule())]])
        let own = set.diagnostics.filter { $0.location.file == "mypack/gratitude.yaml" }
        #expect(own.isEmpty, "\(own)")
        let analyzer = try Engine(ruleSet: set).makeAnalyzer()
        let report = ExampleRunner(analyzer: analyzer).run(only: ["minimizing.be-grateful"])
        #expect(report.rulesTested == 1)
        #expect(report.failures.isEmpty, "\(report.failures)")
        let analysis = analyzer.analyze("honestly just be grateful you have a job")
        #expect(analysis.findings.contains { $0.rule == "minimizing.be-grateful" })
    }

    @Test func aPackRuleWithABuiltInIDReplacesItWithANote() throws {
        let builtIn = try #require(try RuleSet.builtIn().rules.first)
        var yaml = try Self.tutorialRule()
        yaml = yaml.replacingOccurrences(of: "minimizing.be-grateful", with: builtIn.id)
            .replacingOccurrences(of: "category: minimizing", with: "category: \(builtIn.category.rawValue)")
        let set = try RuleSet.load(base: RuleSet.builtInFiles(), packs: [[("pack/override.yaml", yaml)]])
        #expect(set.rules.filter { $0.id == builtIn.id }.count == 1)
        #expect(set.rules.first { $0.id == builtIn.id }?.location.file == "pack/override.yaml")
        #expect(set.diagnostics.contains { $0.severity == .note && $0.message.contains("replaces") })
    }

    @Test func projectConfigDisablesAndReweighs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = try RuleSet.builtIn()
        let reweighed = try #require(set.rules.first { $0.category == .fixing })
        try "disable: [withdrawal, nosuch.rule]\nweights: {\(reweighed.id): 5}\n".write(
            to: folder.appendingPathComponent(".attune.yaml"), atomically: true, encoding: .utf8)
        let nested = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let path = try #require(ProjectConfig.find(from: nested.path))
        let applied = try ProjectConfig.load(path: path).apply(to: set)
        #expect(!applied.rules.contains { $0.category == .withdrawal })
        #expect(applied.rules.first { $0.id == reweighed.id }?.weight == 5)
        #expect(applied.diagnostics.contains { $0.message.contains("nosuch.rule") && $0.location.line == 1 })
    }
}
