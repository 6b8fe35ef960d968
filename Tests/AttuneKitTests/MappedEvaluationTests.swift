import Foundation
import Testing

import AttuneKit
@testable import AttuneEvaluation
@testable import AttuneEngine
@testable import AttuneMatching

/// `attune eval --mapping`: coded corpora read through a mapping file. The corpora here
/// are invented (Tests/Fixtures/coded/); the real ones may not be redistributed.
@Suite struct MappedEvaluationTests {
    static let coded = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/coded").path
    static let mappings = Fixtures.packageRoot.appendingPathComponent("Corpus/mappings").path

    func evaluate(
        mapping: String, corpus: String, split: CorpusEvaluation.Split = .all, patternUsage: Bool = false
    ) throws -> MappedEvaluation {
        let mapping = try CorpusMapping.load(path: mapping)
        let corpus = try CodedCorpus.read(path: corpus, mapping: mapping)
        return try MappedEvaluation.evaluate(
            corpus, mapping: mapping, split: split, with: Fixtures.analyzer(), patternUsage: patternUsage)
    }

    func sessions(_ split: CorpusEvaluation.Split = .all, patternUsage: Bool = false) throws -> MappedEvaluation {
        try evaluate(
            mapping: "\(Self.coded)/sessions.yaml", corpus: "\(Self.coded)/sessions.csv", split: split,
            patternUsage: patternUsage)
    }

    func code(_ name: String, in evaluation: MappedEvaluation) throws -> MappedEvaluation.CodeResult {
        try #require(evaluation.codes.first { $0.name == name })
    }

    // MARK: per code, per category, kappa

