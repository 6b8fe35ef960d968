import Foundation
import Testing

/// A failed write ends a run honestly: a full disk with a message and status 1, a reader
/// that went away quietly with 141, never a silent exit 0 with the output lost.
@Suite struct OutputErrorTests {
    /// Runs the binary with standard output going to `output`; returns status and stderr.
    static func run(_ arguments: [String], output: FileHandle) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments + ["--no-config"]
        process.standardOutput = output
        let stderr = Pipe()
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errors = CommandLineTests.readAll(stderr.fileHandleForReading)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    /// A few labelled replies: the first write fails whatever the size of the output.
    static var corpus: String { Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/labelled.jsonl").path }

    @Test(arguments: [
        ["check", "You should just quit"],
        ["check", "--format", "json", "You should just quit"],
        ["batch", "--input-format", "jsonl", "--format", "jsonl"],
        ["rules", "list"],
    ])
    func aFullDiskIsAnErrorWithAMessage(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let input = arguments.first == "batch" ? [Self.corpus] : []
        let (status, errors) = try Self.run(arguments + input, output: full)
        #expect(status == 1)
        #expect(errors.contains("cannot write the output: No space left on device"))
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let pipe = Pipe()
        // The reader is gone before the first write, as with `| head -0`.
        try pipe.fileHandleForReading.close()
        let (status, errors) = try Self.run(
            ["batch", "--input-format", "jsonl", "--format", "jsonl", Self.corpus], output: pipe.fileHandleForWriting)
        #expect(status == 141)
        #expect(errors.isEmpty)
    }
}
