/// Per-speaker and per-conversation figures of a batch: turns, mean score, findings
/// per category, the ratio of attuned to misattuned moments (Gottman's 5:1) and how
/// often emotional bids were turned toward (86% in couples who stayed together, 33%
/// in those who divorced).
public struct BatchSummary: Sendable {
    /// The figures of one speaker, or of everyone in a conversation.
    public struct Tally: Sendable {
        public var turns = 0
        public var scoreTotal = 0
        public var counts: [Category: Int] = [:]
        /// Replies to the other speaker's emotional bids, and those that turned toward.
        public var bids = 0
        public var turnedToward = 0

        public var meanScore: Double? { turns == 0 ? nil : Double(scoreTotal) / Double(turns) }
        public var attunedMoments: Int { counts[.validating, default: 0] }
        public var misattunedMoments: Int {
            counts.filter { $0.key.polarity == .misattuned }.values.reduce(0, +)
        }
        /// Attuned moments per misattuned one; nil when there were none misattuned.
        public var positiveToNegative: Double? {
            misattunedMoments == 0 ? nil : Double(attunedMoments) / Double(misattunedMoments)
        }

        mutating func add(_ analysis: Analysis) {
            turns += 1
            scoreTotal += analysis.score
            for finding in analysis.findings { counts[finding.category, default: 0] += 1 }
            if analysis.answersEmotionalBid {
                bids += 1
                if analysis.turnsToward { turnedToward += 1 }
            }
        }
    }

    /// A speaker's tally; `speaker` is nil for turns without one.
    public struct Speaker: Sendable {
        public var speaker: String?
        public var tally = Tally()
    }

    public struct Conversation: Sendable {
        public var conversation: String
        public var tally = Tally()
        public var speakers = OrderedTallies()
    }

    /// Speakers in order of first appearance.
    public struct OrderedTallies: Sendable {
        public private(set) var items: [Speaker] = []
        private var index: [String?: Int] = [:]

        mutating func add(_ analysis: Analysis, speaker: String?) {
            let position =
                index[speaker]
                ?? {
                    items.append(Speaker(speaker: speaker))
                    index[speaker] = items.count - 1
                    return items.count - 1
                }()
            items[position].tally.add(analysis)
        }
    }

    public private(set) var turns = 0
    public private(set) var errors = 0
    public private(set) var speakers = OrderedTallies()
    public private(set) var conversations: [Conversation] = []
    private var conversationIndex: [String: Int] = [:]

    public init() {}

    public mutating func add(_ result: BatchResult) {
        switch result {
        case .failure:
            errors += 1
        case .turn(let turn, let analysis):
            turns += 1
            speakers.add(analysis, speaker: turn.speaker)
            let key = turn.conversationKey
            let position =
                conversationIndex[key]
                ?? {
                    conversations.append(Conversation(conversation: key))
                    conversationIndex[key] = conversations.count - 1
                    return conversations.count - 1
                }()
            conversations[position].tally.add(analysis)
            conversations[position].speakers.add(analysis, speaker: turn.speaker)
        }
    }
}
