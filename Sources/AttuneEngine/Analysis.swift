import AttuneCore
import AttuneRules
import AttuneText

/// The complete critique of one reply.
public struct Analysis: Sendable {
    public var text: String
    public var context: String?
    public var score: Int
    public var verdict: Verdict
    public var findings: [Finding]
    /// What the context was read as; nil without a context.
    public var bid: Bid?
    /// Remarks for the reader ("nothing to analyse", "empty context ignored").
    public var notes: [String]
    /// How the score was reached, line by line (for `explain`), made from the findings
    /// when asked.
    public var scoreLines: [String] { Scorer.lines(findings, score: score, verdict: verdict, policy: policy) }
    /// The policy the score was computed with, for `scoreLines`.
    var policy: ScoringPolicy
    /// The reply rewritten to attune: unchanged when nothing misattuned was found.
    public var rewrite: String
    /// Whether the reply reads as English. The rules are English: a reply in another
    /// language was not really analysed, whatever its score says.
    public var language: Language = .english
    /// The same for the context, when one was given.
    public var contextLanguage: Language? = nil
}
