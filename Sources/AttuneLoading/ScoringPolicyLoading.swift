import AttuneCore
import AttuneRules
import Yams

/// Reads `scoring.yaml` into a `ScoringPolicy`.
extension ScoringPolicy {
    static let keys = [
        "prior", "attuned_at", "misattuned_below", "validation_before_contrast", "advice_after_acknowledgement",
    ]

    /// The keys `file` names replace those of `base`: a pack's `scoring.yaml` changes
    /// only what it mentions.
    static func load(_ file: RuleSet.File, over base: ScoringPolicy = ScoringPolicy(), log: inout DiagnosticLog)
        -> ScoringPolicy
    {
        var policy = base
        var reader = YAMLReader(file: file.path)
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard case let (root, pairs)? = reader.topLevel(file.contents, "scoring.yaml", allowed: keys) else {
            return policy
        }
        for pair in pairs {
            switch pair.key {
            case "prior": policy.prior = reader.number(pair.value, "'prior'", in: 0.1...100) ?? policy.prior
            case "attuned_at":
                policy.attunedAt = reader.number(pair.value, "'attuned_at'", in: 0...100) ?? policy.attunedAt
            case "misattuned_below":
                policy.misattunedBelow =
                    reader.number(pair.value, "'misattuned_below'", in: 0...100) ?? policy.misattunedBelow
            case "validation_before_contrast":
                policy.validationBeforeContrast =
                    reader.number(pair.value, "'validation_before_contrast'", in: 0...1)
                    ?? policy.validationBeforeContrast
            case "advice_after_acknowledgement":
                policy.adviceAfterAcknowledgement =
                    reader.number(pair.value, "'advice_after_acknowledgement'", in: 0...1)
                    ?? policy.adviceAfterAcknowledgement
            default: break
            }
        }
        if policy.misattunedBelow > policy.attunedAt {
            reader.log.error(reader.at(root), "'misattuned_below' must not exceed 'attuned_at'")
        }
        return policy
    }
}
