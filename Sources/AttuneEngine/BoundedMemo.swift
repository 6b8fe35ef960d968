/// Results remembered by key, up to `limit` of them; when full it starts again from
/// empty (counted in `resets`), which costs time, never a different result.
struct BoundedMemo<Key: Hashable, Value> {
    private var entries: [Key: Value] = [:]
    let limit: Int
    private(set) var resets = 0
    var count: Int { entries.count }

    init(limit: Int) { self.limit = limit }

    /// The value remembered for `key`, or `compute`'s, remembered.
    mutating func value(for key: Key, _ compute: () -> Value) -> Value {
        if let known = entries[key] { return known }
        let value = compute()
        if entries.count >= limit {
            entries.removeAll(keepingCapacity: true)
            resets += 1
        }
        entries[key] = value
        return value
    }
}
