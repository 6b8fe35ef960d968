import AttuneKit
import Foundation
import Testing

/// The compiled form of the rules: `Engine.builtIn()` reads bytes made at build time,
/// and packs are compiled once into the cache. Both must analyse exactly as the engine
/// built from the YAML files does, and a damaged file must be refused, never crash.
@Suite struct CompiledRulesTests {
    static let fromFiles: Engine = {
        do { return try Engine.fromBuiltInRuleFiles() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    @Test func theBuiltInBytesAreWhatTheRuleFilesCompileTo() throws {
        // Built by another process (the build plugin): the compiler must not depend on
        // hashing order, or every build would embed different bytes.
        let same = Self.fromFiles.compiled() == Fixtures.engine.compiled()
        #expect(same)
    }

    @Test func readingAndWritingAgainGivesTheSameBytes() throws {
        let bytes = Fixtures.engine.compiled()
        let same = try Engine(compiled: bytes).compiled() == bytes
        #expect(same)
    }

    @Test func theCompiledEngineAnalysesAsTheOneBuiltFromFiles() throws {
        let compiled = try Fixtures.engine.makeAnalyzer()
        let built = try Self.fromFiles.makeAnalyzer()
        for reply in Fixtures.corpus.prefix(300) {
            let expected = built.analyze(reply.text, context: reply.context).json()
            #expect(compiled.analyze(reply.text, context: reply.context).json() == expected, "\(reply.id)")
        }
    }

    @Test func theDeferredPartsReadBackAsWritten() throws {
        // Examples, lint warnings, word-list entries and pattern elements stay bytes
        // until asked for (`Deferred`); each must read back as the files gave it. (The
        // bid automata are checked by the analyses above: the corpus replies have contexts.)
        let files = Self.fromFiles.ruleSet
        let read = try Engine(compiled: Self.fromFiles.compiled()).ruleSet
        let sameDiagnostics = read.diagnostics.map(\.description) == files.diagnostics.map(\.description)
        #expect(sameDiagnostics && !files.diagnostics.isEmpty)
        let sameExamples = read.rules.map { $0.examples.map(\.text) } == files.rules.map { $0.examples.map(\.text) }
        #expect(sameExamples)
        let sameElements =
            read.rules.map { $0.patterns.map(\.elements) + $0.exceptions.unless.map(\.elements) }
            == files.rules.map { $0.patterns.map(\.elements) + $0.exceptions.unless.map(\.elements) }
        #expect(sameElements)
        let sameLists = files.lexicon.lists.allSatisfy { name, list in read.lexicon.lists[name]?.entries == list.entries
        }
        #expect(sameLists && read.lexicon.lists.count == files.lexicon.lists.count)
    }

    @Test func theVocabularyFindsEveryWordAfterReading() throws {
        var vocabulary = Vocabulary()
        let words = ["okay", "naïve", "so", "🙏", "don't", "café", "a"]
        for word in words { vocabulary.intern(word) }
        #expect(vocabulary.intern("naïve") == 1 && vocabulary.intern("so") == 2)
        var writer = ArchiveWriter()
        writer.write(vocabulary)
        var reader = ArchiveReader(writer.bytes)
        let read: Vocabulary = try reader.read()
        #expect(words.map(read.id(of:)) == words.indices.map(Int32.init))
        #expect(read.id(of: "okayy") == Vocabulary.unknown && read.id(of: "cafe") == Vocabulary.unknown)
        let units = Array("okay".utf16)
        #expect(units.withUnsafeBufferPointer { read.id(ofASCII: $0) } == 0)
    }

    @Test func aDamagedWordTableIsRefused() throws {
        // Three slots (not a power of two), a slot past the entries (also behind a hash's
        // high bits), a table with no empty slot: each would send a lookup out of bounds
        // or round forever.
        for slots: [UInt64] in [[0, 1, 0], [0, 5], [0, 0x1_0000_0005], [1, 2]] {
            var writer = ArchiveWriter()
            writer.writeRaw(slots)
            writer.writeRaw([UInt16](Array("ab".utf16)))
            writer.writeRaw([Int32]([0, 1, 2]))
            writer.writeRaw([Int32]([0, 1]))
            var reader = ArchiveReader(writer.bytes)
            #expect(throws: ArchiveError.self, "\(slots)") { try reader.read() as UnitTable }
        }
    }

    @Test func aReaderOfARunStopsAtItsEnd() throws {
        // A part read on first use (`Deferred`) reads its own run of the engine's bytes
        // in place: a damaged length inside it must not read into the next part.
        var writer = ArchiveWriter()
        writer.write("first")
        writer.write("second")
        let source = ArchiveBytes(copying: writer.bytes)
        var whole = ArchiveReader(source)
        _ = try whole.readString()
        let firstRun = 0..<whole.offset
        var first = ArchiveReader(source, range: firstRun)
        #expect(try first.readString() == "first" && first.isAtEnd)
        var cut = ArchiveReader(source, range: 0..<firstRun.upperBound - 1)
        #expect(throws: ArchiveError.self) { try cut.readString() }
        var second = ArchiveReader(source, range: firstRun.upperBound..<writer.bytes.count)
        #expect(try second.readString() == "second" && second.isAtEnd)
    }

    @Test func aFileCutShortIsRefusedAtEveryLength() throws {
        let bytes = Fixtures.engine.compiled()
        // Every cut in the header, then cuts spread over the rest.
        let cuts = Array(0..<120) + stride(from: 120, to: bytes.count, by: bytes.count / 97)
        for cut in cuts {
            #expect(throws: AttuneError.self, "cut at \(cut)") {
                try Engine(compiled: Array(bytes.prefix(cut)), verify: false)
            }
        }
    }

    @Test func aChangedByteIsCaughtByTheChecksum() throws {
        var bytes = Fixtures.engine.compiled()
        bytes[bytes.count / 2] ^= 0x5A
        #expect {
            try Engine(compiled: bytes)
        } throws: { error in
            "\(error)".contains("checksum")
        }
    }

