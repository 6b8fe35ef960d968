import AttuneText

/// A raw match of one compiled pattern, in token indices (end exclusive).
package struct PatternMatch: Sendable, Equatable {
    package var pattern: Int32
    package var start: Int
    package var end: Int
    package var focusStart: Int
    package var focusEnd: Int
}

/// Runs the automaton over a token sequence in one pass, carrying only the partial
/// matches that are alive (a Pike VM: no backtracking, each state at most once a step).
/// Each step it takes is remembered (`MatchCache`), so a step seen before is one table
/// lookup: its cost per token stops depending on how many rules there are.
package struct Matcher {
    private let automaton: Automaton
    private let program: MatchProgram
    private var visited: [UInt32]
    private var generation: UInt32 = 0
    private var cache: MatchCache
    /// A step's output, kept between steps to reuse their storage. Partial matches are
    /// whole `Thread`s, one append each: four appends of their values cost four
    /// uniqueness checks.
    private var nextThreads: [Thread] = []
    private var accepted: [Int32] = []
    /// The next state's partial matches packed for the cache, reused likewise.
    private var packed: [Int32] = []
    /// The starts read per input (see `starts(at:id:_:_:)`): ranges of `startThreads`
    /// and of `startAccepts` (five values each: an accept and its node). Bounded by the
    /// cache's limits (a thread counts four values): full, they start again, counted with
    /// the step cache's resets.
    private var startLists: [Int: (threads: Range<Int>, accepted: Range<Int>)] = [:]
    private var startThreads: [Thread] = []
    private var startAccepts: [Int32] = []
    private var startResets = 0
    /// The partial matches of state -1: a step whose marks do not fit the cache.
    private var overflow: [Thread] = []
    /// The last call's matches, whose storage the next call reuses once the caller has
    /// let them go: a list allocated for every text matched was a tenth of the
    /// allocations of a batch turn.
    private var found: [PatternMatch] = []
    /// The most matches whose storage is kept for the next call.
    private static let keptMatches = 256

    /// A partial match in a step: its state, and its start and focus marks as offsets
    /// back from the boundary after the step's token (focus -1: not set).
    fileprivate struct Thread {
        var state: Int32
        var start: Int32
        var focusStart: Int32
        var focusEnd: Int32
    }

    /// What the anchors after a token can ask: whether the boundary after it starts a
    /// sentence, starts a clause, or ends a sentence.
    private struct Boundary: OptionSet {
        let rawValue: Int
        static let startsSentence = Boundary(rawValue: 1)
        static let startsClause = Boundary(rawValue: 2)
        static let endsSentence = Boundary(rawValue: 4)
    }

    package init(automaton: Automaton, cacheLimits: MatchCache.Limits = .standard) {
        self.automaton = automaton
        cache = MatchCache(limits: cacheLimits)
        program = automaton.program!
        visited = Array(repeating: 0, count: program.stateCount)
    }

    /// How many times the step cache filled up and started again (see `MatchCache`).
    package var cacheResets: Int { cache.resets + startResets }

    /// All matches of all patterns within sentences of `text`.
    package mutating func matches(in text: TokenizedText) -> [PatternMatch] {
        let tokens = text.tokens
        // Taken out of `self` first: emptied while `self` held it, it would be shared.
        var found = self.found
        self.found = []
        found.removeAll(keepingCapacity: true)
        // A long text's list is let go rather than kept at its size.
        defer { if found.capacity <= Self.keptMatches { self.found = found } }
        var state: Int32 = 0
        for position in tokens.indices {
            let context = startContext(of: position, tokens)
            // Partial matches end with their sentence.
            if context == .sentenceStart { state = 0 }
            var id = tokens[position].id
            // Ids past the automaton's tables (the engine's cue words) are unknown to it.
            if id >= program.setSize { id = -1 }
            let boundary = self.boundary(after: position, tokens)
            // The input in 32 bits beside the state in the cache's key: ids up to 2^27.
            let input = Int(id + 1) << 5 | context.rawValue << 3 | boundary.rawValue
            if state >= 0, let step = cache.step(from: state, on: input) {
                state = step.next
                if step.accepts != 0 {
                    emit(cache.accepts, cache.accepts(of: step.accepts), at: position + 1, text, &found)
                }
            } else {
                state = take(from: state, id: id, context, boundary, input)
                emit(accepted, accepted.indices, at: position + 1, text, &found)
            }
        }
        return found
    }

    /// The matches of a step's accepted patterns (four values each, see `MatchCache`)
    /// ending at `end` that the sentence allows: its kind (`<?>`, `<.>`) and room for a
    /// leading gap.
    private func emit(
        _ accepts: [Int32], _ range: Range<Int>, at end: Int, _ text: TokenizedText, _ found: inout [PatternMatch]
    ) {
        // Room for a reply's usual matches at the first: growing from empty reallocated
        // the list four or five times per reply.
        if found.capacity == 0 && !range.isEmpty { found.reserveCapacity(32) }
        for offset in stride(from: range.lowerBound, to: range.upperBound, by: 4) {
            let pattern = accepts[offset]
            let info = automaton.patterns[Int(pattern)]
            let threadStart = end - Int(accepts[offset + 1])
            let sentence = text.sentences[text.tokens[threadStart].sentence]
            switch info.sentenceKind {
            case .question where !sentence.isQuestion: continue
            case .statement where sentence.isQuestion: continue
            default: break
            }
            // A leading gap reaches back as far as it may within the sentence.
            let available = threadStart - sentence.tokens.lowerBound
            guard available >= info.leadingGap.min else { continue }
            let start = threadStart - min(available, info.leadingGap.max)
            let focusStart = accepts[offset + 2]
            let focusEnd = accepts[offset + 3]
            found.append(
                PatternMatch(
                    pattern: pattern, start: start, end: end,
                    focusStart: focusStart >= 0 ? end - Int(focusStart) : start,
                    focusEnd: focusEnd >= 0 ? end - Int(focusEnd) : end))
        }
    }

    /// A step not taken before: the Pike VM's step from the partial matches of `state`
    /// (-1: those in `overflow`), then every pattern that can start at this token. Its
    /// accepted patterns are left in `accepted`; the next state is recorded in the cache,
    /// or is -1 when its marks do not fit it (`MatchCache.Marks`).
    private mutating func take(
        from state: Int32, id: Int32, _ context: Automaton.StartContext, _ boundary: Boundary, _ input: Int
    ) -> Int32 {
        // The visited marks are written through a pointer for the whole step: written in
        // place in `self`, each write cost a uniqueness check. Taken out of `self` for it.
        var marks = visited
        visited = []
        defer { visited = marks }
        return marks.withUnsafeMutableBufferPointer { seen in
            take(from: state, id: id, context, boundary, input, seen: seen)
        }
    }

    /// The step itself, `seen` holding the visited marks.
    private mutating func take(
        from state: Int32, id: Int32, _ context: Automaton.StartContext, _ boundary: Boundary, _ input: Int,
        seen: UnsafeMutableBufferPointer<UInt32>
    ) -> Int32 {
        let starts =
            cache.limits.startLists > 0
            ? self.starts(at: input, id: id, context, boundary, seen: seen) : (threads: 0..<0, accepted: 0..<0)
        nextGeneration(seen)
        // Taken out of `self` before they are emptied: emptied while `self` still held
        // them, each was shared, so `removeAll(keepingCapacity:)` allocated a new buffer.
        var next = nextThreads
        var accepted = self.accepted
        (nextThreads, self.accepted) = ([], [])
        next.removeAll(keepingCapacity: true)
        accepted.removeAll(keepingCapacity: true)
        defer { (nextThreads, self.accepted) = (next, accepted) }
        // Partial matches started earlier go first, so the leftmost start wins a state.
        // They are read in place: a state's packed values, or the overflow's threads.
        if state < 0 {
            for thread in overflow { advance(thread, on: id, boundary, seen, into: &next, accepted: &accepted) }
        } else {
            let (values, range) = (cache.threads, cache.threads(of: state))
            for offset in Swift.stride(from: range.lowerBound, to: range.upperBound, by: 2) {
                let thread = Thread(unpacking: values[offset], values[offset + 1])
                advance(thread, on: id, boundary, seen, into: &next, accepted: &accepted)
            }
        }
        // Then the patterns that can start here, as they were read for this input before,
        // less the states the partial matches reached first; or, without lists (a limit
        // of 0, for the test they must agree with), started one by one.
        if cache.limits.startLists > 0 {
            let generation = self.generation
            for index in starts.threads {
                let state = Int(startThreads[index].state)
                guard seen[state] != generation else { continue }
                seen[state] = generation
                next.append(startThreads[index])
            }
            for offset in Swift.stride(from: starts.accepted.lowerBound, to: starts.accepted.upperBound, by: 5) {
                let node = Int(startAccepts[offset + 4])
                guard seen[node] != generation else { continue }
                seen[node] = generation
                for value in offset..<(offset + 4) { accepted.append(startAccepts[value]) }
            }
        } else {
            let entries = program.firstEntries[context.rawValue]
            for index in program.firstRange(context.rawValue, id) {
                start(entries[index], on: id, boundary, seen, into: &next, accepted: &accepted, withNodes: false)
            }
            for entry in automaton.firstWildcards[context.rawValue] {
                start(entry, on: id, boundary, seen, into: &next, accepted: &accepted, withNodes: false)
            }
        }
        var packed = self.packed
        self.packed = []
        defer { self.packed = packed }
        // Sized first and written in place: two appends a partial match cost two
        // uniqueness checks.
        packed.removeAll(keepingCapacity: true)
        packed.append(contentsOf: repeatElement(0, count: next.count * 2))
        let fits = packed.withUnsafeMutableBufferPointer { packed in
            for index in next.indices {
                let thread = next[index]
                guard
                    let marks = MatchCache.Marks.pack(
                        start: thread.start, focusStart: thread.focusStart, focusEnd: thread.focusEnd)
                else { return false }
                packed[2 * index] = thread.state
                packed[2 * index + 1] = marks
            }
            return true
        }
        guard fits else {
            overflow = next
            return -1
        }
        if state < 0 { return cache.enter(packed) }
        return cache.record(from: state, on: input, next: packed, accepted: accepted)
    }

    /// The partial matches and accepts that the patterns able to start at a token begin,
    /// read once per input (the token's id, where it stands, the boundary after it): they
    /// do not depend on the state stepped from. A step marks visited every state its
    /// partial matches reach and all that follows from them, so a start whose state is
    /// marked would have been cut there or before: the list less the marked states is
    /// what starting the patterns after the partial matches gives.
    private mutating func starts(
        at input: Int, id: Int32, _ context: Automaton.StartContext, _ boundary: Boundary,
        seen: UnsafeMutableBufferPointer<UInt32>
    ) -> (threads: Range<Int>, accepted: Range<Int>) {
        if let known = startLists[input] { return known }
        if startLists.count >= cache.limits.startLists
            || startThreads.count * 4 + startAccepts.count >= cache.limits.startValues
        {
            startLists.removeAll(keepingCapacity: true)
            startThreads.removeAll(keepingCapacity: true)
            startAccepts.removeAll(keepingCapacity: true)
            startResets += 1
        }
        // Read alone, in a generation of their own, before the step's begins.
        nextGeneration(seen)
        var threads: [Thread] = []
        var accepts: [Int32] = []
        let entries = program.firstEntries[context.rawValue]
        for index in program.firstRange(context.rawValue, id) {
            start(entries[index], on: id, boundary, seen, into: &threads, accepted: &accepts)
        }
        for entry in automaton.firstWildcards[context.rawValue] {
            start(entry, on: id, boundary, seen, into: &threads, accepted: &accepts)
        }
        let result = (
            threads: startThreads.count..<(startThreads.count + threads.count),
            accepted: startAccepts.count..<(startAccepts.count + accepts.count)
        )
        startThreads += threads
        startAccepts += accepts
        startLists[input] = result
        return result
    }

    /// Starts the pattern of `entry` at the step's token; for a list of starts, each
    /// accept in `accepted` is followed by its node (see `follow`).
    private func start(
        _ entry: Automaton.Entry, on id: Int32, _ boundary: Boundary, _ seen: UnsafeMutableBufferPointer<UInt32>,
        into next: inout [Thread], accepted: inout [Int32], withNodes: Bool = true
    ) {
        let target = program.target(of: Int(entry.state), on: id)
        guard target >= 0 else { return }
        let thread = Thread(state: entry.state, start: 1, focusStart: entry.focusOpened ? 1 : -1, focusEnd: -1)
        follow(target, thread, boundary, seen, into: &next, accepted: &accepted, withNodes: withNodes)
    }

    /// Moves a partial match over the step's token, if its state takes it, and follows
    /// the empty moves after it.
    @inline(__always)
    private func advance(
        _ thread: Thread, on id: Int32, _ boundary: Boundary, _ seen: UnsafeMutableBufferPointer<UInt32>,
        into next: inout [Thread], accepted: inout [Int32]
    ) {
        let target = program.target(of: Int(thread.state), on: id)
        guard target >= 0 else { return }
        let moved = Thread(
            state: thread.state, start: thread.start + 1,
            focusStart: thread.focusStart >= 0 ? thread.focusStart + 1 : -1,
            focusEnd: thread.focusEnd >= 0 ? thread.focusEnd + 1 : -1)
        follow(target, moved, boundary, seen, into: &next, accepted: &accepted)
    }

    /// Follows empty moves from `state` at the boundary after the step's token,
    /// collecting the consuming states reached into `next` and the accepted patterns
    /// (with the accepting node after each, `withNodes`, for a list of starts).
    private func follow(
        _ state: Int32, _ thread: Thread, _ boundary: Boundary, _ seen: UnsafeMutableBufferPointer<UInt32>,
        into next: inout [Thread], accepted: inout [Int32], withNodes: Bool = false
    ) {
        guard seen[Int(state)] != generation else { return }
        seen[Int(state)] = generation
        var thread = thread
        let index = Int(state)
        let target = program.next(of: index)
        switch program.kind(of: index) {
        case .consume:
            next.append(
                Thread(state: state, start: thread.start, focusStart: thread.focusStart, focusEnd: thread.focusEnd))
        case .split:
            for offset in Int(target)..<Int(target + program.argument(of: index)) {
                follow(
                    program.splitTargets[offset], thread, boundary, seen, into: &next, accepted: &accepted,
                    withNodes: withNodes)
            }
        case .anchor:
            if holds(Automaton.Anchor(rawValue: program.argument(of: index))!, boundary) {
                follow(target, thread, boundary, seen, into: &next, accepted: &accepted, withNodes: withNodes)
            }
        case .focusStart:
            thread.focusStart = 0
            follow(target, thread, boundary, seen, into: &next, accepted: &accepted, withNodes: withNodes)
        case .focusEnd:
            thread.focusEnd = 0
            follow(target, thread, boundary, seen, into: &next, accepted: &accepted, withNodes: withNodes)
        case .accept:
            accepted.append(target)
            accepted.append(thread.start)
            accepted.append(thread.focusStart)
            accepted.append(thread.focusEnd)
            if withNodes { accepted.append(state) }
        }
    }

    private func startContext(of position: Int, _ tokens: [Token]) -> Automaton.StartContext {
        if position == 0 || tokens[position - 1].sentence != tokens[position].sentence { return .sentenceStart }
        return tokens[position].flags.contains(.clauseStart) ? .clauseStart : .midClause
    }

    /// What the anchors can ask about the boundary after token `position`.
    private func boundary(after position: Int, _ tokens: [Token]) -> Boundary {
        let next = position + 1
        guard next < tokens.count else { return .endsSentence }
        if tokens[position].sentence != tokens[next].sentence {
            return [.startsSentence, .startsClause, .endsSentence]
        }
        return tokens[next].flags.contains(.clauseStart) ? .startsClause : []
    }

    private func holds(_ anchor: Automaton.Anchor, _ boundary: Boundary) -> Bool {
        switch anchor {
        case .sentenceStart: return boundary.contains(.startsSentence)
        case .clauseStart: return boundary.contains(.startsClause)
        case .sentenceEnd: return boundary.contains(.endsSentence)
        }
    }

    private mutating func nextGeneration(_ seen: UnsafeMutableBufferPointer<UInt32>) {
        generation &+= 1
        if generation == 0 {
            seen.update(repeating: 0)
            generation = 1
        }
    }
}

extension Matcher.Thread {
    /// A partial match as a cache state holds it: its state and its packed marks.
    fileprivate init(unpacking state: Int32, _ marks: Int32) {
        let marks = MatchCache.Marks.unpack(marks)
        self.init(state: state, start: marks.start, focusStart: marks.focusStart, focusEnd: marks.focusEnd)
    }
}
