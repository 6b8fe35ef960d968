import AttuneCore
import AttuneEngine
import AttuneTranscripts

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
        /// The counts behind MITI's summary scores.
        public var miti = MITICounts()
        /// Whether the speaker's latest turn asked before advising (per conversation).
        var askedPermission = false

        public var meanScore: Double? { turns == 0 ? nil : Double(scoreTotal) / Double(turns) }
        public var attunedMoments: Int { counts[.validating, default: 0] }
        public var misattunedMoments: Int {
            counts.filter { $0.key.polarity == .misattuned }.values.reduce(0, +)
        }
        /// Attuned moments per misattuned one; nil when there were none misattuned.
        public var positiveToNegative: Double? {
            misattunedMoments == 0 ? nil : Double(attunedMoments) / Double(misattunedMoments)
        }

        mutating func add(_ analysis: Analysis, askedBefore: Bool) {
            turns += 1
            askedPermission = miti.add(analysis, askedBefore: askedBefore)
            scoreTotal += analysis.score
            for finding in analysis.findings { counts[finding.category, default: 0] += 1 }
            if analysis.answersEmotionalBid {
                bids += 1
                if analysis.turnsToward { turnedToward += 1 }
            }
        }
    }

    /// A speaker's tally; `speaker` is nil for turns without one. In the overall list,
    /// `conversation` says which conversation a speaker known only by name spoke in.
    public struct Speaker: Sendable {
        public var speaker: String?
        public var speakerID: String?
        public var conversation: String?
        public var tally = Tally()
    }

    /// Who a speaker is: their `speaker_id` wherever they speak; else their name, in one
    /// conversation, or in all of them with `--same-speakers`.
    public enum SpeakerKey: Hashable, Sendable {
        case id(String)
        case name(String?)
        case nameIn(conversation: String, String?)
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

        /// The value of `key`, if it appeared.
        func value(_ key: Key) -> Value? { index[key].map { items[$0] } }

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

    public typealias OrderedTallies = FirstSeen<SpeakerKey, Speaker>

    /// Whether a name means the same person in every conversation (`--same-speakers`).
    public let sameSpeakers: Bool
    /// Whether some turn said who its speaker is across conversations (`speaker_id`).
    public private(set) var sawSpeakerIDs = false
    /// Whether the overall list says more than the conversations' own: only when a
    /// speaker can be followed from one conversation to another.
    public var speakersSpanConversations: Bool { sameSpeakers || sawSpeakerIDs }

    /// The heading of the overall table, saying how speakers were matched across conversations.
    public var overallTitle: String {
        sameSpeakers ? "All conversations, speakers by name" : "All conversations, speakers by speaker_id"
    }

    public private(set) var turns = 0
    public private(set) var errors = 0
    public private(set) var speakers = OrderedTallies()
    public private(set) var conversations = FirstSeen<String, Conversation>()

    public init(sameSpeakers: Bool = false) { self.sameSpeakers = sameSpeakers }

    public mutating func add(_ result: BatchResult) {
        switch result {
        case .failure:
            errors += 1
        case .turn(let turn, let analysis):
            turns += 1
            if turn.speakerID != nil { sawSpeakerIDs = true }
            let overall: SpeakerKey =
                if let id = turn.speakerID { .id(id) } else if sameSpeakers { .name(turn.speaker) } else {
                    .nameIn(conversation: turn.conversationKey, turn.speaker)
                }
            // Permission to advise carries over from the speaker's previous turn in this conversation.
            var askedBefore = false
            conversations.update(turn.conversationKey, make: { Conversation(conversation: turn.conversationKey) }) {
                let key: SpeakerKey = turn.speakerID.map { .id($0) } ?? .name(turn.speaker)
                askedBefore = $0.speakers.value(key)?.tally.askedPermission ?? false
                $0.tally.add(analysis, askedBefore: askedBefore)
                $0.speakers.add(analysis, turn: turn, key: key, askedBefore: askedBefore)
            }
            speakers.add(analysis, turn: turn, key: overall, askedBefore: askedBefore)
        }
    }
}

extension BatchSummary.FirstSeen where Key == BatchSummary.SpeakerKey, Value == BatchSummary.Speaker {
    /// Adds a turn to its speaker's tally; the speaker is named as they were first.
    mutating func add(_ analysis: Analysis, turn: Turn, key: Key, askedBefore: Bool) {
        let conversation: String? = if case .nameIn(let conversation, _) = key { conversation } else { nil }
        update(key, make: { .init(speaker: turn.speaker, speakerID: turn.speakerID, conversation: conversation) }) {
            $0.tally.add(analysis, askedBefore: askedBefore)
        }
    }
}
