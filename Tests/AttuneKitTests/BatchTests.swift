import AttuneKit
import Foundation
import Testing

/// Scoring whole transcripts: order, summaries and reports.
@Suite struct BatchTests {
    /// A couple's exchange whose figures are worked out by hand below.
    static let conversation = """
        Ana: I'm so stressed about my exam tomorrow.
        Ben: Just study harder, it's not a big deal.
        Ana: Wow. That really hurt, I needed you to listen.
        Ben: You're right, I'm sorry. That makes sense.
        Ana: Thanks. Guess what, I got the job!
        Ben: ok
        """

    func run(_ text: String, name: String = "session.txt", workers: Int = 2, blockSize: Int = 128) throws
        -> [BatchResult]
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        var results: [BatchResult] = []
        try BatchRunner(engine: Fixtures.engine, workers: workers, blockSize: blockSize).run(
            TranscriptReader(inputs: [path.path])
        ) {
            results.append($0)
            return true
        }
        return results
    }

    /// Ben: scores 20 (fixing + minimizing), 83 (three validations), 33 (a bare "ok"
    /// to good news: turned away) → mean 45.3; 3 attuned to 3 misattuned moments → 1;
    /// three emotional bids (distress, complaint, good news), one turned toward.
    /// Ana: three neutral turns (50) answering no emotional bid.
    @Test func summaryFiguresOfAHandCheckedConversation() throws {
        var summary = BatchSummary()
        for result in try run(Self.conversation) { summary.add(result) }
        #expect(summary.turns == 6 && summary.errors == 0)
        let speakers = summary.speakers.items
        #expect(speakers.map(\.speaker) == ["Ana", "Ben"])
        let ben = speakers[1].tally
        #expect(ben.turns == 3 && ben.scoreTotal == 20 + 83 + 33)
        #expect(ben.counts == [.fixing: 1, .minimizing: 1, .withdrawal: 1, .validating: 3])
        #expect(ben.positiveToNegative == 1)
        #expect(ben.bids == 3 && ben.turnedToward == 1)
        let ana = speakers[0].tally
        #expect(ana.meanScore == 50 && ana.bids == 0 && ana.positiveToNegative == nil)
        let json = summary.json()
        #expect(json.hasPrefix(#"{"turns":6,"errors":0,"speakers":[{"speaker":"Ana","conversation":"/tmp/"#))
        #expect(json.contains(#""speaker":"Ben","turns":3,"mean_score":45.3,"#))
        #expect(json.contains(#""positive_to_negative":1,"bids":3,"turned_toward":1"#))
        #expect(json.contains(#""conversations":[{"conversation":""#))
    }

    @Test func turnsAreAnsweredByThePreviousSpeakersWords() throws {
        let results = try run(Self.conversation)
        guard case .turn(let turn, let analysis) = results[1] else {
            Issue.record("expected a turn")
            return
        }
        #expect(turn.context == "I'm so stressed about my exam tomorrow.")
        #expect(analysis.bid?.kind == .distress)
        #expect(results.count == 6)
    }

    /// Many small blocks over several threads come back in input order, identical to
    /// one thread's output.
    @Test func parallelOutputIsInInputOrderAndMatchesOneThread() throws {
        let lines = (0..<300).map {
            "reply \($0): " + ["you're overreacting", "that makes sense", "ok", "just relax"][$0 % 4]
        }
        let text = lines.joined(separator: "\n")
        let parallel = try run(text, name: "r.txt", workers: 4, blockSize: 7).map { $0.json(positions: false) }
        let single = try run(text, name: "r.txt", workers: 1).map { $0.json(positions: false) }
        #expect(parallel == single)
        #expect(parallel.count == 300)
        #expect(parallel[0].contains("reply 0:") && parallel[299].contains("reply 299:"))
    }

    /// Workers encode the turns of JSONL and CSV themselves: the bytes handed to the sink
    /// are, in input order, what the writer's `turn` returns for each result (an error
    /// record's too), with several workers and small blocks.
    @Test func workersEncodeEachTurnAsTheWriterWrites() throws {
        var lines = (0..<120).map {
            #"{"id": \#($0), "speaker": "\#($0 % 2 == 0 ? "A" : "B")", "text": "reply \#($0): you're overreacting"}"#
        }
        lines[50] = #"{"id": 50, "text": "#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        for name in ["jsonl", "csv"] {
            var writer = try #require(BatchFormat.named(name)).makeWriter(BatchWriterOptions())
            let encoder: BatchEncoder = try #require(writer.encoder)
            var written: [(encoded: String, turn: String, line: Int)] = []
            try BatchRunner(engine: Fixtures.engine, workers: 3, blockSize: 7).run(
                TranscriptReader(inputs: [path.path]), encode: encoder
            ) { result, encoded in
                let line: Int
                switch result {
                case .turn(let turn, _): line = turn.line
                case .failure(let error): line = error.line
                }
                written.append((String(decoding: encoded, as: UTF8.self), writer.turn(result), line))
                return true
            }
            #expect(written.map(\.line) == Array(1...120))
            #expect(written.allSatisfy { $0.encoded == $0.turn && !$0.encoded.isEmpty }, "\(name)")
            #expect(written[50].encoded.contains("not valid JSON"))
        }
        #expect(BatchFormat.markdown.makeWriter(BatchWriterOptions()).encoder == nil)
    }

    @Test func turnRecordsCarryTheirSourceAndTheCheckShape() throws {
        let results = try run(
            #"{"id": "t1", "conversation": "c", "speaker": "A", "text": "ok", "start_time": "1"}"#, name: "a.jsonl")
        let json = results[0].json()
        #expect(
            json.contains(#""line":1,"id":"t1","conversation":"c","speaker":"A","turn":1,"start_time":"1","text":"ok""#)
        )
        #expect(json.contains(#""score":"#) && json.contains(#""findings":["#) && json.contains(#""rewrite":"#))
        #expect(!results[0].json(positions: false).contains(#""line""#))
        let failure = BatchResult.failure(RecordError(file: "f.jsonl", line: 3, message: "not valid JSON"))
        #expect(failure.json() == #"{"file":"f.jsonl","line":3,"error":"not valid JSON"}"#)
    }

    @Test func csvRowsCountEachCategory() throws {
        let results = try run(Self.conversation)
        #expect(BatchCSV.row(results[1]).hasSuffix(",2,,20,misattuned,1,1,0,0,0,en,\r\n"))
        #expect(BatchCSV.line(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\r\n")
    }

    @Test func htmlReportIsSelfContainedWithHighlightsAndAChart() throws {
        var report = HTMLReport()
        var summary = BatchSummary()
        var html = report.begin()
        for result in try run(Self.conversation + "\nAna: <script>alert(1)</script>") {
            summary.add(result)
            html += report.write(result)
        }
        html += report.end(summary: summary)
        #expect(html.contains(#"<mark class="cat-fixing""#))
        #expect(html.contains("<svg class=\"chart\"") && html.contains("<polyline"))
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script>alert"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("nil"))
        #expect(html.hasSuffix("</html>\n"))
    }

    /// Each marked span names its own tooltip, which CSS shows on hover and on keyboard
    /// focus alike; counts agree with their noun.
    @Test func htmlReportExplainsSpansOnFocusAndCountsInTheSingular() throws {
        var report = HTMLReport()
        var summary = BatchSummary()
        var html = report.begin()
        for result in try run("Ana: I'm so stressed about my exam tomorrow.\nBen: Just study harder.") {
            summary.add(result)
            html += report.write(result)
        }
        html += report.end(summary: summary)
        #expect(html.contains(#"<mark class="cat-fixing" tabindex="0" aria-describedby="tip-1">"#))
        #expect(html.contains(#"<span class="tip" role="tooltip" id="tip-1">fixing: "#))
        #expect(html.contains("mark:hover + .tip, mark:focus + .tip { display: block; }"))
        #expect(html.contains("<summary>1 finding</summary>"))
        #expect(!html.contains("1 findings"))
        #expect(html.contains("<p>2 turns."))
    }

    /// A counsellor's two reflections (one names feelings the client did not: complex),
    /// one question, advice the client asked for and advice they did not.
    @Test func mitiCountsOfACounsellingExchange() throws {
        let session = """
            {"speaker": "Client", "text": "I'm so stressed about my exams, I can't sleep."}
            {"speaker": "Counsellor", "text": "You're feeling overwhelmed and exhausted. What worries you most?"}
            {"speaker": "Client", "text": "Failing, I guess. What should I do?"}
            {"speaker": "Counsellor", "text": "You should make a study plan."}
            {"speaker": "Client", "text": "Maybe. My mum keeps nagging me about it."}
            {"speaker": "Counsellor", "text": "Just ignore her. You've worked really hard this year."}
            """
        let miti = try summary(session).speakers.items[1].tally.miti
        #expect(miti.reflections == 2 && miti.reflectionsJudged == 2 && miti.complexReflections == 1)
        #expect(miti.questions == 1 && miti.reflectionsToQuestions == 2)
        #expect(miti.adviceWithPermission == 1 && miti.adviceWithoutPermission == 1)
        #expect(MITICounts.level(miti.reflectionsToQuestions, fair: 1, good: 2) == "good")
        #expect(MITICounts.level(0.3, fair: 0.4, good: 0.5) == "below fair")
        var report = HTMLReport()
        var html = try run(session, name: "s.jsonl").map { report.write($0) }.joined()
        html += report.end(summary: try summary(session))
        #expect(html.contains("<td>Counsellor</td><td>2 : 1 = 2.0 : 1 (good)</td><td>1 of 2 (50%, good)</td>"))
    }

    /// The Markdown and CSV summaries carry the same MITI figures as the HTML report.
    @Test func mitiMeasuresInTheMarkdownAndCSVSummaries() throws {
        let session = """
            {"speaker": "Client", "text": "I'm so stressed about my exams, I can't sleep."}
            {"speaker": "Counsellor", "text": "You're feeling overwhelmed and exhausted. What worries you most?"}
            {"speaker": "Client", "text": "Failing, I guess. What should I do?"}
            {"speaker": "Counsellor", "text": "You should make a study plan."}
            {"speaker": "Client", "text": "Maybe. My mum keeps nagging me about it."}
            {"speaker": "Counsellor", "text": "Just ignore her. You've worked really hard this year."}
            """
        let summary = try summary(session)
        let affirmations = summary.speakers.items[1].tally.miti.affirmations
        let markdown = MarkdownReport().end(summary: summary)
        #expect(markdown.contains("| speaker | reflections : questions | complex reflections | affirmations |"))
        #expect(
            markdown.contains("| Counsellor | 2 : 1 = 2.0 : 1 (good) | 1 of 2 (50%, good) | \(affirmations) | 1 | 1 |"))
        // The client asked one question and reflected nothing.
        #expect(markdown.contains("| Client | 0 : 1 = 0.0 : 1 (below fair) | – | 0 | 0 | 0 |"))
        #expect(markdown.contains("complex reflections fair 40%, good 50%"))

        let rows = BatchCSV.summary(summary).components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        let header = try #require(rows.first)
        let counsellor = try #require(rows.first { $0.count > 1 && $0[1] == "Counsellor" })
        #expect(counsellor.count == header.count)
        let fields = Dictionary(uniqueKeysWithValues: zip(header, counsellor))
        #expect(fields["reflections"] == "2" && fields["questions"] == "1")
        #expect(fields["reflections_to_questions"] == "2.0" && fields["reflections_to_questions_level"] == "good")
        #expect(fields["complex_reflections"] == "1" && fields["reflections_judged"] == "2")
        #expect(fields["complex_share"] == "0.5" && fields["complex_share_level"] == "good")
        #expect(fields["affirmations"] == String(affirmations))
        #expect(fields["advice_with_permission"] == "1" && fields["advice_without_permission"] == "1")
        let client = try #require(rows.first { $0.count > 1 && $0[1] == "Client" })
        let clientFields = Dictionary(uniqueKeysWithValues: zip(header, client))
        #expect(clientFields["reflections_to_questions_level"] == "below fair")
        #expect(clientFields["complex_share"] == "" && clientFields["complex_share_level"] == "")
    }

    /// Two sessions, each with a "Therapist": two people unless told otherwise.
    static let twoSessions = """
        {"conversation": "s1", "speaker": "Client", "text": "I'm so stressed about work."}
        {"conversation": "s1", "speaker": "Therapist", "text": "That sounds really hard.", "speaker_id": ID1}
        {"conversation": "s2", "speaker": "Client", "text": "My sister never calls."}
        {"conversation": "s2", "speaker": "Therapist", "text": "Just call her yourself.", "speaker_id": ID2}
        """

    func summary(_ jsonl: String, sameSpeakers: Bool = false) throws -> BatchSummary {
        var summary = BatchSummary(sameSpeakers: sameSpeakers)
        for result in try run(jsonl, name: "sessions.jsonl") { summary.add(result) }
        return summary
    }

    @Test func speakersAreCountedPerConversationUnlessSaidOtherwise() throws {
        let unnamed = Self.twoSessions.replacingOccurrences(
            of: #", "speaker_id": ID\d"#, with: "", options: .regularExpression)
        let apart = try summary(unnamed)
        #expect(apart.speakers.items.map(\.speaker) == ["Client", "Therapist", "Client", "Therapist"])
        #expect(apart.speakers.items.map(\.conversation) == ["s1", "s1", "s2", "s2"])
        #expect(!apart.speakersSpanConversations)
        #expect(apart.json().contains(#"{"speaker":"Therapist","conversation":"s1","turns":1"#))
        #expect(!BatchCSV.summary(apart).contains("\r\n*,"))

        let same = try summary(unnamed, sameSpeakers: true)
        #expect(same.speakers.items.map(\.speaker) == ["Client", "Therapist"])
        #expect(same.speakers.items.map(\.tally.turns) == [2, 2])
        #expect(BatchCSV.summary(same).contains("\r\n*,Therapist,2,"))

        let byID = try summary(
            Self.twoSessions.replacingOccurrences(of: "ID2", with: "7").replacingOccurrences(of: "ID1", with: "7"))
        #expect(byID.speakers.items.map(\.speaker) == ["Client", "Therapist", "Client"])
        #expect(byID.speakers.items[1].speakerID == "7" && byID.speakers.items[1].tally.turns == 2)
        #expect(byID.json().contains(#"{"speaker":"Therapist","speaker_id":"7","turns":2"#))
    }

    @Test func theOverallTableAppearsOnlyWhenSpeakersSpanConversations() throws {
        let unnamed = Self.twoSessions.replacingOccurrences(
            of: #", "speaker_id": ID\d"#, with: "", options: .regularExpression)
        for sameSpeakers in [false, true] {
            let results = try run(unnamed, name: "sessions.jsonl")
            var summary = BatchSummary(sameSpeakers: sameSpeakers)
            results.forEach { summary.add($0) }
            let html = HTMLReport().end(summary: summary)
            let markdown = MarkdownReport().end(summary: summary)
            #expect(html.contains("All conversations, speakers by name") == sameSpeakers)
            #expect(markdown.contains("### All conversations, speakers by name") == sameSpeakers)
            #expect(!html.contains("<h3>All conversations</h3>"))
        }
    }

    @Test func markdownReportMarksSpansAndEndsWithTheSummary() throws {
        var report = MarkdownReport()
        var summary = BatchSummary()
        var markdown = report.begin()
        for result in try run(Self.conversation) {
            summary.add(result)
            markdown += report.write(result)
        }
        markdown += report.end(summary: summary)
        #expect(markdown.contains("**Just study**<sup>1 fixing</sup>"))
        #expect(markdown.contains("| Ben | 3 | 45.3 | 1 | 1 | 0 | 1 | 3 | 1.0 : 1 | 1 of 3 (33%) |"))
    }
}
