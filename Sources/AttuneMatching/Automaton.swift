import AttuneRules
import AttuneText

/// Every pattern of every rule compiled into one nondeterministic automaton over token
/// ids. A match is found by one left-to-right pass over the tokens (see `Matcher`), so
/// analysis time grows with the text, not with rules × text: the first token of every
/// pattern is looked up in a table, and only partial matches that are alive are carried.
package struct Automaton: Sendable {
    /// What a consuming state accepts.
    enum Test: Sendable {
        case token(Int32)
        case tokens(Set<Int32>)
        case any
        case notIn(Set<Int32>)
        /// A word list as a trie node: the token chooses the next state, so a list of
        /// many phrases costs one live partial match, not one per phrase.
        case dispatch([Int32: Int32])
    }

    enum Anchor: Int32, Sendable {
        case sentenceStart, sentenceEnd, clauseStart
    }

    enum State: Sendable {
        case consume(Test, next: Int32)
        case split([Int32])
        case anchor(Anchor, next: Int32)
        case focusStart(next: Int32)
        case focusEnd(next: Int32)
        case accept(pattern: Int32)
    }

    /// Which rule (or other owner, such as a bid kind) a compiled pattern belongs to, and how.
    package struct PatternInfo: Sendable {
        package var owner: Int
        /// An `unless` pattern: it cancels its rule's overlapping matches.
        package var isException: Bool
        package var sentenceKind: Pattern.SentenceKind
        /// Where its written words lie in `Automaton.writtenWords`, sorted.
        package var writtenWords: Range<Int32>
        /// Position among the owner's patterns (`unless` patterns follow the others).
        package var ordinal: Int
        /// A leading `_{min,max}` run, taken off the automaton: such a pattern would
        /// otherwise start a partial match at every token. The matcher widens the start
        /// of a match of the rest instead, within the sentence.
        package var leadingGap: (min: Int, max: Int) = (0, 0)
        /// Nothing in it lets a token through (`PatternAligner.takesOnlyOwnWords`): asked
        /// of every match an `unless` overlaps, and a walk over its elements each time.
        package var takesOnlyOwnWords = false
    }

    /// Whether the author wrote token `id` into `pattern` (a word or a list entry).
    package func writes(_ id: Int32, pattern: Int32) -> Bool {
        let span = patterns[Int(pattern)].writtenWords
        var low = Int(span.lowerBound)
        var high = Int(span.upperBound)
        while low < high {
            let middle = (low + high) / 2
            if writtenWords[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < Int(span.upperBound) && writtenWords[low] == id
    }

    /// The rule pattern a compiled pattern came from, for traces and messages.
    package func pattern(_ index: Int32, in rules: [Rule]) -> Pattern? {
        let (owner, ordinal) = (patterns[Int(index)].owner, patterns[Int(index)].ordinal)
        // Stored fields, not the computed `patterns` and `unless`: a computed property of
        // another module's struct was given a copy of the whole rule, a retain per field.
        let written = rules[owner].storedPatterns.value
        if ordinal < written.count { return written[ordinal] }
        let unless = rules[owner].exceptions.storedUnless.value
        let position = ordinal - written.count
        return position < unless.count ? unless[position] : nil
    }

    /// Asked only when an `unless` cancels or trims a match, or for `explain`.
    package func source(of index: Int32, in rules: [Rule]) -> String { pattern(index, in: rules)?.source ?? "" }

    /// Where a match may begin, given what the position is.
    enum StartContext: Int, Sendable, CaseIterable {
        case midClause, clauseStart, sentenceStart
    }

    struct Entry: Sendable {
        var state: Int32
        /// The path from the root crossed `[`: the focus starts where the match does.
        var focusOpened: Bool
    }

    var states: [State] = []
    package var patterns: [PatternInfo] = []
    /// Every pattern's written words, one sorted run per pattern (`PatternInfo.writtenWords`):
    /// one array, not one per pattern, so compiled rules read it in one piece.
    var writtenWords: [Int32] = []
    /// Consuming states a pattern can start with that accept any token (`_`, `!x`).
    var firstWildcards: [[Entry]] = Array(repeating: [], count: StartContext.allCases.count)
    /// The same automaton as flat arrays, for the matcher.
    var program: MatchProgram?
}

/// Builds the automaton from rules and their lexicon.
package struct AutomatonBuilder {
    private var automaton = Automaton()
    private var vocabulary: Vocabulary
    private let lexicon: Lexicon
    private var roots: [Int32] = []
    /// The patterns as a tree of shared prefixes, compiled once all are added.
    private var trie: [TrieNode] = [TrieNode()]
    private var patternElements: [[PatternElement]] = []

    private struct TrieNode {
        var children: [PatternElement: Int] = [:]
        var order: [PatternElement] = []
        var accepts: [Int32] = []
    }
    /// The words of each list, interned once: patterns name the same lists many times.
    private var listWords: [String: Set<Int32>] = [:]
    /// Each list's phrases as a tree of interned ids, and its first words, built once:
    /// interning and grouping a list's words cost more than compiling it at each use.
    private var listTrees: [String: PhraseTree] = [:]

    init(lexicon: Lexicon, vocabulary: Vocabulary) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
    }

    /// Compiles every pattern and `unless` pattern of `rules`; pattern owners are rule indices.
    package static func build(rules: [Rule], lexicon: Lexicon, vocabulary: inout Vocabulary) -> Automaton {
        var builder = AutomatonBuilder(lexicon: lexicon, vocabulary: vocabulary)
        for (index, rule) in rules.enumerated() {
            for (ordinal, pattern) in rule.patterns.enumerated() {
                builder.add(pattern, owner: index, ordinal: ordinal, isException: false)
            }
            for (ordinal, pattern) in rule.exceptions.unless.enumerated() {
                builder.add(pattern, owner: index, ordinal: rule.patterns.count + ordinal, isException: true)
            }
        }
        return builder.finish(&vocabulary)
    }

    /// Compiles groups of patterns; pattern owners are group indices.
    package static func build(groups: [[Pattern]], lexicon: Lexicon, vocabulary: inout Vocabulary) -> Automaton {
        var builder = AutomatonBuilder(lexicon: lexicon, vocabulary: vocabulary)
        for (index, group) in groups.enumerated() {
            for (ordinal, pattern) in group.enumerated() {
                builder.add(pattern, owner: index, ordinal: ordinal, isException: false)
            }
        }
        return builder.finish(&vocabulary)
    }

    private mutating func finish(_ grown: inout Vocabulary) -> Automaton {
        compileTrie()
        let firstToken = buildFirstTokenTables()
        automaton.program = MatchProgram(automaton, firstToken: firstToken, vocabularySize: vocabulary.count)
        grown = vocabulary
        return automaton
    }

    private mutating func add(_ pattern: Pattern, owner: Int, ordinal: Int, isException: Bool) {
        let index = Int32(automaton.patterns.count)
        var elements = pattern.elements[...]
        var leadingGap = (min: 0, max: 0)
        while case .gap(let minimum, let maximum) = elements.first, elements.count > 1 {
            leadingGap = (leadingGap.min + minimum, leadingGap.max + maximum)
            elements = elements.dropFirst()
        }
        let wordsStart = Int32(automaton.writtenWords.count)
        automaton.writtenWords += writtenWords(of: pattern).sorted()
        automaton.patterns.append(
            .init(
                owner: owner, isException: isException, sentenceKind: pattern.sentenceKind,
                writtenWords: wordsStart..<Int32(automaton.writtenWords.count), ordinal: ordinal,
                leadingGap: leadingGap, takesOnlyOwnWords: PatternAligner.takesOnlyOwnWords(pattern.elements)))
        var node = 0
        for element in elements {
            if let child = trie[node].children[element] {
                node = child
            } else {
                trie.append(TrieNode())
                trie[node].children[element] = trie.count - 1
                trie[node].order.append(element)
                node = trie.count - 1
            }
        }
        trie[node].accepts.append(index)
    }

    /// Compiles the prefix tree back to front: a node's subtree first, then the element
    /// leading to it, so patterns with a common prefix share its states.
    private mutating func compileTrie() {
        for element in trie[0].order {
            let child = trie[0].children[element]!
            roots.append(compile(element, into: child))
        }
    }

    /// The entry state of `element` followed by the subtree of `node`.
    private mutating func compile(_ element: PatternElement, into node: Int) -> Int32 {
        compile(element, next: compileBelow(node))
    }

    /// What follows `node`: its accepted patterns and its children. Children that open
    /// with plain words ("… it", "… that", "… now": ten variants of a pattern) share one
    /// dispatch state, so a partial match reaching `node` stays one live state however
    /// many such children there are. A word two children open with keeps them apart.
    private mutating func compileBelow(_ node: Int) -> Int32 {
        var targets = trie[node].accepts.map { newState(.accept(pattern: $0)) }
        var byWord: [Int32: Int32] = [:]
        var dispatchAt: Int?
        for childElement in trie[node].order {
            let child = trie[node].children[childElement]!
            if case .word(let words) = childElement {
                let ids = words.map { vocabulary.intern($0) }
                if Set(ids).count == ids.count, ids.allSatisfy({ byWord[$0] == nil }) {
                    let after = compileBelow(child)
                    for id in ids { byWord[id] = after }
                    if dispatchAt == nil {
                        dispatchAt = targets.count
                        targets.append(-1)
                    }
                    continue
                }
            }
            targets.append(compile(childElement, into: child))
        }
        if let dispatchAt {
            let merged =
                byWord.count == 1
                ? newState(.consume(.token(byWord.keys.first!), next: byWord.values.first!))
                : newState(.consume(.dispatch(byWord), next: -1))
            targets[dispatchAt] = merged
        }
        return targets.count == 1 ? targets[0] : newState(.split(targets))
    }

    /// Words the author asked for: literal words and the entries of named lists. A
    /// negator among them ("it is not a big deal", "not going to lie") negates nothing.
    private mutating func writtenWords(of pattern: Pattern) -> Set<Int32> {
        var words = Set(pattern.literalWords.sorted().map { vocabulary.intern($0) })
        var lists: [String] = []
        PatternWalker.visit(pattern.elements) { element in
            if case .list(let name) = element { lists.append(name) }
        }
        for name in lists { words.formUnion(wordsOfList(name)) }
        return words
    }

    private mutating func tree(ofList name: String) -> PhraseTree {
        if let known = listTrees[name] { return known }
        let tree = PhraseTree((lexicon.lists[name]?.entries ?? []).filter { !$0.isEmpty }, vocabulary: &vocabulary)
        listTrees[name] = tree
        return tree
    }

    private mutating func wordsOfList(_ name: String) -> Set<Int32> {
        if let known = listWords[name] { return known }
        var words: Set<Int32> = []
        for entry in lexicon.lists[name]?.entries ?? [] {
            for word in entry { words.insert(vocabulary.intern(word)) }
        }
        listWords[name] = words
        return words
    }

    // MARK: Thompson construction, back to front

    private mutating func compile(_ elements: [PatternElement], next: Int32) -> Int32 {
        var entry = next
        for element in elements.reversed() { entry = compile(element, next: entry) }
        return entry
    }

    private mutating func compile(_ element: PatternElement, next: Int32) -> Int32 {
        switch element {
        case .word(let words):
            let ids = words.map { vocabulary.intern($0) }
            return newState(.consume(ids.count == 1 ? .token(ids[0]) : .tokens(Set(ids)), next: next))
        case .list(let name):
            return compileList(name, next: next)
        case .any:
            return newState(.consume(.any, next: next))
        case .none(let words, let lists):
            var excluded = Set(words.map { vocabulary.intern($0) })
            for list in lists {
                for entry in lexicon.lists[list]?.entries ?? [] where entry.count == 1 {
                    excluded.insert(vocabulary.intern(entry[0]))
                }
            }
            return newState(.consume(.notIn(excluded), next: next))
        case .gap(let minimum, let maximum):
            var entry = next
            for _ in 0..<(maximum - minimum) {
                let token = newState(.consume(.any, next: entry))
                entry = newState(.split([token, next]))
            }
            for _ in 0..<minimum { entry = newState(.consume(.any, next: entry)) }
            return entry
        case .group(let alternatives):
            if let phrases = Self.phrases(alternatives) { return compileTrie(phrases, next: next) }
            let entries = alternatives.map { compile($0, next: next) }
            return entries.count == 1 ? entries[0] : newState(.split(entries))
        case .optional(let inner):
            return newState(.split([compile(inner, next: next), next]))
        case .capture(_, let inner):
            return compile(inner, next: next)
        case .focusStart: return newState(.focusStart(next: next))
        case .focusEnd: return newState(.focusEnd(next: next))
        case .sentenceStart: return newState(.anchor(.sentenceStart, next: next))
        case .sentenceEnd: return newState(.anchor(.sentenceEnd, next: next))
        case .clauseStart: return newState(.anchor(.clauseStart, next: next))
        }
    }

    /// A group of plain word sequences (`(tell|talk to|vent to) me`), as the phrases
    /// it spells out, so it compiles to a trie like a list; nil for anything richer.
    private static let phraseLimit = 512

    private static func phrases(_ alternatives: [[PatternElement]]) -> [[String]]? {
        var phrases: [[String]] = []
        for alternative in alternatives {
            guard !alternative.isEmpty else { return nil }
            var spelled: [[String]] = [[]]
            for element in alternative {
                guard case .word(let words) = element else { return nil }
                spelled = spelled.flatMap { prefix in words.map { prefix + [$0] } }
                guard spelled.count <= phraseLimit else { return nil }
            }
            phrases += spelled
            guard phrases.count <= phraseLimit else { return nil }
        }
        return phrases
    }

    /// A list compiles to a trie of dispatch states: the first word chooses the branch,
    /// so the list's phrases never run as separate partial matches.
    private mutating func compileList(_ name: String, next: Int32) -> Int32 {
        let tree = tree(ofList: name)
        return compile(tree, node: 0, next: next)
    }

    private mutating func compileTrie(_ entries: [[String]], next: Int32) -> Int32 {
        let tree = PhraseTree(entries, vocabulary: &vocabulary)
        return compile(tree, node: 0, next: next)
    }

    /// A dispatch state over the branches of `node`; a phrase that ends at a branch goes
    /// to `next`, one that goes on to a deeper node, and one that does both to a split.
    private mutating func compile(_ tree: PhraseTree, node: Int, next: Int32) -> Int32 {
        var targets: [Int32: Int32] = [:]
        for branch in tree.nodes[node].branches {
            let child = tree.nodes[branch.child]
            guard !child.branches.isEmpty else {
                targets[branch.id] = next
                continue
            }
            let deeper = compile(tree, node: branch.child, next: next)
            targets[branch.id] = child.endsHere ? newState(.split([next, deeper])) : deeper
        }
        return newState(.consume(.dispatch(targets), next: next))
    }

    private mutating func newState(_ state: Automaton.State) -> Int32 {
        automaton.states.append(state)
        return Int32(automaton.states.count - 1)
    }

    // MARK: first-token tables

    /// Resolves, once, the empty moves from each pattern's start for each kind of
    /// position, so matching a token never walks every pattern. Returns the tables, per
    /// start context (token id → consuming states), for `MatchProgram` to flatten.
    private mutating func buildFirstTokenTables() -> [[Int32: [Automaton.Entry]]] {
        var tables: [[Int32: [Automaton.Entry]]] = []
        for context in Automaton.StartContext.allCases {
            var table: [Int32: [Automaton.Entry]] = [:]
            var wildcards: [Automaton.Entry] = []
            for root in roots {
                var seen: Set<Int32> = []
                collectFirst(root, focusOpened: false, context: context, seen: &seen) { found in
                    let entry = found
                    guard case .consume(let test, _) = automaton.states[Int(entry.state)] else { return }
                    switch test {
                    case .token(let id): table[id, default: []].append(entry)
                    case .tokens(let ids): for id in ids { table[id, default: []].append(entry) }
                    case .dispatch(let targets): for id in targets.keys { table[id, default: []].append(entry) }
                    case .any, .notIn: wildcards.append(entry)
                    }
                }
            }
            tables.append(table)
            automaton.firstWildcards[context.rawValue] = wildcards
        }
        return tables
    }

    private func collectFirst(
        _ state: Int32, focusOpened: Bool, context: Automaton.StartContext, seen: inout Set<Int32>,
        _ found: (Automaton.Entry) -> Void
    ) {
        guard seen.insert(state).inserted else { return }
        switch automaton.states[Int(state)] {
        case .consume: found(.init(state: state, focusOpened: focusOpened))
        case .split(let targets):
            for target in targets {
                collectFirst(target, focusOpened: focusOpened, context: context, seen: &seen, found)
            }
        case .anchor(let anchor, let next):
            let holds: Bool
            switch anchor {
            case .sentenceStart: holds = context == .sentenceStart
            case .clauseStart: holds = context != .midClause
            case .sentenceEnd: holds = false
            }
            if holds { collectFirst(next, focusOpened: focusOpened, context: context, seen: &seen, found) }
        case .focusStart(let next): collectFirst(next, focusOpened: true, context: context, seen: &seen, found)
        case .focusEnd(let next): collectFirst(next, focusOpened: focusOpened, context: context, seen: &seen, found)
        case .accept: break
        }
    }
}

/// Phrases as a tree of interned token ids, branches in the order first written.
struct PhraseTree {
    struct Node {
        var branches: [(id: Int32, child: Int)] = []
        /// A phrase ends at this node.
        var endsHere = false
    }

    private(set) var nodes: [Node] = [Node()]

    init(_ phrases: [[String]], vocabulary: inout Vocabulary) {
        var index: [[Int32: Int]] = [[:]]
        for phrase in phrases {
            var node = 0
            for word in phrase {
                let id = vocabulary.intern(word)
                if let child = index[node][id] {
                    node = child
                } else {
                    nodes.append(Node())
                    index.append([:])
                    let child = nodes.count - 1
                    nodes[node].branches.append((id, child))
                    index[node][id] = child
                    node = child
                }
            }
            nodes[node].endsHere = true
        }
    }
}
