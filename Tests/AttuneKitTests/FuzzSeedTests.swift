import AttuneKit
import Testing

/// The short, fixed-seed pass of the fuzzing harness (Fuzz/README.md) that CI runs:
/// each target gets its checked-in seed corpus (every crash found so far is in it) and
/// mutations of it. Passing means nothing trapped and every finding kept its contract
/// (`FuzzRunner` checks offsets and excerpts); a trap stops the test run.
@Suite struct FuzzSeedTests {
    func pass(_ target: FuzzTarget, inputs: Int, seed: UInt64) throws {
        let runner = try FuzzRunner(target: target)
        let seeds = try SeedMutator.seeds(of: target.rawValue)
        #expect(!seeds.isEmpty)
        // The seeds are real cases: each one comes out as findings, records or diagnostics.
        for input in seeds { #expect(runner.run(input) > 0, "\(String(decoding: input.prefix(60), as: UTF8.self))") }
        var mutator = SeedMutator(seeds: seeds, random: SeededGenerator(seed: seed))
        for _ in 0..<inputs { runner.run(mutator.next()) }
    }

    @Test func analyze() throws { try pass(.analyze, inputs: 300, seed: 14) }

    @Test func transcript() throws { try pass(.transcript, inputs: 500, seed: 14) }

    @Test func rules() throws { try pass(.rules, inputs: 100, seed: 14) }
}
