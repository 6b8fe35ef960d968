import AttuneCore

/// The automaton flattened into arrays of plain integers for the matcher's inner loop.
/// Reading an enum state with a `Set` or array payload retains and releases it on every
/// step; profiling showed that cost more than the matching itself. Here a step is a few
/// array reads, a set test is one bit, and the first-token table is an array indexed by
/// token id.
final class MatchProgram: Sendable {
    enum Kind: UInt8 {
        case consume, split, anchor, focusStart, focusEnd, accept
    }

    enum TestKind: UInt8 {
        case token, tokens, any, notIn, dispatch
    }

    /// Per state: its kind; `next` (consume, anchor, focus), the first split target's
    /// offset in `splitTargets` (split) or the pattern (accept); and `argument`: the
    /// test (consume), the anchor (anchor) or the number of targets (split).
    let kind: [Kind]
    let next: Int32Run
    let argument: Int32Run
    let splitTargets: Int32Run

    /// Per test: its kind and either the token it expects or its bit set's offset in `bits`.
    let testKind: [TestKind]
    let testValue: Int32Run
    /// Bit sets over token ids `0..<setSize`; a token outside them is in no set.
    let bits: [UInt64]
    let setSize: Int32
    /// Dispatch tests: `dispatchOffsets[d] ..< dispatchOffsets[d + 1]` indexes sorted
    /// token ids in `dispatchKeys` and their next states in `dispatchTargets`.
    let dispatchOffsets: Int32Run
    let dispatchKeys: Int32Run
    let dispatchTargets: Int32Run

    /// Per start context: `firstOffsets[id + 1] ..< firstOffsets[id + 2]` indexes the
    /// entries that start with token `id` (id -1, unknown, has its own empty slot).
    let firstOffsets: [Int32Run]
    let firstEntries: [[Automaton.Entry]]

