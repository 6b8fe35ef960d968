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

    /// Values keyed by speaker or conversation, in order of first appearance.
    public struct FirstSeen<Key: Hashable & Sendable, Value: Sendable>: Sendable {
        public private(set) var items: [Value] = []
        private var index: [Key: Int] = [:]

        /// Changes the value of `key`, made by `make` on its first appearance.
        mutating func update(_ key: Key, make: () -> Value, _ change: (inout Value) -> Void) {
            let position = index[key] ?? items.count
            if position == items.count {
                items.append(make())
                index[key] = position
            }
            change(&items[position])
        }
    }

    public typealias OrderedTallies = FirstSeen<String?, Speaker>

    public private(set) var turns = 0
    public private(set) var errors = 0
    public private(set) var speakers = OrderedTallies()
    public private(set) var conversations = FirstSeen<String, Conversation>()

    public init() {}

    public mutating func add(_ result: BatchResult) {
        switch result {
        case .failure:
            errors += 1
        case .turn(let turn, let analysis):
            turns += 1
            speakers.add(analysis, speaker: turn.speaker)
            conversations.update(turn.conversationKey, make: { Conversation(conversation: turn.conversationKey) }) {
                $0.tally.add(analysis)
                $0.speakers.add(analysis, speaker: turn.speaker)
            }
        }
    }
}

extension BatchSummary.FirstSeen where Key == String?, Value == BatchSummary.Speaker {
    mutating func add(_ analysis: Analysis, speaker: String?) {
        update(speaker, make: { BatchSummary.Speaker(speaker: speaker) }) { $0.tally.add(analysis) }
    }
}
