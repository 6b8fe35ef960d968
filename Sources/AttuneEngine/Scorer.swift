import AttuneCore
import AttuneRules
import AttuneText
import Foundation

/// Turns findings into a 0–100 score and a verdict.
///
/// With A the sum of attuned weights and M the sum of misattuned weights (after
/// discounts), score = 100 × (A + p) / (A + M + 2p), p the prior. The score only
/// rises with A and only falls with M, so adding a validation never lowers it and
/// adding a misattunement never raises it.
package struct Scorer {
    let policy: ScoringPolicy
    let contrast: WordIDs
    /// The id of "but", which discounts even mid-clause.
    let but: Int32

    struct Result {
        var score: Int
        var verdict: Verdict
        var findings: [Finding]
    }

    /// Takes `findings` over (`consuming`): a caller done with them passes them without
    /// a copy, and discounting one would otherwise copy them all.
    func score(_ findings: consuming [Finding], in text: TokenizedText) -> Result {
        applyDiscounts(&findings, text)
        let (attuned, misattuned) = Self.sums(findings)
        let prior = policy.prior
        let exact = 100 * (attuned + prior) / (attuned + misattuned + 2 * prior)
        let score = Int(exact.rounded())
        let verdict: Verdict
        if findings.isEmpty {
            verdict = .neutral
        } else if Double(score) >= policy.attunedAt {
            verdict = .attuned
        } else if Double(score) < policy.misattunedBelow {
            verdict = .misattuned
        } else {
            verdict = .mixed
        }
        return Result(score: score, verdict: verdict, findings: findings)
    }

    /// The attuned and misattuned weights after discounts (A and M).
    private static func sums(_ findings: [Finding]) -> (attuned: Double, misattuned: Double) {
        var attuned = 0.0
        var misattuned = 0.0
        // By index: a `for finding in` copied each finding, a retain per string field.
        for index in findings.indices {
            if findings[index].category.polarity == .attuned {
                attuned += findings[index].effectiveWeight
            } else {
                misattuned += findings[index].effectiveWeight
            }
        }
        return (attuned, misattuned)
    }

    /// How the score of scored `findings` was reached, line by line (`attune explain`).
    /// Made only when asked: formatting them for every analysis, and for every piece a
    /// rewrite re-reads, was a twentieth of a batch's time.
    static func lines(_ findings: [Finding], score: Int, verdict: Verdict, policy: ScoringPolicy) -> [String] {
        var lines: [String] = []
        for finding in findings {
            let sign = finding.polarity == .attuned ? "+" : "−"
            var line = "\(sign)\(format(finding.effectiveWeight))  \(finding.rule) \"\(finding.excerpt)\""
            if let discount = finding.discount { line += "  (\(discount))" }
            lines.append(line)
        }
        let (attuned, misattuned) = sums(findings)
        let prior = policy.prior
        lines.append(
            "attuned A = \(format(attuned)), misattuned M = \(format(misattuned)), prior p = \(format(prior))"
        )
        lines.append(
            "score = 100 × (A + p) / (A + M + 2p) = 100 × \(format(attuned + prior)) / \(format(attuned + misattuned + 2 * prior)) = \(score)"
        )
        lines.append(
            findings.isEmpty
                ? "no findings → neutral"
                : "verdict: \(verdict.rawValue) (attuned ≥ \(format(policy.attunedAt)), misattuned < \(format(policy.misattunedBelow)))"
        )
        return lines
    }

    /// "I hear you, but …" keeps little of the validation; advice that follows a real
    /// acknowledgement weighs less than advice instead of one.
    private func applyDiscounts(_ findings: inout [Finding], _ text: TokenizedText) {
        var ahead: [Int32?]?
        for index in findings.indices where findings[index].category.polarity == .attuned {
            if let word = contrastAfter(findings[index].tokens, text, &ahead) {
                findings[index].effectiveWeight = findings[index].weight * policy.validationBeforeContrast
                findings[index].discount = "followed by '\(word)'"
            }
        }
        // Advice is discounted when some acknowledgement ends before it: the earliest
        // end is all that needs comparing.
        var firstAcknowledgementEnd: Int?
        for index in findings.indices
        where findings[index].category.polarity == .attuned && findings[index].discount == nil {
            firstAcknowledgementEnd = min(firstAcknowledgementEnd ?? .max, findings[index].tokens.upperBound)
        }
        for index in findings.indices where findings[index].category == .fixing {
            if let end = firstAcknowledgementEnd, end <= findings[index].tokens.lowerBound {
                findings[index].effectiveWeight = findings[index].weight * policy.adviceAfterAcknowledgement
                findings[index].discount = "after an acknowledgement"
            }
        }
    }

    /// A contrast word after a finding's `tokens` in its sentence, or opening the next
    /// sentence.
    private func contrastAfter(_ tokens: Range<Int>, _ text: TokenizedText, _ ahead: inout [Int32?]?) -> String? {
        guard !tokens.isEmpty, tokens.upperBound < text.tokens.count else { return nil }
        let next = text.tokens[tokens.upperBound]
        if next.sentence != text.tokens[tokens.upperBound - 1].sentence {
            return contrast.contains(next.id) ? text.vocabulary.word(of: next.id) : nil
        }
        if ahead == nil { ahead = contrastAhead(text) }
        return (ahead?[tokens.upperBound] ?? nil).map(text.vocabulary.word(of:))
    }

    /// For each token, the contrast word met walking on from it to the end of its
    /// sentence, or opening the next one: one backward pass, so that many validations
    /// in one long sentence do not each walk the rest of it. Ids, spelled when reported.
    private func contrastAhead(_ text: TokenizedText) -> [Int32?] {
        let tokens = text.tokens
        var ahead = [Int32?](filledWith: nil, count: tokens.count)
        for index in tokens.indices.reversed() {
            let token = tokens[index]
            if contrast.contains(token.id) && token.flags.contains(.clauseStart) || token.id == but {
                ahead[index] = token.id
            } else if index + 1 < tokens.count {
                let next = tokens[index + 1]
                if next.sentence != token.sentence {
                    ahead[index] = contrast.contains(next.id) ? next.id : nil
                } else {
                    ahead[index] = ahead[index + 1]
                }
            }
        }
        return ahead
    }

    package static func format(_ value: Double) -> String {
        value == value.rounded()
            ? String(Int(value))
            : String(format: "%.2f", value).replacingOccurrences(of: "0$", with: "", options: .regularExpression)
    }
}
