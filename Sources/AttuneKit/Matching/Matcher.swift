/// A raw match of one compiled pattern, in token indices (end exclusive).
struct PatternMatch: Sendable, Equatable {
    var pattern: Int32
    var start: Int
    var end: Int
    var focusStart: Int
    var focusEnd: Int
}

/// Runs the automaton over a token sequence in one pass, carrying only the partial
/// matches that are alive (a Pike VM: no backtracking, each state at most once a step).
struct Matcher {
    private let automaton: Automaton
    private var visited: [UInt32]
    private var generation: UInt32 = 0

    private struct Thread {
        var state: Int32
        var start: Int
        var focusStart: Int
        var focusEnd: Int
    }

    init(automaton: Automaton) {
        self.automaton = automaton
        visited = Array(repeating: 0, count: automaton.states.count)
    }

    /// All matches of all patterns within sentences of `text`.
    mutating func matches(in text: TokenizedText) -> [PatternMatch] {
        let tokens = text.tokens
        var found: [PatternMatch] = []
        var current: [Thread] = []
        var next: [Thread] = []
        for position in tokens.indices {
            let token = tokens[position]
            nextGeneration()
            next.removeAll(keepingCapacity: true)
            // Partial matches started earlier go first, so the leftmost start wins a state.
            for thread in current where tokens[thread.start].sentence == token.sentence {
                guard case .consume(let test, let target) = automaton.states[Int(thread.state)],
                    test.accepts(token.id)
                else { continue }
                follow(target, thread, at: position + 1, text, into: &next, found: &found)
            }
            let context = startContext(of: position, tokens)
            let starts = automaton.firstToken[context.rawValue][token.id] ?? []
            for entry in starts {
                start(entry, at: position, text, into: &next, found: &found)
            }
            for entry in automaton.firstWildcards[context.rawValue] {
                guard case .consume(let test, _) = automaton.states[Int(entry.state)], test.accepts(token.id)
                else { continue }
                start(entry, at: position, text, into: &next, found: &found)
            }
            swap(&current, &next)
        }
        return found
    }

    private mutating func start(
        _ entry: Automaton.Entry, at position: Int, _ text: TokenizedText, into list: inout [Thread],
        found: inout [PatternMatch]
    ) {
        guard case .consume(_, let target) = automaton.states[Int(entry.state)] else { return }
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
        switch automaton.states[Int(state)] {
        case .consume:
            thread.state = state
            list.append(thread)
        case .split(let targets):
            for target in targets { follow(target, thread, at: position, text, into: &list, found: &found) }
        case .anchor(let anchor, let target):
            if holds(anchor, at: position, text.tokens) {
                follow(target, thread, at: position, text, into: &list, found: &found)
            }
        case .focusStart(let target):
            thread.focusStart = position
            follow(target, thread, at: position, text, into: &list, found: &found)
        case .focusEnd(let target):
            thread.focusEnd = position
            follow(target, thread, at: position, text, into: &list, found: &found)
        case .accept(let pattern):
            let info = automaton.patterns[Int(pattern)]
            let sentence = text.sentences[text.tokens[thread.start].sentence]
            switch info.sentenceKind {
            case .question where !sentence.isQuestion: return
            case .statement where sentence.isQuestion: return
            default: break
            }
            found.append(
                PatternMatch(
                    pattern: pattern, start: thread.start, end: position,
                    focusStart: thread.focusStart >= 0 ? thread.focusStart : thread.start,
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
