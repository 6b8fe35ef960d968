import AttuneKit
import Foundation
import Testing

@testable import AttuneEngine
@testable import AttuneText

/// Text that does not read as English is said to be so, in every output, instead of
/// passing for a neutral reply (Rules/languages.yaml, README "Other languages").
@Suite struct LanguageTests {
    func language(_ text: String) -> Language {
        Fixtures.analyzer().analyze(text).language
    }

    @Test(arguments: [
        "Lo siento mucho, no sé qué decirte. Estoy aquí para lo que necesites.",
        "Ay no, qué mal. ¿Quieres que vaya a tu casa?",
        "Das tut mir so leid. Ich bin für dich da, wenn du reden willst.",
        "Je suis désolé, c'est vraiment dur. Je suis là pour toi.",
        "Obrigado, eu estou muito feliz com isso",
        "Mi dispiace tanto, non so cosa dire",
        "Het spijt me echt, ik ben er voor je",
        "Мне очень жаль, это ужасно.",
        "Λυπάμαι πολύ, είμαι εδώ για σένα.",
        "それは大変でしたね。大丈夫ですか？",
        "我很抱歉，我在这里陪你。",
        "أنا آسف جدا، أنا هنا من أجلك",
        // ASCII words are looked up as units: capitals and elisions read as before.
        "C'EST VRAIMENT DUR, JE SUIS LA POUR TOI",
        "DELL'AMORE E DELLA VITA, NON SO COSA DIRE",
        // A curly apostrophe or an accented letter inside a run of ASCII letters.
        "C\u{2019}EST VRAIMENT DUR, JE SUIS LÀ POUR TOI",
        "Dell\u{2019}amore e della vità, non so cosa dire",
    ])
    func anotherLanguageIsNotEnglish(_ text: String) {
        #expect(language(text) == .other)
    }

    @Test(arguments: [
        // Short replies carry too little evidence to overrule English.
        "ok", "k", "jaja", "danke!", "merci", "gracias amigo", "да", "ok ¯\\_(ツ)_/¯", "👍", "",
        // English with a foreign word or phrase in it.
        "Gracias for the help, you're the best",
        "That's so sweet, muchas gracias mi amor, you're the best",
        "My abuela always said 'no hay mal que por bien no venga' and she was right",
        "I love you, любимая",
        "We watched La casa de papel last night and it was great",
        "Bon appétit! I made the lasagna you like",
        "SHOULDN'T WE'VE TOLD HER? THEY'D KNOW",
        "SHOULDN\u{2019}T WE\u{2019}VE TOLD HER? THEY\u{2019}D KNOW",
    ])
    func shortOrMixedRepliesStayEnglish(_ text: String) {
        #expect(language(text) == .english)
    }

    @Test func noReplyOfTheLabelledCorpusReadsAsAnotherLanguage() {
        let analyzer = Fixtures.analyzer()
        let misread = Fixtures.corpus.filter { Fixtures.analysis(of: $0.id).language == .other }
        #expect(misread.isEmpty, "\(misread.map(\.text))")
        let contexts = Set(Fixtures.corpus.compactMap(\.context))
        let misreadContexts = contexts.filter {
            analyzer.analyzeWithTrace($0, rewriting: false).analysis.language == .other
        }
        #expect(misreadContexts.isEmpty, "\(misreadContexts)")
    }

    /// The guess stops reading once the rest of a text cannot change its answer; read
    /// to the end, it must give the same one. Texts mix English and other languages'
    /// words, elisions, other scripts and emoji, the other language's words often last.
    @Test func stoppingEarlyGivesTheAnswerReadingToTheEnd() {
        let guesser = Fixtures.analyzer().languageGuesser
        let english = ["I", "you", "the", "so", "sorry", "ok", "that's", "really", "a"]
        let others = [
            "lo", "siento", "mucho", "que", "y", "de", "l'homme", "c'est", "das", "ist", "mi", "amore", "dell'amore",
            "né", "für", "été", "любимая", "это", "大丈夫", "😂",
        ]
        let separators = [" ", " ", " ", ", ", ". ", "! ", "  ", "'", "\n"]
        var random = SeededGenerator(seed: 29)
        var differ: [String] = []
        var otherAnswers = 0
        for _ in 0..<20_000 {
            let englishCount = Int.random(in: 0...10, using: &random)
            let otherCount = Int.random(in: 0...8, using: &random)
            var words = (0..<englishCount).map { _ in english.randomElement(using: &random)! }
            let tail = (0..<otherCount).map { _ in others.randomElement(using: &random)! }
            words = Bool.random(using: &random) ? words + tail : (words + tail).shuffled(using: &random)
            let text = words.map { $0 + separators.randomElement(using: &random)! }.joined()
            let full = guesser.guess(text, settling: false)
            if full == .other { otherAnswers += 1 }
            if guesser.guess(text) != full { differ.append(text) }
        }
        #expect(differ.isEmpty, "\(differ.count): \(differ.prefix(10))")
        #expect(otherAnswers > 1_000)
    }

