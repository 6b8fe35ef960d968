import AttuneCore

/// The automaton flattened into plain integers for the matcher's inner loop.
/// Reading an enum state with a `Set` or array payload retains and releases it on every
/// step; profiling showed that cost more than the matching itself. Here a step is a few
/// integer reads, a set test is one bit, and the first-token table is an array indexed by
/// token id.
///
/// A state's facts lie side by side in one record, and a dispatch test's ids beside
/// their targets: a step reaches states all over the program, and with a run per fact
/// (kind, next state, test, test value) each reach was a cache miss per run. Learning a
/// step was a third of a short batch's time, most of it waiting on those reads.
final class MatchProgram: Sendable {
    enum Kind: UInt8 {
        case consume, split, anchor, focusStart, focusEnd, accept
    }

    enum TestKind: UInt8 {
        case token, tokens, any, notIn, dispatch
    }

    /// Three values per state: its kind (low byte) and, for a consume state, its test's
    /// kind (second byte); then `next` and `argument`. `next`: the state after it
    /// (consume, anchor, focus), the first split target's offset in `splitTargets`
    /// (split), the pattern (accept), or a dispatch test's first pair in `dispatchPairs`.
    /// `argument`: the test's token or its bit set's offset in `bits` (consume), the end
    /// of a dispatch test's pairs, the anchor (anchor) or the number of targets (split).
    let records: Int32Run
    let splitTargets: Int32Run
    /// Bit sets over token ids `0..<setSize`; a token outside them is in no set.
    let bits: [UInt64]
    let setSize: Int32
    /// Dispatch tests' (token id, next state) pairs, each test's sorted by id.
    let dispatchPairs: Int32Run

    var stateCount: Int { records.count / 3 }

    /// Per start context: `firstOffsets[id + 1] ..< firstOffsets[id + 2]` indexes the
    /// entries that start with token `id` (id -1, unknown, has its own empty slot).
    let firstOffsets: [Int32Run]
    let firstEntries: [[Automaton.Entry]]

    init(_ automaton: Automaton, firstToken: [[Int32: [Automaton.Entry]]], vocabularySize: Int) {
        setSize = Int32(vocabularySize)
        let wordsPerSet = (vocabularySize + 63) / 64
        var records: [Int32] = []
        var splitTargets: [Int32] = []
        var bits: [UInt64] = []
        var dispatchPairs: [Int32] = []
        func addSet(_ ids: Set<Int32>) -> Int32 {
            let offset = bits.count
            bits += Array(repeating: 0, count: wordsPerSet)
            for id in ids where id >= 0 && Int(id) < vocabularySize {
                bits[offset + Int(id) / 64] |= 1 << UInt64(id % 64)
            }
            return Int32(offset)
        }
        func add(_ kind: Kind, _ next: Int32, _ argument: Int32, test: TestKind? = nil) {
            records += [Int32(kind.rawValue) | Int32(test?.rawValue ?? 0) << 8, next, argument]
        }
        for state in automaton.states {
            switch state {
            case .consume(.token(let id), let target): add(.consume, target, id, test: .token)
            case .consume(.tokens(let ids), let target): add(.consume, target, addSet(ids), test: .tokens)
            case .consume(.any, let target): add(.consume, target, 0, test: .any)
            case .consume(.notIn(let ids), let target): add(.consume, target, addSet(ids), test: .notIn)
            case .consume(.dispatch(let targets), _):
                let first = Int32(dispatchPairs.count / 2)
                for (id, target) in targets.sorted(by: { $0.key < $1.key }) { dispatchPairs += [id, target] }
                add(.consume, first, Int32(dispatchPairs.count / 2), test: .dispatch)
            case .split(let targets):
                add(.split, Int32(splitTargets.count), Int32(targets.count))
                splitTargets += targets
            case .anchor(let anchor, let target): add(.anchor, target, Int32(anchor.rawValue))
            case .focusStart(let target): add(.focusStart, target, 0)
            case .focusEnd(let target): add(.focusEnd, target, 0)
            case .accept(let pattern): add(.accept, pattern, 0)
            }
        }
        var firstOffsets: [[Int32]] = []
        var firstEntries: [[Automaton.Entry]] = []
        for table in firstToken {
            var offsets: [Int32] = [0]
            var entries: [Automaton.Entry] = []
            for id in -1..<Int32(vocabularySize) {
                entries += table[id] ?? []
                offsets.append(Int32(entries.count))
            }
            firstOffsets.append(offsets)
            firstEntries.append(entries)
        }
        self.records = Int32Run(records)
        self.splitTargets = Int32Run(splitTargets)
        self.bits = bits
        self.dispatchPairs = Int32Run(dispatchPairs)
        (self.firstOffsets, self.firstEntries) = (firstOffsets.map(Int32Run.init), firstEntries)
    }

