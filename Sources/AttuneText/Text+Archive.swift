import AttuneCore

// The text layer's values in compiled rules (see `Archivable`).

extension Vocabulary: Archivable {
    package func archive(into writer: inout ArchiveWriter) { writer.write(words) }

    package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        let words: [String] = try reader.read()
        ids.reserveCapacity(words.count)
        for word in words { intern(word) }
        guard ids.count == words.count else { throw ArchiveError("a word is listed twice in the vocabulary") }
    }
}

extension WordList: Archivable {
    package func archive(into writer: inout ArchiveWriter) {
        writer.write(name)
        writer.write(entries)
        writer.write(location)
        writer.write(entryLocations)
    }

    package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(
            name: try reader.read(), entries: try reader.read(), location: try reader.read(),
            entryLocations: try reader.read())
    }
}

extension Lexicon: Archivable {
    package func archive(into writer: inout ArchiveWriter) {
        writer.write(expansions)
        writer.write(suffixes.map(\.suffix))
        writer.write(suffixes.map(\.words))
        writer.write(lists)
    }

    package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        // Built outside the initializer, where `suffixes`' observer runs.
        var lexicon = Lexicon()
        lexicon.expansions = try reader.read()
        let suffixes: [String] = try reader.read()
        let words: [[String]] = try reader.read()
        guard suffixes.count == words.count else { throw ArchiveError("suffixes and their words differ in number") }
        lexicon.suffixes = Array(zip(suffixes, words))
        lexicon.lists = try reader.read()
        self = lexicon
    }
}

extension LanguageProfile: Archivable {
    package func archive(into writer: inout ArchiveWriter) {
        writer.write(languages)
        writer.write(english)
        writer.write(others)
    }

    package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        languages = try reader.read()
        english = try reader.read()
        others = try reader.read()
    }
}
