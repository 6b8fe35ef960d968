import AttuneKit
import Foundation
import Testing

/// The `attune` binary end to end, as a user runs it.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The built `attune` binary, next to the test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("attune")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/attune")
    }()

    func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], directory: String = "/tmp"
    ) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = Self.withoutProjectConfig(arguments)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        process.environment = env.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(input ?? Data())
        try stdin.fileHandleForWriting.close()
        let out = Self.readAll(stdout.fileHandleForReading)
        let err = Self.readAll(stderr.fileHandleForReading)
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    /// The arguments with `--no-config` for every command that reads `.attune.yaml`: a
    /// stray one in a folder above the working directory must not change what is tested.
    static func withoutProjectConfig(_ arguments: [String]) -> [String] {
        if let command = arguments.first, ["check", "batch", "eval", "explain"].contains(command) {
            return [command, "--no-config"] + arguments.dropFirst()
        }
        if arguments.starts(with: ["rules", "list"]) {
            return ["rules", "list", "--no-config"] + arguments.dropFirst(2)
        }
        return arguments
    }

    /// Reads a pipe to its end, retrying reads a child's exit signal interrupts
    /// (Foundation's readDataToEndOfFile traps on EINTR).
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    @Test func theReadmeExampleFromAnotherDirectory() throws {
        let result = try run([
            "check", "--format", "json", "--context", "I had an awful day at work",
            "You should just quit, it's not a big deal",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let categories = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        #expect(categories.contains("fixing"))
        #expect(categories.contains("minimizing"))
        #expect((object["score"] as? Int ?? 100) < 40)
    }

    @Test func aMultiLineReplyFromStandardInput() throws {
        let result = try run(["check", "--format", "json"], input: Data("That sounds hard.\nYou should quit.\n".utf8))
        #expect(result.status == 0)
        #expect(result.output.contains("\"text\":\"That sounds hard.\\nYou should quit.\\n\""))
    }

    @Test func invalidUTF8OnStandardInputIsAClearError() throws {
        let result = try run(["check"], input: Data([0x68, 0x69, 0xFF, 0x21]))
        #expect(result.status != 0)
        #expect(result.errors.contains("standard input: not valid UTF-8 (first bad byte at offset 2)"))
        #expect(result.output.isEmpty)
    }

    @Test func invalidUTF8InAnArgumentIsAClearError() throws {
        // Swift strings cannot hold the bad byte, so a shell passes it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" check \"$(printf 'ok\\377')\" 2>&1; echo \"exit=$?\"", Self.binary.path]
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let text = String(decoding: Self.readAll(pipe.fileHandleForReading), as: UTF8.self)
        shell.waitUntilExit()
        #expect(text.contains("argument 2 is not valid UTF-8"))
        #expect(text.contains("exit=1"))
    }

    @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
        let plain = try run(["check", "You should quit"])
        #expect(!plain.output.contains("\u{1B}["))
        #expect(plain.output.contains("[You should quit](1)"))
        let forced = try run(["check", "--color", "always", "You should quit"])
        #expect(forced.output.contains("\u{1B}["))
        // On a terminal (util-linux `script` gives the command one), colour is on
        // unless NO_COLOR is set.
        let terminal = try onTerminal(["check", "You should quit"])
        #expect(terminal.output.contains("\u{1B}["), "\(terminal.output)")
        let noColor = try onTerminal(["check", "You should quit"], environment: ["NO_COLOR": "1"])
        #expect(noColor.output.contains("[You should quit](1)"), "\(noColor.output)")
        #expect(!noColor.output.contains("\u{1B}["))
    }

    /// Runs attune with a pseudo-terminal as its standard output.
    func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let quoted = ([Self.binary.path] + Self.withoutProjectConfig(arguments)).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        process.environment = env.merging(environment) { $1 }
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = Self.readAll(stdout.fileHandleForReading)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: "")
    }

    @Test func brokenRuleFilesStopTheRunWithTheirLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-broken-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rules:\n  - id: fixing.x\n    category: fixing\n    weight: lots\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["check", "--rules", folder.path, "hello"])
        #expect(result.status != 0)
        #expect(result.errors.contains("broken.yaml:4:13: error: 'weight' must be a number"))
        let skipped = try run(["check", "--rules", folder.path, "--skip-broken-rules", "hello"])
        #expect(skipped.status == 0)
        #expect(skipped.errors.contains("skipped:"))
    }

    @Test func aPackIsCompiledIntoTheCacheOnceAndReadAfter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-pack-\(UUID())")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("attune-cache-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: cache)
        }
        try "rules:\n  - id: fixing.x\n    category: fixing\n    weight: lots\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let environment = ["ATTUNE_CACHE_DIR": cache.path]
        let arguments = ["check", "--format", "json", "--rules", folder.path, "--skip-broken-rules", "just relax"]
        let first = try run(arguments, environment: environment)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(files.count == 1 && files[0].hasSuffix(".attune-rules"))
        let second = try run(arguments, environment: environment)
        #expect(first.status == 0 && second.status == 0)
        #expect(second.output == first.output && first.output.contains("minimizing"))
        // What was skipped is said again when the compiled pack is read back.
        #expect(second.errors.contains("skipped: ") && second.errors == first.errors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == files)
    }

    // The built-in rules' examples are run in process (`RuleExampleTests`); from the
    // command line, `rules test` runs on a fixture folder below.

    // MARK: rule author commands, on fixture folders (Tests/Fixtures)

    static let fixtures = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures").path

    @Test func lintListsEveryProblemWithItsLocation() throws {
        let result = try run(["rules", "lint", "\(Self.fixtures)/mixed-rules"])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "mixed-rules/broken.yaml:3:15: error: unknown category 'withdrawl'; did you mean 'withdrawal'?"))
        #expect(result.output.contains("mixed-rules/broken.yaml:9:10: error: unknown word list '@whatevr'"))
        #expect(
            result.output.contains(
                "mixed-rules/broken.yaml:10:10: error: in pattern \"(fine|whatever\": '(' is never closed"))
        #expect(result.output.contains("2 rules loaded: 3 errors"))
    }

    @Test func builtInRulesLintWithWarningsOnlyAndPass() throws {
        let result = try run(["rules", "lint"])
        #expect(result.status == 0, "\(result.output.suffix(500))")
        #expect(result.output.contains(": warning: in pattern "))
        #expect(result.output.contains(" rules loaded: 0 errors, "))
        #expect(try run(["rules", "lint", "--strict"]).status == 1)
    }

    @Test func rulesTestShowsExpectedAndActualSpans() throws {
        let result = try run(["rules", "test", "\(Self.fixtures)/mixed-rules"])
        #expect(result.status == 1)
        #expect(result.output.contains("minimizing.fixture-wrong-span: expected span \"calm down\", got \"calm\""))
        #expect(result.output.contains("skipped: "))
        #expect(result.output.contains("2 rules, 4 examples: 3 passed, 1 failed"))
    }

    @Test func checkRefusesBrokenRulesUnlessToldToSkipThem() throws {
        let refused = try run(["check", "--rules-dir", "\(Self.fixtures)/mixed-rules", "you should quit"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("broken.yaml:3:15"))
        let skipped = try run([
            "check", "--rules-dir", "\(Self.fixtures)/mixed-rules", "--skip-broken-rules", "--format", "json",
            "you should quit",
        ])
        #expect(skipped.status == 0)
        #expect(skipped.output.contains("\"rule\":\"fixing.fixture-should\""))
    }

    @Test func explainShowsAlignmentSuppressionAndArithmetic() throws {
        let result = try run(["explain", "I don't think you're overreacting. You're overreacting."])
        #expect(result.status == 0)
        #expect(result.output.contains("Normalized: i do not think you are overreacting you are overreacting"))
        #expect(result.output.contains("negated by 'not'"))
        #expect(result.output.contains("score = 100 × (A + p) / (A + M + 2p)"))
        #expect(result.output.contains(" ← you"))
    }

    @Test func rulesListFiltersAndSpeaksJSON() throws {
        let result = try run(["rules", "list", "--category", "withdrawal", "--format", "json"])
        #expect(result.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(!rules.isEmpty)
        #expect(rules.allSatisfy { $0["category"] as? String == "withdrawal" })
    }

    /// The command prints the library's figures: over a slice of the corpus (the whole
    /// corpus is `CorpusTests`' job), every category's row agrees with `CorpusEvaluation`.
    @Test func evalReportsTheFiguresTheLibraryComputes() throws {
        let small = try run(["eval", "\(Self.fixtures)/labelled.jsonl", "--format", "json"])
        #expect(small.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(small.output.utf8)) as? [String: Any])
        #expect(object["entries"] as? Int == 4)

        let slice = Array(Fixtures.corpusEntries("replies.jsonl").prefix(300))
        let lines = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Corpus/replies.jsonl"), encoding: .utf8
        ).split(separator: "\n").prefix(slice.count)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("attune-slice-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let printed = try run(["eval", file.path]).output.split(separator: "\n")
        let library = CorpusEvaluation.evaluate(slice, with: try Engine.builtIn().makeAnalyzer())
        for category in Category.allCases {
            let scores = try #require(library.scores[category])
            let row = category.rawValue + " " + String(format: "%.3f %.3f", scores.precision, scores.recall)
            let line = printed.first { $0.hasPrefix(category.rawValue + " ") }
            #expect(line.map { $0.split(separator: " ").prefix(3).joined(separator: " ") } == row)
        }
    }

    /// A baseline from a run with one more miss: the comparison names that reply as
    /// newly right, and the other way round as newly wrong.
    @Test func evalComparesWithABaseline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-baseline-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let labelled = try String(contentsOfFile: "\(Self.fixtures)/labelled.jsonl", encoding: .utf8)
        let mislabelled = labelled.replacingOccurrences(
            of: #""text": "The pharmacy closes at nine.", "labels": []"#,
            with: #""text": "The pharmacy closes at nine.", "labels": ["fixing"]"#)
        #expect(mislabelled != labelled)
        let right = folder.appendingPathComponent("right.jsonl")
        let wrong = folder.appendingPathComponent("wrong.jsonl")
        try labelled.write(to: right, atomically: true, encoding: .utf8)
        try mislabelled.write(to: wrong, atomically: true, encoding: .utf8)
        for (name, file) in [("right.json", right), ("wrong.json", wrong)] {
            let saved = try run(["eval", file.path, "--format", "json"])
            try saved.output.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let better = try run(["eval", right.path, "--baseline", folder.appendingPathComponent("wrong.json").path])
        #expect(better.status == 0)
        #expect(better.output.contains("Against the baseline"))
        #expect(better.output.contains("Newly wrong (0)"))
        #expect(better.output.contains("Newly right (1)"))
        let worse = try run(["eval", wrong.path, "--baseline", folder.appendingPathComponent("right.json").path])
        #expect(worse.output.contains("Newly wrong (1)"))
        #expect(worse.output.contains("fixing missed  \"The pharmacy closes at nine.\""))
    }

    @Test func evalReadsACodedCorpusThroughAMapping() throws {
        let coded = "\(Self.fixtures)/coded"
        let result = try run([
            "eval", "--mapping", "\(coded)/sessions.yaml", "\(coded)/sessions.csv", "--format", "json", "--split",
            "dev",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["selected"] as? Int == 13)
        let codes = try #require(object["codes"] as? [[String: Any]])
        #expect(codes.map { $0["name"] as? String } == ["reflection", "advice", "information", "client turn"])
        #expect(codes.map { $0["agreed"] as? Int } == [2, 2, 1, 3])
        #expect((object["errors"] as? [[String: Any]])?.count == 1)
        #expect(result.errors.contains("1 rows of"), "the unreadable row is said on standard error too")

        let text = try run(["eval", "--mapping", "\(coded)/sessions.yaml", "\(coded)/sessions.csv", "--misses", "0"])
        #expect(text.output.contains("Cohen's kappa 0.642 over 13 coded rows"))
        #expect(!text.output.contains("sessions.csv:10  score"), "--misses 0 lists none")
    }

    @Test func evalRefusesABadMappingWithItsFileAndLine() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bad-\(UUID()).yaml")
        defer { try? FileManager.default.removeItem(at: bad) }
        try "format: csv\ntext: utterance\ncodes:\n  - name: advice\n    when: {subtype: advice}\n    expect: fixin\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try run(["eval", "--mapping", bad.path, "\(Self.fixtures)/coded/sessions.csv"])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(bad.path):6:13: error: unknown category 'fixin'; did you mean 'fixing'?"))
        #expect(result.output.isEmpty)

        let missing = try run([
            "eval", "--mapping", "\(Self.fixtures)/coded/sessions.yaml", "\(Self.fixtures)/labelled.jsonl",
        ])
        #expect(missing.status != 0, "a CSV mapping over a file without those columns")
    }

    @Test func evalListsPatternsThatFiredOnce() throws {
        let result = try run(["eval", "\(Self.fixtures)/labelled.jsonl", "--pattern-usage"])
        #expect(result.status == 0)
        #expect(result.output.contains("Patterns that fired on exactly one row"))
        #expect(result.output.contains("fixing.you-should pattern 1"))
        let json = try run(["eval", "\(Self.fixtures)/labelled.jsonl", "--format", "json"])
        #expect(!json.output.contains("pattern_usage"), "only when asked for")
    }
}