    @Test func perCodeRatesOnTheInventedSessions() throws {
        let evaluation = try sessions()
        #expect(evaluation.rowsRead == 15, "lines 5 and 6 are one row")
        #expect(evaluation.analysed == 14)
        #expect(evaluation.uncoded == 1)
        let reflection = try code("reflection", in: evaluation)
        #expect((reflection.rows, reflection.agreed) == (4, 3))
        #expect(reflection.share(.validating) == 0.75)
        let advice = try code("advice", in: evaluation)
        #expect((advice.rows, advice.agreed) == (2, 2))
        let information = try code("information", in: evaluation)
        #expect((information.rows, information.agreed) == (2, 1))
        #expect(information.share(.fixing) == 0.5)
        let client = try code("client turn", in: evaluation)
        #expect((client.rows, client.agreed) == (5, 4))
        #expect(client.share(.minimizing) == 0.2)

        // The misses carry their physical lines: a quoted field spans lines 5 and 6.
        #expect(reflection.misses.map(\.line) == [10])
        #expect(information.misses.map(\.line) == [13])
        #expect(information.misses.first?.found.map(\.category) == [.fixing])
        #expect(client.misses.map(\.line) == [14])
        #expect(evaluation.scores[.fixing] == CorpusEvaluation.Scores(truePositives: 2, falsePositives: 1))
        #expect(
            evaluation.scores[.validating] == CorpusEvaluation.Scores(truePositives: 3, falseNegatives: 1))
        #expect(evaluation.scores[.minimizing] == nil, "no code expects minimizing")
    }

    @Test func aRowWithoutTextIsACountedErrorWithItsLine() throws {
        let evaluation = try sessions()
        #expect(evaluation.errors == [RowError(line: 12, message: "no text in 'utterance'")])
        #expect(evaluation.selected == evaluation.analysed + evaluation.errors.count)
        #expect(evaluation.text().contains("sessions.csv:12  no text in 'utterance'"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(evaluation.json().utf8)) as? [String: Any])
        #expect((json["errors"] as? [[String: Any]])?.first?["line"] as? Int == 12)
    }

    /// Rows: 13 coded. The codes' categories against attune's heaviest finding:
    ///
    ///     code \ attune   none  fixing  minimizing  validating
    ///     none (7)          5      1        1           0
    ///     fixing (2)        0      2        0           0
    ///     validating (4)    1      0        0           3
    ///
    /// observed 10/13; chance (7·6 + 2·3 + 4·3) / 13² = 60/169; kappa = 70/109.
    @Test func kappaOnTheSessionsIsTheHandCount() throws {
        let evaluation = try sessions()
        #expect(
            evaluation.confusion == [
                [5, 1, 1, 0, 0, 0], [0, 2, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
                [1, 0, 0, 0, 0, 3],
            ])
        let kappa = try #require(evaluation.kappa.value)
        #expect(abs(kappa - 70.0 / 109.0) < 1e-12)
        #expect(abs(evaluation.kappa.observed - 10.0 / 13.0) < 1e-12)
        #expect(abs(evaluation.kappa.chance - 60.0 / 169.0) < 1e-12)
    }

    /// The textbook table: 20 and 15 agree, 5 and 10 do not, out of 50: observed 0.7,
    /// chance (25·30 + 25·20) / 50² = 0.5, kappa 0.4.
    @Test func kappaOfATextbookTable() throws {
        let kappa = MappedEvaluation.cohensKappa([[20, 5], [10, 15]])
        #expect(abs(try #require(kappa.value) - 0.4) < 1e-12)
        #expect(MappedEvaluation.cohensKappa([[7, 0], [0, 0]]).value == nil, "one label everywhere: undefined")
        #expect(MappedEvaluation.cohensKappa([[0, 0], [0, 0]]).value == nil)
    }

    @Test func theHeaviestFindingIsTheRowsCategory() {
        func finding(_ category: Category, _ weight: Double) -> Finding {
            Finding(
                rule: "\(category).x", category: category, start: 0, end: 1, excerpt: "x", message: "", suggestions: [],
                attune: .empathy, weight: 3, effectiveWeight: weight, discount: nil, tokens: 0..<1, utf16: 0..<1,
                match: nil)
        }
        #expect(MappedEvaluation.mainCategory(of: [finding(.validating, 3), finding(.fixing, 1.5)]) == .validating)
        #expect(MappedEvaluation.mainCategory(of: [finding(.validating, 3), finding(.withdrawal, 3)]) == .withdrawal)
        #expect(MappedEvaluation.mainCategory(of: [finding(.withdrawal, 3), finding(.fixing, 3)]) == .fixing)
        #expect(MappedEvaluation.mainCategory(of: []) == nil)
    }

    @Test func groupsGiveTheMeanScoreOfTheirRows() throws {
        let evaluation = try sessions()
        #expect(evaluation.groups.map(\.value) == ["high", "low"])
        #expect(evaluation.groups.map(\.rows) == [4, 5], "therapist rows only")
        let analyzer = Fixtures.analyzer()
        let high = [
            analyzer.analyze("That sounds really hard.", context: "I had an awful day at work, my boss yelled at me."),
            analyzer.analyze(
                "It makes sense you're upset,\nbeing called out in front of everyone.",
                context: "Yes, he called it a \"small mistake\", in front of everyone."),
            analyzer.analyze(
                "You should just quit.", context: "Yes, he called it a \"small mistake\", in front of everyone."),
            analyzer.analyze("Congratulations, you earned this!", context: "I got the job!"),
        ].map(\.score)
        #expect(evaluation.groups[0].meanScore == Double(high.reduce(0, +)) / 4)
    }

    // MARK: split

    @Test func theSplitKeepsEachSessionWhole() throws {
        // FNV-1a mod 5: s1 → 4, s2 → 2 (dev), s5 → 0 (held-out).
        #expect(CorpusEvaluation.Split.dev.contains(key: "s1"))
        #expect(CorpusEvaluation.Split.dev.contains(key: "s2"))
        #expect(CorpusEvaluation.Split.heldOut.contains(key: "s5"))
        #expect(!CorpusEvaluation.Split.dev.contains(key: "s5"))
        let dev = try sessions(.dev)
        let heldOut = try sessions(.heldOut)
        #expect((dev.selected, dev.analysed) == (13, 12))
        #expect((heldOut.selected, heldOut.analysed) == (2, 2))
        #expect(try code("reflection", in: heldOut).rows == 1)
        #expect(try code("client turn", in: dev).rows == 4)
        // Hand count for dev: observed 8/11, chance 42/121, kappa 46/79.
        #expect(abs(try #require(dev.kappa.value) - 46.0 / 79.0) < 1e-12)
    }

    @Test func aSplitNeedsASplitField() throws {
        let mapping = try CorpusMapping.load(
            "format: csv\ntext: utterance\ncodes:\n  - {name: a, when: {speaker: client}, expect: validating}\n",
            file: "nosplit.yaml")
        let corpus = try CodedCorpus.read(path: "\(Self.coded)/sessions.csv", mapping: mapping)
        #expect {
            try MappedEvaluation.evaluate(corpus, mapping: mapping, split: .dev, with: Fixtures.analyzer())
        } throws: { error in
            "\(error)".contains("nosplit.yaml:1:1") && "\(error)".contains("split: {by: field}")
        }
    }

    // MARK: dialogs (ESConv-shaped) and the shipped mappings

    @Test func dialogsThroughTheShippedESConvMapping() throws {
        let evaluation = try evaluate(
            mapping: "\(Self.mappings)/esconv.yaml", corpus: "\(Self.coded)/dialogs.jsonl")
        #expect(evaluation.rowsRead == 12)
        #expect(evaluation.selected == 7, "supporter turns only")
        #expect(
            evaluation.errors == [
                RowError(line: 2, message: "not a JSON object"),
                RowError(line: 3, turn: 2, message: "no text in 'text'"),
            ])
        let restatement = try code("Restatement or Paraphrasing", in: evaluation)
        #expect((restatement.rows, restatement.agreed) == (1, 0))
        #expect(restatement.misses.first?.line == 3)
        #expect(restatement.misses.first?.turn == 3)
        #expect(restatement.misses.first?.context == "My dog is sick and I keep crying.")
        #expect(try code("Reflection of feelings", in: evaluation).agreed == 1)
        #expect(try code("Providing Suggestions", in: evaluation).agreed == 2)
        #expect(try code("Information", in: evaluation).agreed == 1)
        #expect(evaluation.uncoded == 1)
        // The group reaches into the conversation object: survey_score.seeker.empathy.
        #expect(evaluation.groups.map { "\($0.value):\($0.rows)" } == ["2:2", "5:4"])
        // "So the vet visit is on Monday." to "My dog is sick and I keep crying." turns
        // away (withdrawal): observed 4/5, chance (1·1 + 2·2 + 2·1)/25 = 7/25.
        #expect(abs(try #require(evaluation.kappa.value) - 13.0 / 18.0) < 1e-12)
    }

    @Test func previousOtherSpeakerJoinsTheirLatestRun() {
        var runs = SpeakerRuns()
        #expect(runs.add("Hi.", by: "usr", in: "a") == nil)
        #expect(runs.add("Hello.", by: "sys", in: "a") == "Hi.")
        #expect(runs.add("I'm worried.", by: "usr", in: "a") == "Hello.")
        #expect(runs.add("I can't sleep.", by: "usr", in: "a") == "Hello.")
        #expect(runs.add("That sounds hard.", by: "sys", in: "a") == "I'm worried. I can't sleep.")
        #expect(runs.add("What keeps you up?", by: "sys", in: "a") == "I'm worried. I can't sleep.")
        #expect(runs.add("Someone else.", by: "usr", in: "b") == nil, "conversations are apart")
    }

    @Test func theShippedAnnoMIMappingFindsItsColumns() throws {
        // AnnoMI's header with invented rows.
        let csv = #"""
            mi_quality,transcript_id,video_title,video_url,topic,utterance_id,interlocutor,timestamp,utterance_text,\#
            annotator_id,therapist_input_exists,therapist_input_subtype,reflection_exists,reflection_subtype,\#
            question_exists,question_subtype,main_therapist_behaviour,client_talk_type
            low,7,"A title, with ""quotes""",https://example.org,smoking,0,client,00:00:01,"I'm so tired of trying, honestly.",1,n/a,n/a,n/a,n/a,n/a,n/a,n/a,neutral
            low,7,"A title, with ""quotes""",https://example.org,smoking,1,therapist,00:00:05,It sounds really exhausting.,1,False,n/a,True,complex,False,n/a,reflection,n/a
            low,7,"A title, with ""quotes""",https://example.org,smoking,2,therapist,00:00:09,You should just quit.,1,True,advice,False,n/a,False,n/a,therapist_input,n/a

            """#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("annomi-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: path) }
        try csv.write(to: path, atomically: true, encoding: .utf8)
        let evaluation = try evaluate(mapping: "\(Self.mappings)/annomi.yaml", corpus: path.path)
        #expect(evaluation.errors.isEmpty)
        #expect(try code("complex reflection", in: evaluation).rows == 1)
        #expect(try code("advice", in: evaluation).agreed == 1)
        #expect(try code("client turn", in: evaluation).rows == 1)
        #expect(evaluation.groups.map(\.value) == ["low"])
        #expect(evaluation.groups.first?.rows == 2)
    }

    @Test func aJSONLCorpusWithItsOwnContextField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coded-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: path) }
        try """
        {"reply": "You should just quit.", "answers": "My job is awful.", "code": {"kind": 3}}
        {"reply": "That sounds really hard.", "answers": "My job is awful.", "code": {"kind": 1}}
        {"answers": "My job is awful.", "code": {"kind": 1}}

        """.write(to: path, atomically: true, encoding: .utf8)
        let mapping = try CorpusMapping.load(
            """
            format: jsonl
            text: reply
            context: {field: answers}
            codes:
              - {name: advice, when: {code.kind: 3}, expect: fixing}
              - {name: empathy, when: {code.kind: [1, 2]}, expect: validating}
            """, file: "inline.yaml")
        let corpus = try CodedCorpus.read(path: path.path, mapping: mapping)
        let evaluation = try MappedEvaluation.evaluate(corpus, mapping: mapping, with: Fixtures.analyzer())
        #expect(evaluation.codes.map(\.rows) == [1, 1])
        #expect(evaluation.codes.map(\.agreed) == [1, 1])
        #expect(evaluation.errors == [RowError(line: 3, message: "no text in 'reply'")])
    }

    // MARK: a bad mapping

    static let goodMapping = """
        format: csv
        text: utterance
        speaker: speaker
        context: previous_other_speaker
        codes:
          - name: reflection
            when: {speaker: therapist, behaviour: reflection}
            expect: validating
        """

    @Test(arguments: [
        // (line to replace, its replacement, expected line:column, message)
        (
            "    expect: validating", "    expect: validatin", "8:13",
            "unknown category 'validatin'; did you mean 'validating'?"
        ),
        ("    expect: validating", "    expect_not: no_misattunement", "8:17", "unknown category 'no_misattunement'"),
        (
            "    expect: validating", "    expect: fixing\n    expect_not: fixing", "8:13",
            "both 'expect' and 'expect_not'"
        ),
        ("    expect: validating", "", "6:5", "code 'reflection' needs 'expect'"),
        ("    when: {speaker: therapist, behaviour: reflection}", "    when: therapist", "7:11", "must be a mapping"),
        ("  - name: reflection", "  - nme: reflection", "6:5", "did you mean 'name'?"),
        ("format: csv", "format: xls", "1:9", "unknown format 'xls'"),
        ("speaker: speaker", "", "4:10", "previous_other_speaker needs a 'speaker'"),
        ("context: previous_other_speaker", "context: [previous]", "4:10", "must be a mapping"),
        (
            "    when: {speaker: therapist, behaviour: reflection}", "    when: {speaker: [therapist", "8:11",
            "invalid YAML"
        ),
    ])
    func aBadMappingIsLocated(_ original: String, _ replacement: String, _ place: String, _ message: String) {
        let yaml = Self.goodMapping.replacingOccurrences(of: original, with: replacement)
        #expect(throws: Never.self) { try CorpusMapping.load(Self.goodMapping, file: "m.yaml") }
        #expect {
            try CorpusMapping.load(yaml, file: "m.yaml")
        } throws: { error in
            guard case AttuneError.invalidRules(let diagnostics) = error else { return false }
            return diagnostics.contains {
                "\($0.location.line):\($0.location.column)" == place && $0.message.contains(message)
            }
        }
    }

    @Test func anEmptyOrIncompleteMappingSaysWhatItNeeds() {
        #expect {
            try CorpusMapping.load("", file: "empty.yaml")
        } throws: { "\($0)" == "empty.yaml:1:1: error: the mapping file is empty" }
        #expect {
            try CorpusMapping.load("format: dialogs\n", file: "short.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("short.yaml:1:1: error: a mapping needs 'text'") && text.contains("needs 'codes'")
        }
    }

    @Test func aColumnTheCorpusLacksIsAnErrorWhereTheMappingNamesIt() throws {
        let yaml = Self.goodMapping.replacingOccurrences(of: "behaviour: reflection", with: "behavior: reflection")
        let mapping = try CorpusMapping.load(yaml, file: "m.yaml")
        #expect {
            try CodedCorpus.read(path: "\(Self.coded)/sessions.csv", mapping: mapping)
        } throws: { error in
            let text = "\(error)"
            return text.contains("m.yaml:7:32: error: no column 'behavior'")
                && text.contains("did you mean 'behaviour'?")
        }
    }

    @Test func aFieldNoDialogHasIsAnErrorWhereTheMappingNamesIt() throws {
        let yaml = try String(contentsOfFile: "\(Self.mappings)/esconv.yaml", encoding: .utf8)
            .replacingOccurrences(of: "{strategy: Information}", with: "{stratgy: Information}")
        let mapping = try CorpusMapping.load(yaml, file: "esconv-typo.yaml")
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("stratgy") }!
        #expect {
            try CodedCorpus.read(path: "\(Self.coded)/dialogs.jsonl", mapping: mapping)
        } throws: { error in
            "\(error)".contains("esconv-typo.yaml:\(line + 1):") && "\(error)".contains("has a field 'stratgy'")
        }
    }

    // MARK: pattern usage

    @Test func patternUsageListsThePatternsThatFiredOnOneRowOnly() throws {
        let entries = try CorpusEvaluation.read(
            """
            {"id": "a", "text": "You should quit.", "labels": ["fixing"]}
            {"id": "b", "text": "You should rest more.", "labels": ["fixing"]}
            {"id": "c", "text": "That sounds so hard.", "labels": ["validating"]}
            """, file: "usage.jsonl")
        let evaluation = CorpusEvaluation.evaluate(entries, with: Fixtures.analyzer(), patternUsage: true)
        let usage = try #require(evaluation.patternUsage)
        let singles = usage.singleUse
        #expect(singles.map(\.rule) == ["validating.sounds-hard"], "fixing.you-should fired on two rows")
        #expect(singles.first?.row.line == 3)
        #expect(singles.first?.row.id == "c")
        #expect(singles.first?.pattern == 1)
        #expect(singles.first?.location?.file == "Rules/validating.yaml")
        #expect(usage.rows == 3)
        #expect(evaluation.text(source: "usage.jsonl").contains("validating.sounds-hard pattern 1"))
        #expect(CorpusEvaluation.evaluate(entries, with: Fixtures.analyzer()).patternUsage == nil)
    }

    @Test func patternUsageOverAMappedCorpus() throws {
        let evaluation = try sessions(patternUsage: true)
        let singles = try #require(evaluation.patternUsage).singleUse
        #expect(singles.contains { $0.rule == "fixing.you-should" && $0.row.line == 7 })
        #expect(evaluation.json().contains("\"pattern_usage\":"))
    }
}
