import AttuneCore

/// A parsed pattern: a bounded sequence of token elements (see Rules/README.md).
public struct Pattern: Sendable {
    public enum SentenceKind: String, Sendable, CaseIterable {
        case any, question, statement
    }

    /// The pattern as written in the rule file.
    public var source: String
    /// Read from compiled rules on first use (`Deferred`).
    public var elements: [PatternElement] {
        get { storedElements.value }
        set { storedElements = Deferred(newValue) }
    }
    package var storedElements: Deferred<[PatternElement]>
    /// `<?>` or `<.>`: the kind of sentence the match must be in.
    public var sentenceKind: SentenceKind
    public var location: SourceLocation
    /// The choices as written, for the style lint (`StyleLint`).
    package var alternations: [PatternParser.Alternation] = []

    /// Names of the captures anywhere in the pattern.
    public var captureNames: Set<String> {
        var names: Set<String> = []
        PatternWalker.visit(elements) { if case .capture(let name, _) = $0 { names.insert(name) } }
        return names
    }

    /// Literal words anywhere in the pattern: a negator the author wrote on purpose
    /// ("it is not a big deal") does not negate the match.
    public var literalWords: Set<String> {
        var words: Set<String> = []
        func collect(_ elements: [PatternElement]) {
            for element in elements {
                switch element {
                case .word(let options): words.formUnion(options)
                case .group(let alternatives): alternatives.forEach(collect)
                case .capture(_, let inner): collect(inner)
                case .optional(let inner): collect([inner])
                default: break
                }
            }
        }
        collect(elements)
        return words
    }

    /// Memberwise, for the loaders in other targets.
    package init(
        source: String,
        elements: [PatternElement],
        sentenceKind: SentenceKind,
        location: SourceLocation,
        alternations: [PatternParser.Alternation] = []
    ) {
        self.source = source
        self.storedElements = Deferred(elements)
        self.sentenceKind = sentenceKind
        self.location = location
        self.alternations = alternations
    }
}

/// One element of a pattern. Only `optional` holds an element directly, so only it is
/// boxed: the others are read from compiled rules without an allocation each.
public enum PatternElement: Sendable, Hashable {
    /// One token equal to any of these words (`word`, `a|b|c`).
    case word([String])
    /// Any entry of a word list (`@name`).
    case list(String)
    /// Any one token (`_`).
    case any
    /// Any one token that is none of these words and in none of these lists (`!x`, `!@list`).
    case none(words: [String], lists: [String])
    /// Between `min` and `max` arbitrary tokens (`_{min,max}`).
    case gap(min: Int, max: Int)
    /// Any of these sequences (`(a b|c)`).
    case group([[PatternElement]])
    /// The element, or nothing (`x?`).
    indirect case optional(PatternElement)
    /// `{name: ...}`: the tokens of the inner elements, named for suggestion templates.
    case capture(String, [PatternElement])
    /// `[` and `]`: the reported span.
    case focusStart, focusEnd
    /// `<s>`, `</s>`, `<c>`.
    case sentenceStart, sentenceEnd, clauseStart
}