    /// Writes the arrays as they are: the integer runs are read back in place.
    func archive(into writer: inout ArchiveWriter) {
        for run in [records, splitTargets] { writer.writeRaw(run) }
        writer.writeSparse(bits)
        writer.write(setSize)
        writer.writeRaw(dispatchPairs)
        writer.write(firstOffsets.count)
        for array in firstOffsets { writer.writeRaw(array) }
        // Entries as two runs per context (28,000 of them for the built-in rules).
        for entries in firstEntries {
            writer.writeRaw(entries.map(\.state))
            writer.writeRaw(entries.map { UInt8($0.focusOpened ? 1 : 0) })
        }
    }

    init(from reader: inout ArchiveReader) throws(ArchiveError) {
        records = try Int32Run(from: &reader)
        splitTargets = try Int32Run(from: &reader)
        bits = try reader.readSparse()
        setSize = try reader.read()
        dispatchPairs = try Int32Run(from: &reader)
        let contexts = try reader.readCount(elementSize: 1)
        var firstOffsets: [Int32Run] = []
        for _ in 0..<contexts { firstOffsets.append(try Int32Run(from: &reader)) }
        self.firstOffsets = firstOffsets
        var firstEntries: [[Automaton.Entry]] = []
        for _ in 0..<contexts {
            let states: [Int32] = try reader.readRaw()
            let focus: [UInt8] = try reader.readRaw()
            guard focus.count == states.count else { throw ArchiveError("the automaton's entries differ in length") }
            firstEntries.append(zip(states, focus).map { Automaton.Entry(state: $0, focusOpened: $1 != 0) })
        }
        self.firstEntries = firstEntries
        guard records.count % 3 == 0, dispatchPairs.count % 2 == 0, firstOffsets.count == firstEntries.count else {
            throw ArchiveError("the automaton's arrays differ in length")
        }
        // Every kind known, so the matcher reads them unchecked.
        for state in 0..<stateCount {
            let word = records[3 * state]
            guard let kind = Kind(rawValue: UInt8(truncatingIfNeeded: word)), word >> 16 == 0,
                kind != .consume || TestKind(rawValue: UInt8(truncatingIfNeeded: word >> 8)) != nil
            else { throw ArchiveError("unknown automaton state") }
        }
    }

    /// State `state`'s kind.
    @inline(__always)
    func kind(of state: Int) -> Kind { Kind(rawValue: UInt8(truncatingIfNeeded: records[3 * state])).unsafelyUnwrapped }

    /// State `state`'s `next` (see `records`).
    @inline(__always)
    func next(of state: Int) -> Int32 { records[3 * state + 1] }

    /// State `state`'s `argument` (see `records`).
    @inline(__always)
    func argument(of state: Int) -> Int32 { records[3 * state + 2] }

    /// Where consuming state `state` goes on token `id`, or -1 when it does not accept it.
    @inline(__always)
    func target(of state: Int, on id: Int32) -> Int32 {
        let test = TestKind(rawValue: UInt8(truncatingIfNeeded: records[3 * state] >> 8)).unsafelyUnwrapped
        let next = records[3 * state + 1]
        let argument = records[3 * state + 2]
        switch test {
        case .token: return argument == id ? next : -1
        case .any: return next
        case .tokens: return inSet(Int(argument), id) ? next : -1
        case .notIn: return inSet(Int(argument), id) ? -1 : next
        case .dispatch: return dispatch(Int(next)..<Int(argument), id)
        }
    }

    /// Binary search of a dispatch test's pairs, sorted by id. An id outside their span
    /// (an unknown word, -1, is below every one) is turned away before the search.
    private func dispatch(_ pairs: Range<Int>, _ id: Int32) -> Int32 {
        var (low, high) = (pairs.lowerBound, pairs.upperBound)
        guard low < high, id >= dispatchPairs[2 * low], id <= dispatchPairs[2 * (high - 1)] else { return -1 }
        while low < high {
            let middle = (low + high) / 2
            let key = dispatchPairs[2 * middle]
            if key == id { return dispatchPairs[2 * middle + 1] }
            if key < id { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    @inline(__always)
    private func inSet(_ offset: Int, _ id: Int32) -> Bool {
        guard id >= 0, id < setSize else { return false }
        return bits[offset + Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The entries of patterns whose first token is `id`, in start context `context`.
    @inline(__always)
    func firstRange(_ context: Int, _ id: Int32) -> Range<Int> {
        guard id >= -1, id < setSize else { return 0..<0 }
        let offsets = firstOffsets[context]
        return Int(offsets[Int(id) + 1])..<Int(offsets[Int(id) + 2])
    }
}