    init(_ automaton: Automaton, firstToken: [[Int32: [Automaton.Entry]]], vocabularySize: Int) {
        setSize = Int32(vocabularySize)
        let wordsPerSet = (vocabularySize + 63) / 64
        var kind: [Kind] = []
        var next: [Int32] = []
        var argument: [Int32] = []
        var splitTargets: [Int32] = []
        var testKind: [TestKind] = []
        var testValue: [Int32] = []
        var bits: [UInt64] = []
        var dispatchOffsets: [Int32] = [0]
        var dispatchKeys: [Int32] = []
        var dispatchTargets: [Int32] = []
        func addSet(_ ids: Set<Int32>) -> Int32 {
            let offset = bits.count
            bits += Array(repeating: 0, count: wordsPerSet)
            for id in ids where id >= 0 && Int(id) < vocabularySize {
                bits[offset + Int(id) / 64] |= 1 << UInt64(id % 64)
            }
            return Int32(offset)
        }
        for state in automaton.states {
            switch state {
            case .consume(let test, let target):
                kind.append(.consume)
                next.append(target)
                argument.append(Int32(testKind.count))
                switch test {
                case .token(let id):
                    testKind.append(.token)
                    testValue.append(id)
                case .tokens(let ids):
                    testKind.append(.tokens)
                    testValue.append(addSet(ids))
                case .any:
                    testKind.append(.any)
                    testValue.append(0)
                case .notIn(let ids):
                    testKind.append(.notIn)
                    testValue.append(addSet(ids))
                case .dispatch(let targets):
                    testKind.append(.dispatch)
                    testValue.append(Int32(dispatchOffsets.count - 1))
                    for (id, target) in targets.sorted(by: { $0.key < $1.key }) {
                        dispatchKeys.append(id)
                        dispatchTargets.append(target)
                    }
                    dispatchOffsets.append(Int32(dispatchKeys.count))
                }
            case .split(let targets):
                kind.append(.split)
                next.append(Int32(splitTargets.count))
                argument.append(Int32(targets.count))
                splitTargets += targets
            case .anchor(let anchor, let target):
                kind.append(.anchor)
                next.append(target)
                argument.append(Int32(anchor.rawValue))
            case .focusStart(let target):
                kind.append(.focusStart)
                next.append(target)
                argument.append(0)
            case .focusEnd(let target):
                kind.append(.focusEnd)
                next.append(target)
                argument.append(0)
            case .accept(let pattern):
                kind.append(.accept)
                next.append(pattern)
                argument.append(0)
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
        (self.kind, self.next, self.argument) = (kind, Int32Run(next), Int32Run(argument))
        self.splitTargets = Int32Run(splitTargets)
        (self.testKind, self.testValue, self.bits) = (testKind, Int32Run(testValue), bits)
        (self.dispatchOffsets, self.dispatchKeys, self.dispatchTargets) = (
            Int32Run(dispatchOffsets), Int32Run(dispatchKeys), Int32Run(dispatchTargets)
        )
        (self.firstOffsets, self.firstEntries) = (firstOffsets.map(Int32Run.init), firstEntries)
    }

    /// Writes the arrays as they are: the integer runs are read back in place.
    func archive(into writer: inout ArchiveWriter) {
        writer.writeRaw(kind.map(\.rawValue))
        for array in [next, argument, splitTargets] { writer.writeRaw(array) }
        writer.writeRaw(testKind.map(\.rawValue))
        writer.writeRaw(testValue)
        writer.writeSparse(bits)
        writer.write(setSize)
        for array in [dispatchOffsets, dispatchKeys, dispatchTargets] { writer.writeRaw(array) }
        writer.write(firstOffsets.count)
        for array in firstOffsets { writer.writeRaw(array) }
        // Entries as two runs per context (28,000 of them for the built-in rules).
        for entries in firstEntries {
            writer.writeRaw(entries.map(\.state))
            writer.writeRaw(entries.map { UInt8($0.focusOpened ? 1 : 0) })
        }
    }

    init(from reader: inout ArchiveReader) throws(ArchiveError) {
        // Written in place, one per state: appended, each paid a capacity check.
        func kinds<T: RawRepresentable>(_ raw: [UInt8]) throws(ArchiveError) -> [T] where T.RawValue == UInt8 {
            var valid = true
            let result = [T](unsafeUninitializedCapacity: raw.count) { buffer, count in
                for index in raw.indices {
                    guard let kind = T(rawValue: raw[index]) else {
                        valid = false
                        break
                    }
                    (buffer.baseAddress! + index).initialize(to: kind)
                    count = index + 1
                }
            }
            guard valid else { throw ArchiveError("unknown automaton state") }
            return result
        }
        kind = try kinds(try reader.readRaw())
        next = try Int32Run(from: &reader)
        argument = try Int32Run(from: &reader)
        splitTargets = try Int32Run(from: &reader)
        testKind = try kinds(try reader.readRaw())
        testValue = try Int32Run(from: &reader)
        bits = try reader.readSparse()
        setSize = try reader.read()
        dispatchOffsets = try Int32Run(from: &reader)
        dispatchKeys = try Int32Run(from: &reader)
        dispatchTargets = try Int32Run(from: &reader)
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
        guard next.count == kind.count, argument.count == kind.count, testKind.count == testValue.count,
            firstOffsets.count == firstEntries.count
        else { throw ArchiveError("the automaton's arrays differ in length") }
    }

    /// Where consuming state `state` goes on token `id`, or -1 when it does not accept it.
    @inline(__always)
    func target(of state: Int, on id: Int32) -> Int32 {
        let test = Int(argument[state])
        switch testKind[test] {
        case .token: return testValue[test] == id ? next[state] : -1
        case .any: return next[state]
        case .tokens: return inSet(Int(testValue[test]), id) ? next[state] : -1
        case .notIn: return inSet(Int(testValue[test]), id) ? -1 : next[state]
        case .dispatch: return dispatch(Int(testValue[test]), id)
        }
    }

    /// Binary search of a dispatch test's sorted ids. An id outside their span (an
    /// unknown word, -1, is below every one) is turned away before the search.
    private func dispatch(_ table: Int, _ id: Int32) -> Int32 {
        var low = Int(dispatchOffsets[table])
        var high = Int(dispatchOffsets[table + 1])
        guard low < high, id >= dispatchKeys[low], id <= dispatchKeys[high - 1] else { return -1 }
        while low < high {
            let middle = (low + high) / 2
            let key = dispatchKeys[middle]
            if key == id { return dispatchTargets[middle] }
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
