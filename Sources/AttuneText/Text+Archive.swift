import AttuneCore

// The text layer's values in compiled rules (see `Archivable`).

extension Vocabulary: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(words)
        writer.write(ruleWordCount)
        writer.write(asciiWords)
    }

    /// The ASCII words' table is read as it was written; only the few other words are
    /// hashed again.
    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        words = try reader.read()
        ruleWordCount = try reader.read()
        asciiWords = try reader.read()
        var asciiCount = 0
        for (id, word) in words.enumerated() {
            if Self.isASCII(word) {
                asciiCount += 1
            } else if otherWords.updateValue(Int32(id), forKey: word) != nil {
                throw ArchiveError("a word is listed twice in the vocabulary")
            }
        }
        guard asciiWords.count == asciiCount, asciiWords.valuesAreAll(in: 0..<Int32(words.count)) else {
            throw ArchiveError("the vocabulary's word table differs from its words")
        }
    }
}

/// Without `entryLocations`: they place the loader's diagnostics, which a compiled rule
/// set already carries, and they were a third of the compiled bytes.
extension WordList: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(name)
        writer.write(storedEntries)
        writer.write(location)
    }

    /// Field by field, the entries' box as read (not an empty one replaced).
    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        name = try reader.read()
        storedEntries = try reader.read()
        location = try reader.read()
    }
}

extension ListEntries: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) { writer.write(all) }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(try reader.read() as [[String]])
    }
}

extension Lexicon: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(expansions)
        writer.write(suffixes.map(\.suffix))
        writer.write(suffixes.map(\.words))
        writer.write(lists)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
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
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(languages)
        writer.writeRaw(languageBounds)
        writer.writeRaw(wordLanguages)
        writer.write(asciiWords)
        writer.write(otherWords)
    }

    /// The tables as they were written, checked: every word's languages in range, every
    /// word in one table or the other.
    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        languages = try reader.read()
        languageBounds = try reader.readRaw()
        wordLanguages = try reader.readRaw()
        asciiWords = try reader.read()
        otherWords = try reader.read()
        let words = languageBounds.count - 1
        guard words >= 0, UnitTable.areBounds(languageBounds, ofRunsIn: wordLanguages.count),
            wordLanguages.allSatisfy({ (0..<Int32(languages.count)).contains($0) }),
            asciiWords.count + otherWords.count == words,
            asciiWords.valuesAreAll(in: 0..<Int32(words)),
            otherWords.allSatisfy({ !Vocabulary.isASCII($0.key) && (0..<Int32(words)).contains($0.value) })
        else { throw ArchiveError("the language profile's tables are damaged") }
    }
}
