/// Numbers the turns of each conversation and gives each turn its context: the
/// latest turn of a different speaker in the same conversation, unless the record
/// brought its own. A turn without a speaker (a plain list of replies) is read alone.
///
/// Memory is bounded: the texts of at most `maximumConversations` conversations are
/// held, the least recently seen let go first. A conversation let go keeps only its
/// turn count, so its numbering runs on if it comes back; its next turn then has no
/// context from the conversation, and `turnsWithoutContext` counts such turns.
public struct ConversationTracker {
    /// Conversations whose last turns are held at once, by default.
    public static let defaultMaximumConversations = 10_000
    public let maximumConversations: Int

    private struct State {
        var turns = 0
        var last: (speaker: String, text: String)?
        /// The latest turn by someone other than `last.speaker`.
        var lastOther: (speaker: String, text: String)?
    }

    /// Two generations: a conversation seen lately is in `recent`; when `recent` is half
    /// full, `older` is let go and `recent` becomes `older`. Each step is O(1) amortised.
    private var recent: [String: State] = [:]
    private var older: [String: State] = [:]
    /// Turn counts of the conversations let go.
    private var letGo: [String: Int] = [:]

    /// Conversations let go so far, to read on without their texts.
    public private(set) var conversationsLetGo = 0
    /// Turns of a conversation that was let go and came back, read without its context.
    public private(set) var turnsWithoutContext = 0

    public init(maximumConversations: Int = Self.defaultMaximumConversations) {
        self.maximumConversations = max(2, maximumConversations)
    }

    /// How many conversations' texts are held now (at most `maximumConversations`).
    public var conversationsHeld: Int { recent.count + older.count }

    public mutating func place(_ turn: inout Turn) {
        let key = turn.conversationKey
        var state = recent.removeValue(forKey: key) ?? older.removeValue(forKey: key) ?? resumed(key, &turn)
        state.turns += 1
        turn.turn = state.turns
        if let speaker = turn.speaker {
            if !turn.hasOwnContext {
                turn.context = state.last?.speaker != speaker ? state.last?.text : state.lastOther?.text
            }
            if let last = state.last, last.speaker != speaker { state.lastOther = last }
            state.last = (speaker, turn.text)
        }
        if recent.count >= maximumConversations / 2 {
            for (key, old) in older { letGo[key] = old.turns }
            conversationsLetGo += older.count
            older = recent
            recent = [:]
        }
        recent[key] = state
    }

    /// A conversation not held: new, or let go and back (its count kept, its texts gone).
    private mutating func resumed(_ key: String, _ turn: inout Turn) -> State {
        guard let turns = letGo.removeValue(forKey: key) else { return State() }
        if turn.speaker != nil && !turn.hasOwnContext { turnsWithoutContext += 1 }
        return State(turns: turns)
    }
}
