import Foundation
import Testing

/// Files that scripts generate are committed so builds need nothing extra; each script's
/// `--check` fails when its committed files are not what it writes, so a hand edit (which
/// the next regeneration would silently undo) is caught here.
@Suite struct GeneratedFileTests {
    static func check(_ script: String) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--check"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = CommandLineTests.readAll(errors.fileHandleForReading)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    /// Needs WordNet's database (`apt-get install wordnet-base`, which `.ci/run` does).
    @Test func lexiconsAreWhatTheirGeneratorWrites() throws {
        let (status, errors) = try Self.check("Scripts/lexicon/generate.py")
        #expect(status == 0, "\(errors)")
    }

    @Test func probesAreWhatTheirGeneratorWrites() throws {
        let (status, errors) = try Self.check("Scripts/probes/generate.py")
        #expect(status == 0, "\(errors)")
    }
}
