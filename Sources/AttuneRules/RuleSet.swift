import AttuneCore
import AttuneText

/// Everything the engine reads from rule folders: the lexicon, the rules, the bid cues
/// and the scoring constants, with every diagnostic found while reading them.
public struct RuleSet: Sendable {
    public var lexicon = Lexicon()
    public var rules: [Rule] = []
    public var bids = BidCues()
    public var scoring = ScoringPolicy()
    public var rewrites = RewriteTemplates()
    /// The words that tell a text in another language (`languages.yaml`).
    public var languages = LanguageProfile()
    /// Warnings and notes (errors make loading throw); read from compiled rules on first
    /// use (`Deferred`), as only `attune rules` shows them.
    public var diagnostics: [Diagnostic] {
        get { storedDiagnostics.value }
        set { storedDiagnostics = Deferred(newValue) }
    }
    package var storedDiagnostics = Deferred<[Diagnostic]>([])

    public init() {}

    /// A rule file: its path as reported in diagnostics, and its text.
    public typealias File = (path: String, contents: String)
}
