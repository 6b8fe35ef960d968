/// The topic stems of a text (see `Analyzer.topics(of:)`): a handful of short strings,
/// kept sorted and without repeats. A `Set` hashed every stem on insert, and again,
/// each in a hasher of its own, in every memo key holding a bid; sorted, the set
/// operations the analyzer asks for are one merging pass and a key hashes each stem
/// once, in the key's hasher.
struct TopicStems: Hashable, Sendable, ExpressibleByArrayLiteral {
    private(set) var stems: [String]

    init() { stems = [] }

    /// The stems of `words`, sorted, each once.
    init(_ words: [String]) {
        stems = []
        stems.reserveCapacity(words.count)
        for word in words.sorted() where word != stems.last { stems.append(word) }
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    var isEmpty: Bool { stems.isEmpty }

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
