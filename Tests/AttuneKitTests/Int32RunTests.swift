import AttuneCore
import Testing

@testable import AttuneMatching

/// The automata's integer runs, read in place from compiled rules (`Int32Run`).
@Suite struct Int32RunTests {
    /// Runs written after varints of every width start at every alignment; each reads
    /// back as written, and outlives the reader that read it.
    @Test func runsReadInPlaceAtAnyAlignmentAsWritten() throws {
        let runs: [[Int32]] = [[], [7], [-1, 0, 1, .max, .min], Array(-300...300)]
        var writer = ArchiveWriter()
        for (index, run) in runs.enumerated() {
            writer.write(index * 1_000)  // 1, 2 or more bytes: the next run lands anywhere
            writer.writeRaw(run)
        }
        var reader = ArchiveReader(writer.bytes)
        var read: [Int32Run] = []
        for index in runs.indices {
            #expect(try reader.readInt() == index * 1_000)
            read.append(try Int32Run(from: &reader))
        }
        #expect(reader.isAtEnd)
        for (run, expected) in zip(read, runs) {
            #expect(Array(run) == expected)
            #expect(run.count == expected.count)
        }
        #expect(Array(Int32Run([4, 5, 6])) == [4, 5, 6])
    }

    /// A run longer than the bytes left is an error, not a read past the end.
    @Test func aRunCutShortIsAnError() {
        var writer = ArchiveWriter()
        writer.writeRaw([Int32](repeating: 9, count: 10))
        var reader = ArchiveReader(Array(writer.bytes.dropLast(4)))
        #expect(throws: ArchiveError.self) { try Int32Run(from: &reader) }
    }
}
