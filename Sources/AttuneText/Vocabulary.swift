/// Interned token ids: every word a pattern or word list can name gets a small integer,
/// so the matcher compares integers, never strings.
public struct Vocabulary: Sendable {
    /// The id of any token no pattern names.
    public static let unknown: Int32 = -1

    var ids: [String: Int32] = [:]
    package private(set) var words: [String] = []

    public init() {}

    @discardableResult
    package mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    public func id(of word: String) -> Int32 { ids[word] ?? Self.unknown }

    public func contains(_ word: String) -> Bool { ids[word] != nil }

    public var count: Int { words.count }
}
