import AttuneCore
import AttuneRules

// The automata in compiled rules (see `Archivable`): what the matcher reads, not the
// builder's intermediate states, which it drops once the program is flat.

extension Automaton: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.writeRaw(writtenWords)
        writer.write(patterns)
        writer.write(firstWildcards)
        program!.archive(into: &writer)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        writtenWords = try reader.readRaw()
        patterns = try reader.read()
        let wordCount = Int32(writtenWords.count)
        guard patterns.allSatisfy({ $0.writtenWords.upperBound <= wordCount }) else {
            throw ArchiveError("a pattern's written words run past their list")
        }
        firstWildcards = try reader.read()
        program = try MatchProgram(from: &reader)
    }
}

extension Automaton.PatternInfo: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(owner)
        writer.write(isException)
        writer.write(Self.sentenceKinds.firstIndex(of: sentenceKind)!)
        writer.write(Int(writtenWords.lowerBound))
        writer.write(Int(writtenWords.upperBound))
        writer.write(ordinal)
        writer.write(leadingGap.min)
        writer.write(leadingGap.max)
        writer.write(takesOnlyOwnWords)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let owner: Int = try reader.read()
        let isException: Bool = try reader.read()
        let kind: Int = try reader.read()
        guard Self.sentenceKinds.indices.contains(kind) else { throw ArchiveError("unknown sentence kind") }
        let (lower, upper): (Int32, Int32) = (try reader.read(), try reader.read())
        guard lower >= 0, lower <= upper else { throw ArchiveError("a pattern's written words end before they start") }
        self.init(
            owner: owner, isException: isException, sentenceKind: Self.sentenceKinds[kind],
            writtenWords: lower..<upper, ordinal: try reader.read(), leadingGap: (try reader.read(), try reader.read()),
            takesOnlyOwnWords: try reader.read())
    }

    /// Sentence kinds by number: read at every start for every pattern, a name cost a
    /// string each.
    private static let sentenceKinds = Pattern.SentenceKind.allCases
}

extension Automaton.Entry: Archivable {
    func archive(into writer: inout ArchiveWriter) {
        writer.write(state)
        writer.write(focusOpened)
    }

    init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(state: try reader.read(), focusOpened: try reader.read())
    }
}
