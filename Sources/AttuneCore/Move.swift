/// The counselling move a validating finding makes, as MITI codes counsellors'
/// utterances: batch summaries count reflections, questions and affirmations per speaker.
public enum Move: String, Sendable, CaseIterable, Codable {
    case reflection, question, affirmation, presence, repair, apology
}
