import AttuneCore
import AttuneRules
import AttuneText

/// What one sentence of a reply does, as a rewrite reads it.
enum SentenceMove: Equatable {
    /// It has a misattuned finding; the category is its heaviest one's.
    case hurt(Category)
    /// It has an attuned finding that counted in full.
    case validation
    /// An apology, a real offer, or a question about them and what they said.
    case serves
    /// "k", "ok cool", "thanks": nothing but a minimal reply.
    case minimal
    /// Anything else: self-focus, one-upping, a topic switch, a plain statement.
    case other
}

/// One sentence of the reply, read for the rewrite.
struct ReadSentence {
    /// Its words; empty for a hurt sentence, which the rewrite replaces, never keeps.
    var text: String
    var move: SentenceMove
    /// For a fixing sentence, what they were told to do, as a verb phrase ("call her").
    var advice: String?
    /// It says sorry: the rewrite need not apologize again.
    var apologizes = false
    /// The reply's sentence, whose tokens read alone are made when first needed: kept,
    /// it is checked from these instead of being tokenized again.
    var tokens: SentenceTokens? = nil
}

/// A candidate sentence of a rewrite: a template's text, or one of the reply's own
/// sentences with its tokens read alone.
struct Piece {
    var text: String
    var tokens: SentenceTokens? = nil
}

/// Builds an attuned version of a reply sentence by sentence, rather than patching it:
/// it keeps what serves the other person (a validation, an apology, a real offer, a
/// question about them), lets go of a bare "ok" and, after an emotional bid, of what
/// does not serve them (self-focus, one-upping, a topic switch), and gives each misattuned sentence the
/// attuned move of the same intent where one fits the moment: advice becomes advice
/// offered with permission, with its content; an apology and a promised pause answer only
/// a complaint about the replier. A reflection of what they said opens it, and at most
/// one question closes it. Every piece is re-read alone (`check`), and one that
/// misattunes is left out, so no sentence of a rewrite misattunes on its own.
struct Rewriter {
    let templates: RewriteTemplates

    /// How a piece of the rewrite reads alone against the same message.
    struct Reading {
        var sentences: Int
        var misattuned: Bool
        var attuned: Bool
    }

