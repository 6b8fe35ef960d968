/// Gottman's ATTUNE components, which every rule's message is tied to.
public enum AttuneComponent: String, Sendable, CaseIterable, Codable {
    case awareness, turningToward = "turning-toward", tolerance, understanding
    case nonDefensive = "non-defensive", empathy

    public var title: String {
        switch self {
        case .awareness: return "Awareness"
        case .turningToward: return "Turning toward"
        case .tolerance: return "Tolerance"
        case .understanding: return "Understanding"
        case .nonDefensive: return "Non-defensive responding"
        case .empathy: return "Empathy"
        }
    }
}
