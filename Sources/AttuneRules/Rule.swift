import AttuneCore

/// One declarative rule: what to look for, what cancels it, what it means, and the
/// examples that prove it.
public struct Rule: Sendable, Identifiable {
    public var id: String
    public var category: Category
    /// How much one finding moves the score (1 mild … 5 severe, or strongly attuned).
    public var weight: Double
    public var attune: AttuneComponent
    /// Which move a validating rule's finding is; nil for the misattuned categories.
    public var move: Move? = nil
    public var message: String
    public var suggestions: [String]
    /// Read from compiled rules on first use (`Deferred`): a reply's matches reach few rules.
    public var patterns: [Pattern] {
        get { storedPatterns.value }
        set { storedPatterns = Deferred(newValue) }
    }
    package var storedPatterns: Deferred<[Pattern]>
    public var exceptions: Exceptions
    /// When not empty, the rule applies only to replies answering these kinds of
    /// message ("I didn't forget" is defensive as an answer to a complaint).
    public var bids: [BidKind] = []
    /// Read from compiled rules on first use (`Deferred`): only `attune rules test` runs them.
    public var examples: [Example] {
        get { storedExamples.value }
        set { storedExamples = Deferred(newValue) }
    }
    package var storedExamples: Deferred<[Example]>
    /// Where the rule is defined.
    public var location: SourceLocation
    /// Where each suggestion is written, to report one that misattunes on its own line.
    public var suggestionLocations: [SourceLocation] = []

    public var polarity: Polarity { category.polarity }

    /// Memberwise, for the loaders in other targets.
    package init(
        id: String,
        category: Category,
        weight: Double,
        attune: AttuneComponent,
        move: Move? = nil,
        message: String,
        suggestions: [String],
        patterns: [Pattern],
        exceptions: Exceptions,
        bids: [BidKind] = [],
        examples: [Example],
        location: SourceLocation,
        suggestionLocations: [SourceLocation] = []
    ) {
        self.id = id
        self.category = category
        self.weight = weight
        self.attune = attune
        self.move = move
        self.message = message
        self.suggestions = suggestions
        self.storedPatterns = Deferred(patterns)
        self.exceptions = exceptions
        self.bids = bids
        self.storedExamples = Deferred(examples)
        self.location = location
        self.suggestionLocations = suggestionLocations
    }
}

/// What suppresses a candidate match of a rule.
public struct Exceptions: Sendable {
    /// A negator (@negators) shortly before the match, or inside a gap of it.
    public var negation = false
    /// The clause's subject, just before the match, is one of these words.
    public var subjects: [String] = []
    /// Inside quotation marks or reported speech ("when you said 'calm down'").
    public var quoted = true
    /// Patterns that cancel the rule where they overlap its match; read from compiled
    /// rules on first use (`Deferred`).
    public var unless: [Pattern] {
        get { storedUnless.value }
        set { storedUnless = Deferred(newValue) }
    }
    /// Set in each initializer, not by a default value: one would be made, as a box of
    /// its own, before a compiled rule's replaced it.
    package var storedUnless: Deferred<[Pattern]>

    public init() { storedUnless = Deferred([]) }
}

/// An example sentence a rule must match (with its expected span) or must not.
public struct Example: Sendable {
    public enum Expectation: Sendable, Equatable {
        /// Must match; `span` is the expected excerpt's UTF-16 range in `text`, when marked.
        case match(span: Range<Int>?)
        case noMatch
    }

    /// The example text with the [span markers] removed.
    public var text: String
    public var context: String?
    public var expectation: Expectation
    public var location: SourceLocation

    /// Memberwise, for the loaders in other targets.
    package init(
        text: String,
        context: String? = nil,
        expectation: Expectation,
        location: SourceLocation
    ) {
        self.text = text
        self.context = context
        self.expectation = expectation
        self.location = location
    }
}
