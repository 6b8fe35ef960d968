import AttuneKit
import Foundation
import Testing

/// Speed work must not change a byte of output: 400 generated utterances (from
/// ../shared/bench/make_utterances.py, speakers alternating, so bids and rewrites are
/// exercised) against the output recorded before any optimization. When a rule change
/// alters the output on purpose, rewrite the file with
/// `attune batch --no-positions --format jsonl Tests/Fixtures/golden/utterances.jsonl > Tests/Fixtures/golden/expected.jsonl`
/// and review the diff.
@Suite struct GoldenOutputTests {
    @Test func batchOutputIsByteIdenticalToTheRecordedOutput() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/golden")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var actual: [String] = []
        try BatchRunner(engine: Fixtures.engine, workers: 2).run(
            TranscriptReader(inputs: [folder.appendingPathComponent("utterances.jsonl").path])
        ) {
            actual.append($0.json(positions: false))
            return true
        }
        #expect(actual.count == expected.count)
        if let line = actual.indices.first(where: { $0 < expected.count && actual[$0] != expected[$0] }) {
            Issue.record("line \(line + 1) differs:\n  now:      \(actual[line])\n  recorded: \(expected[line])")
        }
    }
}
