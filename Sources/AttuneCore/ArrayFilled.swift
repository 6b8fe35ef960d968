extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them. Allocated by
    /// `reserveCapacity`: on Linux, `Array(repeating:count:)` and
    /// `Array(unsafeUninitializedCapacity:initializingWith:)` look their storage's type up
    /// in the runtime's generic metadata cache at every call, about 350 instructions
    /// (under a lock) for each of the few small arrays a reply needs.
    @inlinable
    package init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