    @Test func aNonEnglishReplyIsNotNeutralButNotRead() {
        let analysis = Fixtures.analyzer().analyze(
            "Lo siento mucho, no sé qué decirte. Estoy aquí para lo que necesites.")
        #expect(analysis.findings.isEmpty)
        #expect(analysis.verdict == .neutral && analysis.score == 50)
        #expect(analysis.notes.contains { $0.contains("not analysed as English") })
        let report = TerminalReport(color: false).render(analysis)
        #expect(report.contains("does not read as English"))
    }

    @Test func aShortNonEnglishReplyDoesNotTurnAwayFromTheBid() {
        let analysis = Fixtures.analyzer().analyze("Lo siento mucho", context: "I'm so stressed I could cry")
        #expect(analysis.language == .other)
        #expect(analysis.findings.isEmpty)
        #expect(Fixtures.analyzer().analyze("ok", context: "I'm so stressed I could cry").findings.count == 1)
    }

    @Test func theContextIsReadToo() {
        let analysis = Fixtures.analyzer().analyze("ok", context: "Estoy muy triste, mi perro se murió ayer")
        #expect(analysis.language == .english)
        #expect(analysis.contextLanguage == .other)
        #expect(analysis.notes.contains { $0.contains("message being answered does not read as English") })
        #expect(Fixtures.analyzer().analyze("ok", context: "I'm sad").contextLanguage == .english)
        #expect(Fixtures.analyzer().analyze("ok").contextLanguage == nil)
    }

    @Test func jsonNamesOnlyAnotherLanguage() {
        let analyzer = Fixtures.analyzer()
        let english = analyzer.analyze("ok", context: "I'm sad").json()
        #expect(!english.contains("language"))
        let spanish = analyzer.analyze("Lo siento mucho, de verdad", context: "Estoy muy triste, mi perro se murió")
            .json()
        #expect(spanish.hasSuffix(#","language":"other","context_language":"other"}"#))
        let mixed = analyzer.analyze("ok", context: "Estoy muy triste, mi perro se murió").json()
        #expect(mixed.hasSuffix(#""bid":{"kind":"neutral","feelings":[]},"context_language":"other"}"#))
    }

    @Test func batchReportsSayItToo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("attune-lang-\(UUID()).txt")
        try Data("Ana: Me siento fatal, no sé qué hacer con mi vida\nBen: Lo siento mucho, estoy aquí para ti\n".utf8)
            .write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        var results: [BatchResult] = []
        try BatchRunner(engine: Fixtures.engine, workers: 1).run(TranscriptReader(inputs: [path.path])) {
            results.append($0)
            return true
        }
        try #require(results.count == 2)
        #expect(results[1].json().contains(#""language":"other","context_language":"other"}"#))
        #expect(BatchCSV.header.suffix(2) == ["language", "error"])
        #expect(BatchCSV.row(results[1]).hasSuffix(",other,\r\n"))
        var markdown = MarkdownReport()
        #expect(results.map { markdown.write($0) }.joined().contains("*Not analysed as English"))
        var html = HTMLReport()
        #expect(results.map { html.write($0) }.joined().contains(#"<p class="note">Not analysed as English"#))
    }

    @Test func languageFileProblemsAreLocated() {
        let yaml = "english: [the, And]\nothers:\n  es: [el, la, la]\n"
        let diagnostics = Fixtures.diagnostics([("Rules/languages.yaml", yaml)])
            .filter { $0.location.file == "Rules/languages.yaml" }
        #expect(
            diagnostics.contains { $0.severity == .error && $0.location.line == 1 && $0.message.contains("capitals") })
        #expect(
            diagnostics.contains { $0.severity == .warning && $0.location.line == 3 && $0.message.contains("twice") })
    }
}
