import AttuneKit
import Testing

/// The word table every token and every language-guess word is looked up in: a slot
/// keeps part of its word's hash, so a probe skips other words without reading them.
@Suite struct UnitTableTests {
    /// Words of many lengths, sharing prefixes and suffixes; with enough of them, slots
    /// collide and the table grows several times.
    static let words: [String] = (0..<3_000).map { number in
        let stem = ["a", "ab", "abc", "you", "okay", "feel", "really", "é", "zz"][number % 9]
        return stem + String(number, radix: 7) + (number % 2 == 0 ? "" : "s")
    }

    @Test func everyWordIsFoundWithItsValueAndNoOtherIs() {
        var table = UnitTable()
        for (index, word) in Self.words.enumerated() { table.insert(word.utf16, value: Int32(index * 3)) }
        #expect(table.count == Self.words.count)
        for (index, word) in Self.words.enumerated() {
            #expect(table.find(ArraySlice(word.utf16)) == Int32(index * 3), "\(word)")
            for other in [word + "x", String(word.dropLast()), word.uppercased()] where !Self.words.contains(other) {
                #expect(table.find(ArraySlice(other.utf16)) == nil, "\(other)")
            }
        }
        #expect(table.find(ArraySlice([UInt16]())) == nil)
    }

    @Test func aWordInsertedTwiceKeepsItsFirstValue() {
        var table = UnitTable()
        #expect(table.insert("okay".utf16, value: 1) == 1)
        #expect(table.insert("okay".utf16, value: 2) == 1)
        #expect(table.count == 1 && table.find(ArraySlice("okay".utf16)) == 1)
    }

    @Test func theTableReadBackFindsTheSame() throws {
        var table = UnitTable()
        for (index, word) in Self.words.enumerated() { table.insert(word.utf16, value: Int32(index)) }
        var writer = ArchiveWriter()
        writer.write(table)
        var reader = ArchiveReader(writer.bytes)
        let read: UnitTable = try reader.read()
        for word in Self.words + ["", "nope"] {
            #expect(read.find(ArraySlice(word.utf16)) == table.find(ArraySlice(word.utf16)), "\(word)")
        }
    }

    /// A table's reader checks what `find` relies on: every slot's units inside the
    /// table's, and a free slot to end each probe. (A slot is two words: hash and
    /// length + 1, then start and value.)
    @Test(arguments: [
        // A word of two units starting at unit 10 of one.
        [UInt64(1) << 32 | 3, 10 << 32, 0, 0],
        // Both slots taken: a probe for a missing word would never end.
        [UInt64(1) << 32 | 2, 0, UInt64(2) << 32 | 2, 0],
        // A slot and a half.
        [0, 0, 0],
    ])
    func aDamagedTableIsRefused(slots: [UInt64]) {
        var writer = ArchiveWriter()
        writer.writeRaw(slots)
        writer.writeRaw([UInt16(0x61)])
        var reader = ArchiveReader(writer.bytes)
        #expect(throws: ArchiveError.self) { let _: UnitTable = try reader.read() }
    }
}
