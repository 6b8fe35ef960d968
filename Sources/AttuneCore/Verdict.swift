/// The verdict that goes with a score.
public enum Verdict: String, Sendable {
    case attuned, mixed, misattuned, neutral
}
