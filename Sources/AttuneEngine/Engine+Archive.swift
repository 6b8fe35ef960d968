import AttuneCore
import AttuneMatching
import AttuneRules
import AttuneText

/// An engine as bytes: what `attune-compile-rules` embeds for the built-in rules and what
/// `CompiledEngineCache` keeps for rule packs. Reading it back skips YAML, the pattern
/// parser, the lints and the automaton builder, which is most of a cold start.
extension Engine {
    /// Changes whenever the layout of any archived value changes; a file of another
    /// format is refused (and a cached one recompiled).
    package static let archiveFormat = 14
    private static let magic = "attune compiled rules"

    /// The header (magic, format, attune version, payload checksum) and the payload.
    public func compiled() -> [UInt8] {
        var payload = ArchiveWriter()
        payload.write(ruleSet)
        payload.write(vocabulary)
        payload.write(rules)
        payload.write(deferredBids)
        payload.write(deferredFeelings)
        var hash = ContentHash()
        hash.combine(payload.bytes)
        var header = ArchiveWriter()
        header.write(Self.magic)
        header.write(Self.archiveFormat)
        header.write(AttuneVersion.current)
        header.write(hash.hex)
        return header.bytes + payload.bytes
    }

    /// An engine from `compiled()`'s bytes; `verify` checks the payload's checksum (a
    /// file read from disk may be damaged; bytes built into the binary cannot be).
    public init(compiled bytes: [UInt8], verify: Bool = true) throws(AttuneError) {
        try self.init(compiled: ArchiveBytes(copying: bytes), verify: verify)
    }

    /// An engine read in place: the parts read on first use (`Deferred`) keep `source`.
    package init(compiled source: ArchiveBytes, verify: Bool) throws(AttuneError) {
        do throws(ArchiveError) {
            var reader = ArchiveReader(source)
            guard try reader.readString() == Self.magic else { throw ArchiveError("not a compiled rules file") }
            guard try reader.readInt() == Self.archiveFormat, try reader.readString() == AttuneVersion.current else {
                throw ArchiveError("compiled by another version of attune")
            }
            let checksum = try reader.readString()
            if verify {
                var hash = ContentHash()
                hash.combine(reader.rest)
                guard hash.hex == checksum else { throw ArchiveError("damaged (its checksum differs)") }
            }
            let ruleSet: RuleSet = try reader.read()
            let vocabulary: Vocabulary = try reader.read()
            let rules: Automaton = try reader.read()
            let bids: Deferred<Automaton> = try reader.read()
            let feelings: Deferred<Automaton> = try reader.read()
            guard reader.isAtEnd else { throw ArchiveError("bytes left over at the end") }
            self.init(ruleSet: ruleSet, vocabulary: vocabulary, rules: rules, bids: bids, feelings: feelings)
        } catch {
            throw .unreadable(path: "compiled rules", reason: error.reason)
        }
    }
}
