import Foundation
import Testing

/// Every shell example in README.md, read from the file (not copied here) and run with
/// the built `attune` first on the PATH, from a folder that sees the repository's
/// `Corpus/` and `Examples/`. A line of a block that starts with `#` is output the
/// command above it must print. So a README example that stops working fails here.
@Suite struct ReadmeExampleTests {
    /// One command of a ```sh block, with the output its `#` lines promise.
    struct Example: CustomStringConvertible {
        var line: Int
        var command: String
        var expected: [String] = []
        var description: String { "README.md:\(line): \(command)" }
    }

    /// Commands that build or install the binary under test: `swift test` has just done
    /// that (and a nested build would wait on its own lock), so they are not run here;
    /// nor is the fuzzer, which builds its own harness and runs for as long as it is told.
    static let buildCommands = ["swift ", "make ", "sudo make ", "Fuzz/run.sh "]

    /// The ```sh blocks of the README: lines ending in `\` continue, `#` lines are output.
    static func examples(_ readme: String) -> [[Example]] {
        var blocks: [[Example]] = []
        var current: [Example]?
        var continued: String?
        var start = 0
        for (index, raw) in readme.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if current == nil {
                if line == "```sh" { current = [] }
                continue
            }
            if line == "```" {
                blocks.append(current!)
                current = nil
                continue
            }
            if line.hasPrefix("#") {
                let output = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                if !output.isEmpty, !current!.isEmpty { current![current!.count - 1].expected.append(output) }
                continue
            }
            if line.isEmpty { continue }
            if continued == nil { start = index + 1 }
            let joined = (continued.map { $0 + "\n" } ?? "") + raw
            if line.hasSuffix("\\") {
                continued = joined
                continue
            }
            continued = nil
            current!.append(Example(line: start, command: joined))
        }
        return blocks
    }

    static let readme: String = {
        let url = ServeProcess.packageRoot.appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func theReadmeHasShellExamplesToRun() {
        let all = Self.examples(Self.readme).flatMap { $0 }
        #expect(all.count >= 20, "found \(all.count) commands in README.md's sh blocks")
        #expect(all.contains { $0.command.hasPrefix("make install") })
    }

    @Test func theExtractorJoinsContinuationsAndReadsPromisedOutput() {
        let text = "x\n```sh\nattune a \\\n  b  # note\n#  Score 1\n```\n```json\nnot run\n```\n"
        let blocks = Self.examples(text)
        #expect(blocks.count == 1)
        #expect(blocks.first?.first?.command == "attune a \\\n  b  # note")
        #expect(blocks.first?.first?.expected == ["Score 1"])
        #expect(blocks.first?.first?.line == 3)
    }

    @Test func everyReadmeShellExampleRunsAsWritten() async throws {
        let folder = try Self.workingFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for block in Self.examples(Self.readme) {
            var server: ServeProcess?
            defer { server?.stop() }
            for var example in block {
                if Self.buildCommands.contains(where: example.command.hasPrefix) { continue }
                if example.command.hasPrefix("attune serve") {
                    try checkServe(example, in: folder)
                    continue
                }
                if example.command.contains("localhost:8080") {
                    // The examples talk to `attune serve`'s default port; this server is on
                    // a free one, so tests never race other programs for 8080.
                    if server == nil {
                        server = try ServeProcess.start()
                        try await server!.waitForHealth()
                    }
                    let port = server!.url.split(separator: ":").last!.filter(\.isNumber)
                    example.command = example.command.replacingOccurrences(
                        of: "localhost:8080", with: "localhost:\(port)")
                }
                let result = try Self.shell(example.command, in: folder)
                #expect(result.status == 0, "\(example) exited \(result.status): \(result.errors)")
                #expect(!result.output.hasPrefix(#"{"error""#), "\(example): \(result.output)")
                let plain = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                for expected in example.expected {
                    let words = expected.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    #expect(plain.contains(words), "\(example) did not print \(expected.debugDescription)")
                }
            }
        }
    }

    /// `attune serve ...` runs until stopped: it must start and print where it listens.
    /// `--port 0` goes last (the last value of an option wins), so it takes a free port.
    func checkServe(_ example: Example, in folder: URL) throws {
        let command = example.command.components(separatedBy: "#")[0] + " --port 0"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec " + command]
        process.currentDirectoryURL = folder
        process.environment = Self.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = ServeProcess.readLine(output.fileHandleForReading)
        process.terminate()
        process.waitUntilExit()
        #expect(line.hasPrefix("attune is serving http://127.0.0.1:"), "\(example) printed \(line.debugDescription)")
    }

    /// A scratch folder with the repository's sample folders linked in, so the
    /// examples' relative paths hold and the files they write land outside the clone.
    static func workingFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Corpus", "Examples"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: ServeProcess.packageRoot.appendingPathComponent(name))
        }
        return folder
    }

    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        environment["PATH"] = ServeProcess.binary.deletingLastPathComponent().path + ":" + path
        environment["NO_COLOR"] = "1"
        return environment
    }()

    static func shell(_ command: String, in folder: URL) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        process.environment = environment
        // Standard error goes to a file, so neither pipe can fill while the other is read.
        let errorFile = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = ServeProcess.readAll(output.fileHandleForReading)
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), errors)
    }
}
