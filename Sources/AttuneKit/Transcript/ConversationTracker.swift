/// Numbers the turns of each conversation and gives each turn its context: the
/// latest turn of a different speaker in the same conversation, unless the record
/// brought its own. A turn without a speaker (a plain list of replies) is read alone.
public struct ConversationTracker {
    private struct State {
        var turns = 0
        var last: (speaker: String, text: String)?
        /// The latest turn by someone other than `last.speaker`.
        var lastOther: (speaker: String, text: String)?
    }

    private var states: [String: State] = [:]

    public init() {}

    public mutating func place(_ turn: inout Turn) {
        let key = turn.conversationKey
        var state = states[key] ?? State()
        state.turns += 1
        turn.turn = state.turns
        if let speaker = turn.speaker {
            if !turn.hasOwnContext {
                turn.context = state.last?.speaker != speaker ? state.last?.text : state.lastOther?.text
            }
            if let last = state.last, last.speaker != speaker { state.lastOther = last }
            state.last = (speaker, turn.text)
        }
        states[key] = state
    }
}
