/// The five things attune looks for (see ../shared/docs/categories.md).
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
    case fixing, minimizing, defensiveness, withdrawal, validating

    /// Validating attunes; the other four misattune.
    public var polarity: Polarity { self == .validating ? .attuned : .misattuned }

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Polarity: String, Sendable, Codable {
    case misattuned, attuned
}
