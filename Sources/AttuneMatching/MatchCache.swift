#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The matcher's memory of the steps it has taken: a lazily built deterministic
/// automaton over token ids.
///
/// A step of the Pike VM depends only on the partial matches alive before it (their
/// states in order, with their starts and focus marks as offsets back from the
/// boundary) and on the token it reads with the facts its anchors ask about (where
/// the token stands; whether the boundary after it starts a sentence or a clause, or
/// ends one). So each distinct list of live partial matches becomes a state here, and
/// each step from it, once taken, is one table lookup: the next state and the patterns
/// accepted, also as offsets. A reply whose steps were all taken before costs a lookup
/// per token, whatever the number of rules.
///
/// Bounded: when a limit is reached the cache starts again from empty (counted in
/// `resets`), which costs time, never a match.
package struct MatchCache {
    /// Every state's partial matches, two values each: the NFA state and its marks
    /// (`Marks`). State 0 is empty.
    private(set) var threads: [Int32] = []
    private var threadBounds: [Int32] = [0, 0]
    private var stateHashes: [UInt64] = [Self.hash(of: [])]
    /// Open addressing over the states by the hash of their partial matches: state + 1,
    /// 0 when empty; a power of two, at most half full.
    private var stateSlots = [Int32](repeating: 0, count: 1 << 10)
    /// Every step's accepted patterns, four values each: pattern, start, focus start,
    /// focus end (offsets as above). List 0 is empty.
    private(set) var accepts: [Int32] = []
    private var acceptBounds: [Int32] = [0, 0]
    /// Open addressing over the steps taken, two values a slot side by side (a lookup
    /// reads one cache line, not one in each of two arrays): the key, (state, input) + 1,
    /// 0 when empty; and the value, the next state in its low 32 bits and the accept list
    /// in its high 32. A power of two of slots, at most half full.
    private var steps = [UInt64](repeating: 0, count: 2 << 12)
    private var stepCount = 0
    private(set) var resets = 0
    let limits: Limits

    /// How much the cache may hold before it starts again.
    package struct Limits: Sendable {
        package var states: Int
        package var threadValues: Int
        package var acceptValues: Int
        package var steps: Int
        /// The matcher's lists of pattern starts by input (`Matcher.starts`): how many
        /// lists, and how many values in all (about 4 MB at most).
        package var startLists = 1 << 14
        package var startValues = 1 << 20

        /// About 30 MB at most per matcher, so a batch worker's memory stays flat. With
        /// the built-in rules the partial matches fill first (a state holds about 130
        /// values): at half these limits the cache started again 3 times in 100,000 varied
        /// replies, and learning its steps again cost about 7% of the analyses'
        /// instructions. With ten times the rules the accepted patterns filled first, at a
        /// quarter of this limit: 7 times, 13% of the instructions.
        package static let standard = Limits(
            states: 1 << 16, threadValues: 1 << 22, acceptValues: 1 << 21, steps: 1 << 17)
    }

    func threads(of state: Int32) -> Range<Int> {
        Int(threadBounds[Int(state)])..<Int(threadBounds[Int(state) + 1])
    }

    func accepts(of list: Int32) -> Range<Int> {
        Int(acceptBounds[Int(list)])..<Int(acceptBounds[Int(list) + 1])
    }

    /// The step from `state` on `input`, if it was taken before.
    @inline(__always)
    func step(from state: Int32, on input: Int) -> (next: Int32, accepts: Int32)? {
        let key = Int(state) << 32 | input
        let mask = steps.count / 2 - 1
        var slot = Self.mix(key) & mask
        while true {
            let stored = steps[2 * slot]
            if stored == 0 { return nil }
            if stored == UInt64(bitPattern: Int64(key &+ 1)) {
                let value = steps[2 * slot + 1]
                return (Int32(truncatingIfNeeded: value), Int32(truncatingIfNeeded: value >> 32))
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records a step and returns it: the state of `next` partial matches (packed, see
    /// `Marks`) and the list of `accepted` patterns, both made when new.
    mutating func record(from state: Int32, on input: Int, next: [Int32], accepted: [Int32]) -> Int32 {
        if isFull(adding: next, accepted) {
            self = MatchCache(limits: limits, resets: resets + 1)
            // The state stepped from goes with the rest: this step is not recorded.
            return enter(next)
        }
        let result = (next: self.state(for: next), accepts: list(for: accepted))
        if (stepCount + 1) * 2 > steps.count / 2 { growSteps() }
        place(Int(state) << 32 | input, UInt64(UInt32(result.next)) | UInt64(UInt32(result.accepts)) << 32)
        stepCount += 1
        return result.next
    }

    /// The state of `partials`, made if new, for a step that is not recorded (one from
    /// partial matches the cache could not hold); starts again from empty when full.
    mutating func enter(_ partials: [Int32]) -> Int32 {
        if isFull(adding: partials, []) { self = MatchCache(limits: limits, resets: resets + 1) }
        return state(for: partials)
    }

    private func isFull(adding partials: [Int32], _ accepted: [Int32]) -> Bool {
        threadBounds.count > limits.states || stepCount >= limits.steps
            || threads.count + partials.count > limits.threadValues
            || accepts.count + accepted.count > limits.acceptValues
    }

    /// The arrays are reserved at their limits: only the pages written count against
    /// memory, and none is copied as it grows.
    init(limits: Limits, resets: Int = 0) {
        self.limits = limits
        self.resets = resets
        threads.reserveCapacity(limits.threadValues)
        accepts.reserveCapacity(limits.acceptValues)
        // The empty state is found by its content too: a step to no partial matches goes
        // to state 0, not to a second empty state with steps of its own to learn.
        stateSlots[Int(truncatingIfNeeded: stateHashes[0]) & (stateSlots.count - 1)] = 1
    }

    private mutating func place(_ key: Int, _ value: UInt64) {
        let mask = steps.count / 2 - 1
        var slot = Self.mix(key) & mask
        while steps[2 * slot] != 0 { slot = (slot + 1) & mask }
        steps[2 * slot] = UInt64(bitPattern: Int64(key &+ 1))
        steps[2 * slot + 1] = value
    }

    private mutating func growSteps() {
        let old = steps
        steps = Array(repeating: 0, count: old.count * 2)
        for slot in 0..<(old.count / 2) where old[2 * slot] != 0 {
            place(Int(Int64(bitPattern: old[2 * slot])) &- 1, old[2 * slot + 1])
        }
    }

    /// The state of these partial matches, made if new.
    private mutating func state(for partials: [Int32]) -> Int32 {
        let hash = Self.hash(of: partials)
        let mask = stateSlots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while stateSlots[slot] != 0 {
            let candidate = stateSlots[slot] - 1
            if stateHashes[Int(candidate)] == hash, Self.equal(threads, threads(of: candidate), partials) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(threadBounds.count - 1)
        threads += partials
        threadBounds.append(Int32(threads.count))
        stateHashes.append(hash)
        stateSlots[slot] = id + 1
        if Int(id + 1) * 2 > stateSlots.count { growStates() }
        return id
    }

    /// Whether `values[range]` holds `partials`: a state holds about 130 values, which
    /// `memcmp` compares several at a time (`elementsEqual` took 25 instructions a value).
    private static func equal(_ values: [Int32], _ range: Range<Int>, _ partials: [Int32]) -> Bool {
        guard range.count == partials.count else { return false }
        guard !range.isEmpty else { return true }
        return values.withUnsafeBufferPointer { values in
            partials.withUnsafeBufferPointer { partials in
                memcmp(
                    values.baseAddress! + range.lowerBound, partials.baseAddress!,
                    range.count * MemoryLayout<Int32>.stride) == 0
            }
        }
    }

    private mutating func growStates() {
        stateSlots = Array(repeating: 0, count: stateSlots.count * 2)
        let mask = stateSlots.count - 1
        for state in stateHashes.indices {
            var slot = Int(truncatingIfNeeded: stateHashes[state]) & mask
            while stateSlots[slot] != 0 { slot = (slot + 1) & mask }
            stateSlots[slot] = Int32(state) + 1
        }
    }

    private mutating func list(for accepted: [Int32]) -> Int32 {
        if accepted.isEmpty { return 0 }
        accepts += accepted
        acceptBounds.append(Int32(accepts.count))
        return Int32(acceptBounds.count - 2)
    }

    /// A partial match's start and focus marks, offsets back from the boundary, in one
    /// value: start in bits 0-10, focus start + 1 in 11-20, focus end + 1 in 21-30 (0:
    /// not set). Marks that do not fit (a match alive for 2,048 tokens) are stepped
    /// without the cache.
    enum Marks {
        static func pack(start: Int32, focusStart: Int32, focusEnd: Int32) -> Int32? {
            guard start < 1 << 11, focusStart < (1 << 10) - 1, focusEnd < (1 << 10) - 1 else { return nil }
            return start | (focusStart + 1) << 11 | (focusEnd + 1) << 21
        }

        @inline(__always)
        static func unpack(_ marks: Int32) -> (start: Int32, focusStart: Int32, focusEnd: Int32) {
            (marks & 0x7FF, (marks >> 11 & 0x3FF) - 1, (marks >> 21 & 0x3FF) - 1)
        }
    }

    @inline(__always)
    private static func mix(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    private static func hash(of values: [Int32]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values { hash = (hash ^ UInt64(UInt32(bitPattern: value))) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
