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
package struct Matcher {
    private let automaton: Automaton
    private let program: MatchProgram
    private var visited: [UInt32]
    private var generation: UInt32 = 0
    /// The prefilter's marks for the current text (valid where equal to `textStamp`):
    /// the required sets it has a token of, and the nodes already judged, with the verdict.
    private var setStamp: [UInt32]
    private var nodeStamp: [UInt32]
    private var nodeLive: [Bool]
    private var textStamp: UInt32 = 0

    private struct Thread {
        var state: Int32
        var start: Int
        var focusStart: Int
        var focusEnd: Int
    }

    package init(automaton: Automaton) {
        self.automaton = automaton
        program = automaton.program!
        visited = Array(repeating: 0, count: program.kind.count)
        setStamp = Array(repeating: 0, count: program.setCount)
        nodeStamp = Array(repeating: 0, count: program.nodeCount)
        nodeLive = Array(repeating: false, count: program.nodeCount)
    }

    /// All matches of all patterns within sentences of `text`.
    package mutating func matches(in text: TokenizedText) -> [PatternMatch] {
        let tokens = text.tokens
        var found: [PatternMatch] = []
        var current: [Thread] = []
        var next: [Thread] = []
        markRequiredTokens(tokens)
        // Patterns opening with `_` or `!x` could start at any token: those that can
        // match this text are picked once, not at every token.
        let wildcards = automaton.firstWildcards.map { entries in entries.filter { canMatch($0.node) } }
        for position in tokens.indices {
            let token = tokens[position]
            nextGeneration()
            next.removeAll(keepingCapacity: true)
            // Partial matches started earlier go first, so the leftmost start wins a state.
            for thread in current where tokens[thread.start].sentence == token.sentence {
                let target = program.target(of: Int(thread.state), on: token.id)
                guard target >= 0 else { continue }
                follow(target, thread, at: position + 1, text, into: &next, found: &found)
            }
            let context = startContext(of: position, tokens).rawValue
            let range = program.firstRange(context, token.id)
            if !range.isEmpty {
                let entries = program.firstEntries[context]
                for index in range where canMatch(entries[index].node) {
                    start(entries[index], at: position, text, into: &next, found: &found)
                }
            }
            for entry in wildcards[context] {
                start(entry, at: position, text, into: &next, found: &found)
            }
            swap(&current, &next)
        }
        return found
    }

    /// Marks, for this text, the required sets its tokens belong to.
    private mutating func markRequiredTokens(_ tokens: [Token]) {
        textStamp &+= 1
        if textStamp == 0 {
            for index in setStamp.indices { setStamp[index] = 0 }
            for index in nodeStamp.indices { nodeStamp[index] = 0 }
            textStamp = 1
        }
        for token in tokens where token.id >= 0 && token.id < program.setSize {
            let id = Int(token.id)
            for offset in Int(program.postingOffsets[id])..<Int(program.postingOffsets[id + 1]) {
                setStamp[Int(program.postings[offset])] = textStamp
            }
        }
    }

    /// Whether a pattern below the prefix-tree node can match: the text holds a token
    /// of each set of one of the node's requirement lists. Judged once per node and text.
    @inline(__always)
    private mutating func canMatch(_ node: Int32) -> Bool {
        guard node >= 0 else { return true }
        let index = Int(node)
        if nodeStamp[index] == textStamp { return nodeLive[index] }
        nodeStamp[index] = textStamp
        nodeLive[index] = false
        lists: for list in Int(program.nodeListOffsets[index])..<Int(program.nodeListOffsets[index + 1]) {
            for offset in Int(program.listSetOffsets[list])..<Int(program.listSetOffsets[list + 1])
            where setStamp[Int(program.listSets[offset])] != textStamp {
                continue lists
            }
            nodeLive[index] = true
            break
        }
        return nodeLive[index]
    }

    private mutating func start(
        _ entry: Automaton.Entry, at position: Int, _ text: TokenizedText, into list: inout [Thread],
        found: inout [PatternMatch]
    ) {
        let target = program.target(of: Int(entry.state), on: text.tokens[position].id)
        guard target >= 0 else { return }
        let thread = Thread(
            state: entry.state, start: position, focusStart: entry.focusOpened ? position : -1, focusEnd: -1)
        follow(target, thread, at: position + 1, text, into: &list, found: &found)
    }

    /// Follows empty moves from `state` at token boundary `position`, collecting the
    /// consuming states reached into `list` and recording accepted patterns.
    private mutating func follow(
        _ state: Int32, _ thread: Thread, at position: Int, _ text: TokenizedText, into list: inout [Thread],
        found: inout [PatternMatch]
    ) {
        guard visited[Int(state)] != generation else { return }
        visited[Int(state)] = generation
        var thread = thread
        let index = Int(state)
        let next = program.next[index]
        switch program.kind[index] {
        case .consume:
            thread.state = state
            list.append(thread)
        case .split:
            for offset in Int(next)..<Int(next + program.argument[index]) {
                follow(program.splitTargets[offset], thread, at: position, text, into: &list, found: &found)
            }
        case .anchor:
            if holds(Automaton.Anchor(rawValue: program.argument[index])!, at: position, text.tokens) {
                follow(next, thread, at: position, text, into: &list, found: &found)
            }
        case .focusStart:
            thread.focusStart = position
            follow(next, thread, at: position, text, into: &list, found: &found)
        case .focusEnd:
            thread.focusEnd = position
            follow(next, thread, at: position, text, into: &list, found: &found)
        case .accept:
            let info = automaton.patterns[Int(next)]
            let sentence = text.sentences[text.tokens[thread.start].sentence]
            switch info.sentenceKind {
            case .question where !sentence.isQuestion: return
            case .statement where sentence.isQuestion: return
            default: break
            }
            // A leading gap reaches back as far as it may within the sentence.
            let available = thread.start - sentence.tokens.lowerBound
            guard available >= info.leadingGap.min else { return }
            let start = thread.start - min(available, info.leadingGap.max)
            found.append(
                PatternMatch(
                    pattern: next, start: start, end: position,
                    focusStart: thread.focusStart >= 0 ? thread.focusStart : start,
                    focusEnd: thread.focusEnd >= 0 ? thread.focusEnd : position))
        }
    }

    private func startContext(of position: Int, _ tokens: [Token]) -> Automaton.StartContext {
        if position == 0 || tokens[position - 1].sentence != tokens[position].sentence { return .sentenceStart }
        return tokens[position].flags.contains(.clauseStart) ? .clauseStart : .midClause
    }

    private func holds(_ anchor: Automaton.Anchor, at position: Int, _ tokens: [Token]) -> Bool {
        let startsSentence =
            position == 0 || (position < tokens.count && tokens[position - 1].sentence != tokens[position].sentence)
        switch anchor {
        case .sentenceStart: return startsSentence
        case .clauseStart:
            return startsSentence || (position < tokens.count && tokens[position].flags.contains(.clauseStart))
        case .sentenceEnd:
            return position == tokens.count || tokens[position - 1].sentence != tokens[position].sentence
        }
    }

    private mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 {
            for index in visited.indices { visited[index] = 0 }
            generation = 1
        }
    }
}
