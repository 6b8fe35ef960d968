import Foundation

/// Parses the pattern language of Rules/README.md. Errors carry the character
/// offset in the pattern, so lint can point at the column.
package struct PatternParser {
    package struct Failure: Error, Equatable {
        package var offset: Int
        package var message: String
    }

    /// How deep groups may nest: far beyond any real pattern, and shallow enough that
    /// the parser's recursion (and freeing what it built) cannot exhaust the stack.
    package static let maximumDepth = 32
    /// The longest gap `_{m,n}` may span: bounded gaps keep matching linear.
    package static let maximumGap = 8

    /// A choice as written: a group `(a|b c|d)` or bare words `a|b|c` (also after `!`),
    /// where it starts in the pattern and the text of each alternative. The style lint
    /// reads these to spot word lists written out inline.
    package struct Alternation: Sendable, Equatable {
        package var offset: Int
        package var alternatives: [String]
    }

    /// What a pattern parses into.
    package struct Parsed {
        package var elements: [PatternElement]
        package var kind: Pattern.SentenceKind
        package var alternations: [Alternation]
    }

    private let characters: [Character]
    private var position = 0
    private var sentenceKind = Pattern.SentenceKind.any
    private var focusMarks: [(element: PatternElement, offset: Int, depth: Int)] = []
    private var depth = 0
    private var alternations: [Alternation] = []

    private init(_ source: String) { characters = Array(source) }

    /// Parses `source` into elements, the sentence kind it requires and its alternations.
    package static func parse(_ source: String) throws(Failure) -> Parsed {
        var parser = PatternParser(source)
        let elements = try parser.sequence()
        if parser.position < parser.characters.count {
            throw Failure(offset: parser.position, message: "unexpected '\(parser.characters[parser.position])'")
        }
        try parser.checkFocus()
        if elements.allSatisfy({ Self.minimumLength($0) == 0 }) {
            throw Failure(offset: 0, message: "the pattern can match nothing: it needs at least one required token")
        }
        return Parsed(elements: elements, kind: parser.sentenceKind, alternations: parser.alternations)
    }

    // MARK: grammar

    private mutating func sequence() throws(Failure) -> [PatternElement] {
        var elements: [PatternElement] = []
        while true {
            skipSpaces()
            guard let character = peek else { break }
            if depth > 0 && (character == ")" || character == "|" || character == "}") { break }
            var element = try atom()
            if peek == "?" {
                let offset = position
                position += 1
                switch element {
                case .focusStart, .focusEnd, .sentenceStart, .sentenceEnd, .clauseStart, .gap, .optional:
                    throw Failure(offset: offset, message: "'?' cannot follow this element")
                default:
                    element = .optional(element)
                }
            }
            elements.append(element)
        }
        return elements
    }

    private mutating func atom() throws(Failure) -> PatternElement {
        let start = position
        let character = characters[position]
        switch character {
        case "(":
            guard depth < Self.maximumDepth else {
                throw Failure(
                    offset: position, message: "groups may nest at most \(Self.maximumDepth) deep")
            }
            position += 1
            depth += 1
            var alternatives: [[PatternElement]] = []
            var texts: [String] = []
            while true {
                let from = position
                let alternative = try sequence()
                if alternative.isEmpty {
                    throw Failure(offset: position, message: "empty alternative in a group")
                }
                alternatives.append(alternative)
                texts.append(String(characters[from..<position]).trimmingCharacters(in: .whitespaces))
                guard let next = peek else {
                    throw Failure(offset: start, message: "'(' is never closed")
                }
                position += 1
                if next == ")" { break }
            }
            depth -= 1
            alternations.append(Alternation(offset: start, alternatives: texts))
            return .group(alternatives)
        case ")":
            throw Failure(offset: start, message: "')' without a matching '('")
        case "{":
            return try capture(at: start)
        case "}":
            throw Failure(offset: start, message: "'}' without a matching '{name:'")
        case "[", "]":
            position += 1
            let element: PatternElement = character == "[" ? .focusStart : .focusEnd
            focusMarks.append((element, start, depth))
            return element
        case "<":
            guard let close = characters[position...].firstIndex(of: ">") else {
                throw Failure(offset: start, message: "'<' is never closed with '>'")
            }
            let anchor = String(characters[position...close])
            position = close + 1
            switch anchor {
            case "<s>": return .sentenceStart
            case "</s>": return .sentenceEnd
            case "<c>": return .clauseStart
            case "<?>", "<.>":
                let kind: Pattern.SentenceKind = anchor == "<?>" ? .question : .statement
                if sentenceKind != .any && sentenceKind != kind {
                    throw Failure(offset: start, message: "a pattern cannot require both <?> and <.>")
                }
                sentenceKind = kind
                return try atomAfterSentenceKind()
            default:
                throw Failure(
                    offset: start, message: "unknown anchor '\(anchor)' (expected <s>, </s>, <c>, <?> or <.>)")
            }
        case "@":
            position += 1
            return .list(try listName(at: start))
        case "!":
            position += 1
            if peek == "@" {
                position += 1
                return .none(words: [], lists: [try listName(at: start)])
            }
            let words = try wordAlternatives(at: position)
            return .none(words: words, lists: [])
        case "_":
            position += 1
            guard peek == "{" else { return .any }
            return try gap(at: start)
        case "|":
            throw Failure(offset: start, message: "'|' needs a word on both sides")
        case "?":
            throw Failure(offset: start, message: "'?' must follow an element")
        default:
            return .word(try wordAlternatives(at: start))
        }
    }

    /// `<?>` and `<.>` are pattern-wide flags, not elements: parse what follows instead.
    private mutating func atomAfterSentenceKind() throws(Failure) -> PatternElement {
        skipSpaces()
        if let next = peek, !(depth > 0 && (next == ")" || next == "|" || next == "}")) {
            return try atom()
        }
        return .group([[]])
    }

    private mutating func listName(at start: Int) throws(Failure) -> String {
        var name = ""
        while let character = peek, character.isLetter || character.isNumber || character == "_" {
            name.append(character)
            position += 1
        }
        if name.isEmpty { throw Failure(offset: start, message: "'@' must be followed by a word list name") }
        return name
    }

    private mutating func wordAlternatives(at start: Int) throws(Failure) -> [String] {
        var words = [try word(at: position)]
        // `a|b|c` outside a group is a choice of single words; inside a group `|`
        // separates whole sequences.
        while depth == 0, peek == "|" {
            position += 1
            words.append(try word(at: position))
        }
        if words.count > 1 { alternations.append(Alternation(offset: start, alternatives: words)) }
        return words
    }

    private mutating func word(at start: Int) throws(Failure) -> String {
        var text = ""
        while let character = peek, !character.isWhitespace, !"()[]|?<>{}".contains(character) {
            text.append(character)
            position += 1
        }
        if text.isEmpty { throw Failure(offset: start, message: "expected a word") }
        return text
    }

    /// `{name: elements}` names what the elements take, for suggestion templates.
    private mutating func capture(at start: Int) throws(Failure) -> PatternElement {
        if depth > 0 {
            throw Failure(offset: start, message: "captures stand at the top level of a pattern, outside groups")
        }
        position += 1
        var name = ""
        while let character = peek, character.isLetter || character.isNumber || character == "_" {
            name.append(character)
            position += 1
        }
        guard !name.isEmpty, peek == ":" else {
            throw Failure(offset: start, message: "a capture is written {name: elements}")
        }
        position += 1
        depth += 1
        let inner = try sequence()
        depth -= 1
        guard peek == "}" else { throw Failure(offset: start, message: "'{\(name):' is never closed with '}'") }
        position += 1
        if inner.isEmpty { throw Failure(offset: start, message: "capture '\(name)' captures nothing") }
        return .capture(name, inner)
    }

    private mutating func gap(at start: Int) throws(Failure) -> PatternElement {
        guard let close = characters[position...].firstIndex(of: "}") else {
            throw Failure(offset: start, message: "'_{' is never closed with '}'")
        }
        let body = String(characters[(position + 1)..<close])
        position = close + 1
        let parts = body.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(parts.count), let low = parts[0], let high = parts.last!, low >= 0, low <= high,
            high >= 1
        else {
            throw Failure(offset: start, message: "a gap is written _{n} or _{min,max} with 0 ≤ min ≤ max")
        }
        guard high <= Self.maximumGap else {
            throw Failure(
                offset: start, message: "a gap may span at most \(Self.maximumGap) tokens, so matching stays linear")
        }
        return .gap(min: low, max: high)
    }

    private mutating func checkFocus() throws(Failure) {
        guard !focusMarks.isEmpty else { return }
        if let nested = focusMarks.first(where: { $0.depth > 0 }) {
            throw Failure(offset: nested.offset, message: "'[' and ']' must stand outside groups")
        }
        let opens = focusMarks.filter { $0.element == .focusStart }
        let closes = focusMarks.filter { $0.element == .focusEnd }
        guard opens.count == 1, closes.count == 1 else {
            let offset = (opens.count != 1 ? opens.last ?? closes.first : closes.last ?? opens.first)!.offset
            throw Failure(offset: offset, message: "a pattern has exactly one '[' and one ']' (or neither)")
        }
        if closes[0].offset < opens[0].offset {
            throw Failure(offset: closes[0].offset, message: "']' comes before '['")
        }
    }

    // MARK: helpers

    private var peek: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipSpaces() {
        while let character = peek, character.isWhitespace { position += 1 }
    }

    /// The fewest tokens an element can match.
    package static func minimumLength(_ element: PatternElement) -> Int {
        switch element {
        case .word, .list, .any, .none: return 1
        case .gap(let min, _): return min
        case .group(let alternatives):
            return alternatives.map { $0.reduce(0) { $0 + minimumLength($1) } }.min() ?? 0
        case .capture(_, let inner): return inner.reduce(0) { $0 + minimumLength($1) }
        case .optional, .focusStart, .focusEnd, .sentenceStart, .sentenceEnd, .clauseStart: return 0
        }
    }
}
