import AttuneCore

// The automata in compiled rules (see `Archivable`): what the matcher reads, not the
// builder's intermediate states, which it drops once the program is flat.

extension Automaton: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(patterns)
        writer.write(firstWildcards)
        program!.archive(into: &writer)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        patterns = try reader.read()
        firstWildcards = try reader.read()
        program = try MatchProgram(from: &reader)
    }
}

extension Automaton.PatternInfo: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(owner)
        writer.write(isException)
        writer.write(sentenceKind.rawValue)
        writer.writeRaw(literalWords)
        writer.write(ordinal)
        writer.write(leadingGap.min)
        writer.write(leadingGap.max)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(
            owner: try reader.read(), isException: try reader.read(), sentenceKind: try reader.readCase(),
            literalWords: try reader.readRaw(), ordinal: try reader.read(),
            leadingGap: (try reader.read(), try reader.read()))
    }
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
