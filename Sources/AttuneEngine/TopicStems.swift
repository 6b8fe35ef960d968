/// One topic stem. An ASCII stem (every stem of an ASCII word: at most five letters,
/// see `Analyzer.stem`) is its bytes packed into an integer, the first byte highest, so
/// integers order as the letters do, and comparing or hashing one costs an integer's
/// compare: sorting stems as strings was a third of reading a message's topics. Any
/// other stem is its text. Tokens are case-folded to NFKC, so no text stem is
/// canonically equal to an ASCII one.
enum Stem: Hashable, Comparable, Sendable {
    case ascii(UInt64)
    case text(String)

    init(_ word: String) {
        var word = word
        self = word.withUTF8(Stem.init(utf8:))
    }

    /// The stem spelled by `bytes` (valid UTF-8).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 8, bytes.allSatisfy({ $0 > 0 && $0 < 0x80 }) else {
            self = .text(String(decoding: bytes, as: UTF8.self))
            return
        }
        var packed: UInt64 = 0
        for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (56 - 8 * index) }
        self = .ascii(packed)
    }

    /// The stem's letters.
    var text: String {
        switch self {
        case .text(let text): return text
        case .ascii(let packed):
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: packed >> (56 - 8 * $0)) }.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// The topic stems of a text (see `Analyzer.topics(of:)`): a handful of stems, kept
/// sorted and without repeats. A `Set` hashed every stem on insert, and again, each in
/// a hasher of its own, in every memo key holding a bid; sorted, the set operations
/// the analyzer asks for are one merging pass and a key hashes each stem once, in the
/// key's hasher.
struct TopicStems: Hashable, Sendable, ExpressibleByArrayLiteral {
    private(set) var stems: [Stem]

    init() { stems = [] }

    /// `stems` sorted, each once: sorted in place, then repeats (adjacent once sorted)
    /// dropped in place.
    init(_ stems: consuming [Stem]) {
        // None or one is sorted: sorting still made the array its own, a copy of the
        // empty one each `[]` (a bid's default, several per turn) stands for.
        guard stems.count > 1 else {
            self.stems = stems
            return
        }
        var sorted = consume stems
        sorted.sort()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted.swapAt(kept, index)
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.stems = sorted
    }

    /// The stems of `words`, sorted, each once.
    init(_ words: [String]) { self.init(words.map(Stem.init)) }

    init(arrayLiteral elements: String...) { self.init(elements) }

    var isEmpty: Bool { stems.isEmpty }

    /// The stems' letters, in the stems' order.
    var words: [String] { stems.map(\.text) }

    /// Whether no stem is in both.
    func isDisjoint(with other: TopicStems) -> Bool {
        var (mine, theirs) = (0, 0)
        while mine < stems.count && theirs < other.stems.count {
            if stems[mine] == other.stems[theirs] { return false }
            if stems[mine] < other.stems[theirs] { mine += 1 } else { theirs += 1 }
        }
        return true
    }

    /// The stems in both, sorted.
    func intersection(_ other: TopicStems) -> TopicStems {
        var result = TopicStems()
        var (mine, theirs) = (0, 0)
        while mine < stems.count && theirs < other.stems.count {
            if stems[mine] == other.stems[theirs] {
                result.stems.append(stems[mine])
                (mine, theirs) = (mine + 1, theirs + 1)
            } else if stems[mine] < other.stems[theirs] {
                mine += 1
            } else {
                theirs += 1
            }
        }
        return result
    }

    /// The stems in either, sorted: both lists again, a handful of stems each.
    func union(_ other: TopicStems) -> TopicStems { TopicStems(stems + other.stems) }
}