    @Test func anotherVersionsFileIsRefused() throws {
        var writer = ArchiveWriter()
        writer.write("attune compiled rules")
        writer.write(Engine.archiveFormat + 1)
        #expect {
            try Engine(compiled: writer.bytes)
        } throws: { error in
            "\(error)".contains("another version")
        }
    }
}

/// Rule packs and configs compiled on first use and kept in the cache folder.
@Suite struct CompiledEngineCacheTests {
    static let pack: [RuleSet.File] = [
        (
            "pack/extra.yaml",
            """
            rules:
              - id: fixing.test-pack-rule
                category: fixing
                weight: 2
                attune: understanding
                message: A test rule.
                suggestions: ["That sounds hard."]
                patterns: ["purple elephant"]
                examples:
                  match: ["I saw a [purple elephant]."]
                  no_match: ["I saw a purple car."]
            """
        )
    ]

    private func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "attune-cache-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aPackIsCompiledOnceThenRead() throws {
        let cache = CompiledEngineCache(directory: temporaryFolder())
        let first = try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        let second = try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        #expect(!first.outcome.reused)
        #expect(second.outcome.reused)
        let same = second.engine.compiled() == first.engine.compiled()
        #expect(same)
        let reply = "I saw a purple elephant."
        #expect(try second.engine.makeAnalyzer().analyze(reply).findings.map(\.rule).contains("fixing.test-pack-rule"))
    }

    @Test func editingAPackCompilesItAgain() throws {
        let cache = CompiledEngineCache(directory: temporaryFolder())
        _ = try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        var edited = Self.pack
        edited[0].contents = edited[0].contents.replacingOccurrences(of: "purple elephant", with: "purple giraffe")
        let again = try cache.engine(base: nil, packs: [edited], config: nil, skipBroken: false)
        #expect(!again.outcome.reused)
        #expect(
            try again.engine.makeAnalyzer().analyze("I saw a purple giraffe.").findings.map(\.rule)
                .contains("fixing.test-pack-rule"))
    }

    @Test func aDamagedCacheFileIsCompiledAgainNotTrusted() throws {
        let folder = temporaryFolder()
        let cache = CompiledEngineCache(directory: folder)
        _ = try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        try Data("not compiled rules".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        let again = try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        #expect(!again.outcome.reused)
        #expect(try cache.engine(base: nil, packs: [Self.pack], config: nil, skipBroken: false).outcome.reused)
    }

    @Test func brokenRulesThrowAndAreNeverFiled() throws {
        let folder = temporaryFolder()
        let cache = CompiledEngineCache(directory: folder)
        let broken: [RuleSet.File] = [("pack/bad.yaml", "rules:\n  - id: x\n")]
        #expect(throws: AttuneError.self) {
            try cache.engine(base: nil, packs: [broken], config: nil, skipBroken: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func theOldestFilesGoPastTheLimitAndTheCallerIsTold() throws {
        let folder = temporaryFolder()
        for index in 0..<CompiledEngineCache.entryLimit {
            let path = "\(folder)/old\(index).attune-rules"
            try Data([0]).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: Double(index))], ofItemAtPath: path)
        }
        let result = try CompiledEngineCache(directory: folder).engine(
            base: nil, packs: [Self.pack], config: nil, skipBroken: false)
        #expect(result.outcome.evicted == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.count == CompiledEngineCache.entryLimit)
        #expect(!left.contains("old0.attune-rules"))
    }

    @Test func theStandardFolderFollowsTheEnvironment() {
        #expect(CompiledEngineCache.standard(environment: ["ATTUNE_CACHE_DIR": "/x"]).directory == "/x")
        #expect(CompiledEngineCache.standard(environment: ["ATTUNE_CACHE_DIR": ""]).directory == nil)
        #expect(
            CompiledEngineCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory == "/c/attune")
        #expect(CompiledEngineCache.standard(environment: ["HOME": "/h"]).directory == "/h/.cache/attune")
        #expect(CompiledEngineCache.standard(environment: [:]).directory == nil)
    }
}