    /// The pieces of the rewrite of a reply of `originalSentences` sentences, read as
    /// `sentences`; `text(of:)` joins them. Returned as pieces so the whole can be read
    /// from the pieces' tokens (`TextPipeline.joined`).
    func rewrite(_ sentences: [ReadSentence], originalSentences: Int, bid: Bid?, check: (Piece) -> Reading)
        -> [Piece]
    {
        let emotional = bid?.kind.isEmotional ?? true
        let conflict = bid?.kind == .complaint && bid?.aboutReplier == true
        // Sized once, and the opener placed before the body is copied in: growing the
        // body and inserting the opener at its front reallocated it.
        var body: [Piece] = []
        body.reserveCapacity(sentences.count)
        var bodySentences = 0
        // Moves already made, each at most once; a kept apology is one.
        var moves: Moves = sentences.contains { $0.apologizes && $0.move != .minimal } ? .apology : []
        var validated = false
        /// Keeps `candidate` unless it misattunes alone; whether it was kept.
        @discardableResult func keep(_ candidate: Piece) -> Bool {
            let reading = check(candidate)
            guard !reading.misattuned else { return false }
            body.append(candidate)
            bodySentences += reading.sentences
            return true
        }
        for sentence in sentences {
            switch sentence.move {
            case .validation:
                validated = true
                keep(Piece(text: sentence.text, tokens: sentence.tokens))
            case .serves: keep(Piece(text: sentence.text, tokens: sentence.tokens))
            // A bare "ok" adds nothing once the rewrite says something; after an
            // emotional bid it is turning away.
            case .minimal: continue
            case .other: if !emotional { keep(Piece(text: sentence.text, tokens: sentence.tokens)) }
            case .hurt(let category):
                guard let move = move(for: category, bid: bid?.kind, conflict: conflict),
                    moves.insert(move).inserted
                else { continue }
                for text in replacements(for: category, advice: sentence.advice, conflict: conflict) {
                    if keep(Piece(text: text)) { break }
                }
            }
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(body.count + 2)
        var total = bodySentences
        if !validated {
            pieces.append(Piece(text: opener(for: bid, conflict: conflict, check: check)))
            total += 1
        }
        pieces.append(contentsOf: body)
        let asks = body.contains { Self.hasQuestionMark($0.text) }
        let paused = moves.contains(.pause)
        if emotional, !asks, !paused, total < originalSentences + 2, let kind = bid?.kind,
            let question = templates.questions[kind], !check(Piece(text: question)).misattuned
        {
            pieces.append(Piece(text: question))
        }
        return pieces
    }

    /// Read on the string's own bytes: through `utf8`'s index it cost ten instructions a byte.
    private static func hasQuestionMark(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "?")) }
            ?? text.utf8.contains(UInt8(ascii: "?"))
    }

    /// The pieces with a space between, their bytes copied into a string sized once:
    /// appending piece by piece cost several hundred instructions an append.
    static func text(of pieces: [Piece]) -> String {
        let count = pieces.reduce(max(pieces.count - 1, 0)) { $0 + $1.text.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: " ")
                    offset += 1
                }
                var text = piece.text
                offset = text.withUTF8 { bytes in
                    UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes) + offset
                }
            }
            return offset
        }
    }

    /// The attuned moves a rewrite makes in place of misattuned sentences, each at most
    /// once. A set of bits: a set of their names hashed a string for every one.
    struct Moves: OptionSet {
        let rawValue: UInt8
        static let apology = Moves(rawValue: 1)
        static let ideas = Moves(rawValue: 2)
        static let accept = Moves(rawValue: 4)
        static let pause = Moves(rawValue: 8)
    }

    /// The attuned move of the same intent, or nil when the moment has none and the
    /// sentence is let go (the opening validation answers it).
    private func move(for category: Category, bid: BidKind?, conflict: Bool) -> Moves? {
        switch category {
        case .fixing: return conflict ? .apology : .ideas
        case .minimizing: return conflict ? .apology : bid == .goodNews ? nil : .accept
        case .defensiveness: return conflict ? .apology : nil
        case .withdrawal: return conflict ? .pause : nil
        case .validating: return nil
        }
    }

    /// Replacements in order of preference: the advice offered with its content, then
    /// the plain template.
    private func replacements(for category: Category, advice: String?, conflict: Bool) -> [String] {
        var result: [String] = []
        if category == .fixing, !conflict, let advice, let offer = Template.fill(templates.advice, ["advice": advice]) {
            result.append(offer)
        }
        // Answering a complaint about the replier, any hurt but a withdrawal is owned.
        let plain: Category = conflict && category != .withdrawal ? .defensiveness : category
        if let text = templates.replace[plain] { result.append(text) }
        return result
    }

    /// A validation that opens the reply: their good news, their complaint about the
    /// replier owned, or their own words or feeling said back; the first that reads as
    /// attuned alone, or else the plain one.
    private func opener(for bid: Bid?, conflict: Bool, check: (Piece) -> Reading) -> String {
        // Tried in order, each made only when reached: filling every template first
        // made strings and a dictionary for candidates the first one made moot.
        func opening(_ candidate: String?) -> String? {
            guard let candidate else { return nil }
            let reading = check(Piece(text: candidate))
            return reading.attuned && !reading.misattuned ? candidate : nil
        }
        if bid?.kind == .goodNews, let text = opening(templates.openForGoodNews) { return text }
        if conflict, let text = opening(templates.openForComplaint) { return text }
        if let words = bid?.theirWords,
            let text = opening(Template.fill(templates.openWithTheirWords, ["their_words": words]))
        {
            return text
        }
        if let feeling = bid?.feelings.first,
            let text = opening(Template.fill(templates.openWithFeeling, ["feeling": feeling]))
        {
            return text
        }
        // The last candidate opens whether or not it reads as attuned: it is not read.
        return templates.openWithoutFeeling
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
