import AttuneCore

/// Turns a reply into normalized tokens and sentences: typography folding, ICU word
/// and sentence segmentation, NFKC case folding, squeezing of stretched letters,
/// expansion of contractions and chat spellings, and quote and reported-speech marks.
///
/// Holds ICU objects, so it is not `Sendable`: make one per thread (`Engine.makeAnalyzer`).
package final class TextPipeline {
    let vocabulary: SharedVocabulary
    private let icu: ICUSegmenter
    /// Taken out for each `tokenize` and put back (see there): never nil between calls.
    private var normalizer: WordNormalizer?
    private let reportingVerbs: WordIDs
    private let reportingSubjects: WordIDs
    private let firstPerson: WordIDs
    let abbreviations: WordIDs
    /// Which ASCII characters ICU calls emoji, asked once rather than per gap.
    private let asciiEmoji: [Bool]
    /// The forms of the segment being read, reused from word to word.
    private var forms: [WordNormalizer.Form] = []
    /// The word segments of the text being read, reused from text to text; not kept
    /// beyond `keptSegments`, so one long reply does not hold its buffer's memory.
    private var segments: [WordSegment] = []
    private static let keptSegments = 4_096

    /// Words the pipeline compares tokens with that the rules need not name: the engine
    /// interns them (`Vocabulary.internCueWord`) before making a pipeline.
    package static let cueWords = Builder.abbreviations

    package init(lexicon: Lexicon, vocabulary: Vocabulary) throws(AttuneError) {
        self.vocabulary = SharedVocabulary(vocabulary)
        icu = try ICUSegmenter()
        normalizer = WordNormalizer(lexicon: lexicon, vocabulary: vocabulary)
        reportingVerbs = WordIDs(lexicon.words(of: "reporting_verbs"), in: vocabulary)
        let firstPersonWords = lexicon.words(of: "first_person")
        firstPerson = WordIDs(firstPersonWords, in: vocabulary)
        reportingSubjects = WordIDs(
            lexicon.words(of: "subject_pronouns").union(lexicon.words(of: "people")).subtracting(firstPersonWords),
            in: vocabulary)
        abbreviations = WordIDs(Self.cueWords, in: vocabulary)
        asciiEmoji = (0..<128).map { UnicodeProperties.isEmoji(Unicode.Scalar(UInt8($0))) }
    }

    /// `askingICUForSentences: false` leaves ICU's sentence breaks out where they add
    /// nothing to the builder's own (see `Builder.needsICUSentences`); `true` asks it
    /// always, for the test that compares both.
    package func tokenize(_ text: String, askingICUForSentences: Bool = false) -> TokenizedText {
        // The normalizer and the buffers are worked on as locals, not through `self`: a
        // class's stored property is checked for exclusive access at every use.
        var normalizer = self.normalizer.take()!
        var forms = self.forms
        self.forms = []
        var segments = self.segments
        self.segments = []
        let original = text.utf16Units
        let units = TypographyFolding.folded(original)
        // As many units as bytes means every byte was ASCII: then no unit ends a
        // surrogate pair.
        let isASCII = units.count == text.utf8.count || units.allSatisfy { $0 < 0x80 }
        var letters: [UInt16] = []
        let byICU = icu.wordSegments(units, into: &segments)
        let sentenceStarts =
            askingICUForSentences || Builder.needsICUSentences(units, breaksAsASCII: !byICU)
            ? icu.sentenceStarts(units) : []
        var builder = Builder(units: units, sentenceStarts: sentenceStarts, abbreviations: abbreviations)
        // Segments read through a pointer: an `ArraySlice` per segment retained the units.
        units.withUnsafeBufferPointer { buffer in
            for segment in segments {
                let slice = buffer[segment.start..<segment.end]
                forms.removeAll(keepingCapacity: true)
                if segment.isWord {
                    normalizer.normalize(slice, icu: icu, into: &forms, letters: &letters)
                    builder.addWords(forms, start: segment.start, end: segment.end)
                } else if !UnsafeBufferPointer(rebasing: slice).allSatisfy({ $0 < 0x80 && !asciiEmoji[Int($0)] }),
                    let emoji = Self.emoji(in: slice)
                {
                    normalizer.append(emoji, to: &forms, letters: &letters)
                    builder.addWords(forms, start: segment.start, end: segment.end, isEmoji: true)
                } else {
                    builder.addGap(slice)
                }
            }
        }
        var (tokens, sentences) = builder.finish()
        markReportedSpeech(&tokens)
        let tokenized = TokenizedText(
            original: text, tokens: tokens, sentences: sentences, vocabulary: vocabulary, letters: letters,
            pairTails: isASCII ? [] : Self.pairTails(units), utf16: original)
        // Moved back, not copied: a copy of the normalizer retained each of its tables.
        self.normalizer = consume normalizer
        self.forms = consume forms
        if segments.capacity <= Self.keptSegments { self.segments = consume segments }
        return tokenized
    }

    // MARK: reported speech

    /// After "you said", "she told me", "my mom keeps saying", the rest of the clause is
    /// someone else's words, not the speaker's move. The speaker quoting themselves
    /// ("I said I was sorry") is not reported speech.
    private func markReportedSpeech(_ tokens: inout [Token]) {
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard reportingVerbs.contains(tokens[index].id), hasReportingSubject(before: index, tokens) else {
                continue
            }
            var next = index + 1
            while next < tokens.count, tokens[next].sentence == tokens[index].sentence,
                !tokens[next].flags.contains(.clauseStart)
            {
                tokens[next].flags.insert(.reported)
                next += 1
            }
            // A reporting verb inside the marked run would mark a part of the same run:
            // going on after it keeps "she said she said ..." linear.
            index = next - 1
        }
    }

    private func hasReportingSubject(before index: Int, _ tokens: [Token]) -> Bool {
        var back = index - 1
        while back >= 0, back >= index - 3, tokens[back].sentence == tokens[index].sentence {
            let word = tokens[back].id
            if firstPerson.contains(word) { return false }
            if reportingSubjects.contains(word) { return true }
            if tokens[back].flags.contains(.clauseStart) { break }
            back -= 1
        }
        return false
    }

    // MARK: helpers

    /// The emoji of a non-word segment, without skin tones, variation selectors or
    /// what follows a zero-width joiner (🤷‍♀️ → 🤷).
    private static func emoji(in units: UnitSlice) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in String(decoding: UnsafeBufferPointer(rebasing: units), as: UTF16.self).unicodeScalars {
            if scalar.value == 0x200D { break }
            if scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) { continue }
            if UnicodeProperties.isEmoji(scalar) { result.append(scalar) }
        }
        return result.isEmpty ? nil : String(result)
    }

    /// The offsets of the second units of surrogate pairs: what turns a UTF-16 offset
    /// into a code point offset (`TokenizedText.codePointOffset(ofUTF16:)`).
    private static func pairTails(_ units: [UInt16]) -> [Int32] {
        var tails: [Int32] = []
        var index = 1
        while index < units.count {
            if (0xDC00...0xDFFF).contains(units[index]) && (0xD800...0xDBFF).contains(units[index - 1]) {
                tails.append(Int32(index))
            }
            index += 1
        }
        return tails
    }
}

/// Accumulates tokens and the punctuation between them into tokens and sentences.
struct Builder {
    let units: [UInt16]
    let abbreviations: WordIDs
    /// ICU's sentence starts, ascending, walked with a cursor as tokens arrive.
    let icuSentenceStarts: [Int]
    var tokens: [Token] = []
    var sentences: [Sentence] = []

    // What the punctuation since the last token says about the next one.
    private var clauseBreak = false
    private var sentenceBreak = false
    private var questionMark = false
    private var spaceSinceToken = true
    private var pendingOpenQuote: UInt16?
    private var quoteEvents: [(kind: UInt16, opens: Bool, token: Int)] = []
    private var lastEnd = 0
    private var icuCursor = 0
    private var sentenceFirstToken = 0

    static let abbreviations = ["mr", "mrs", "ms", "dr", "st", "vs", "etc", "jr", "sr", "prof"]

    init(units: [UInt16], sentenceStarts: [Int], abbreviations: WordIDs) {
        self.units = units
        icuSentenceStarts = sentenceStarts
        self.abbreviations = abbreviations
        // About a token per five units of chat, and a sentence per forty: growing from
        // empty copied several times.
        tokens.reserveCapacity(units.count / 5 + 4)
        sentences.reserveCapacity(units.count / 40 + 1)
    }

    mutating func addGap(_ slice: UnitSlice) {
        // Offsets into the whole text, read from the base pointer: a generic slice's
        // indices are not specialized and cost ten times as much.
        for offset in slice.startIndex..<slice.endIndex {
            let unit = slice.base[offset]
            switch unit {
            case 0x2C, 0x3B, 0x3A, 0x2013, 0x2014, 0x28, 0x29:  // , ; : – — ( )
                clauseBreak = true
            case 0x2D:  // a hyphen with a space beside it is a dash
                let before = offset > 0 ? units[offset - 1] : 0x20
                let after = offset + 1 < units.count ? units[offset + 1] : 0x20
                if before == 0x20 || after == 0x20 { clauseBreak = true }
            case 0x2E, 0x21, 0x2026:  // . ! …
                sentenceBreak = sentenceBreak || endsSentence(offset)
            case 0x3F:  // ?
                questionMark = true
                sentenceBreak = sentenceBreak || endsSentence(offset)
            case 0x0A, 0x0D, 0x2028, 0x2029:
                sentenceBreak = true
                spaceSinceToken = true
                pendingOpenQuote = nil
            case 0x20, 0x09, 0xA0:
                spaceSinceToken = true
                pendingOpenQuote = nil  // a quote followed by a space opens nothing
            case 0x22, 0x27:  // " '
                if !tokens.isEmpty && !spaceSinceToken {
                    quoteEvents.append((unit, false, tokens.count - 1))
                } else {
                    pendingOpenQuote = unit
                }
            default:
                break
            }
        }
    }

    mutating func addWords(_ words: [WordNormalizer.Form], start: Int, end: Int, isEmoji: Bool = false) {
        while icuCursor < icuSentenceStarts.count && icuSentenceStarts[icuCursor] <= lastEnd { icuCursor += 1 }
        let icuBreak = icuCursor < icuSentenceStarts.count && icuSentenceStarts[icuCursor] <= start
        // "Dr. Patel": a period after a title abbreviation ends nothing.
        let afterAbbreviation =
            !questionMark && !tokens.isEmpty && abbreviations.contains(tokens[tokens.count - 1].id)
        let startsSentence = !tokens.isEmpty && (icuBreak || sentenceBreak) && !afterAbbreviation
        if startsSentence { closeSentence(at: start) }
        if let kind = pendingOpenQuote {
            quoteEvents.append((kind, true, tokens.count))
            pendingOpenQuote = nil
        }
        for (index, form) in words.enumerated() {
            var flags: Token.Flags = isEmoji ? [.emoji] : []
            if words.count >= 3 { flags.insert(.idiom) }
            if index == 0 && (tokens.isEmpty || startsSentence || clauseBreak) { flags.insert(.clauseStart) }
            tokens.append(
                Token(
                    id: form.id, letters: form.letters, start: start, end: end, sentence: sentences.count,
                    flags: flags)
            )
        }
        // An emoji punctuates chat like a comma: "😢 just quit" starts a clause at "just".
        clauseBreak = isEmoji
        sentenceBreak = false
        questionMark = false
        spaceSinceToken = false
        lastEnd = end
    }

    mutating func finish() -> ([Token], [Sentence]) {
        if !tokens.isEmpty { closeSentence(at: units.count) }
        applyQuotes()
        return (tokens, sentences)
    }

    private mutating func closeSentence(at end: Int) {
        let first = sentenceFirstToken
        guard first < tokens.count else { return }
        sentences.append(
            Sentence(tokens: first..<tokens.count, start: tokens[first].start, end: end, isQuestion: questionMark))
        sentenceFirstToken = tokens.count
    }

    /// Terminal punctuation ends a sentence when a space, a line end or the end of the
    /// text follows it (after any closing quotes or brackets), whatever the case of the
    /// next word: chat is often all lowercase.
    ///
    /// Every mark of a run shares the answer of the run's end, so the last scan is
    /// remembered: a long run of marks is read once, not once per mark.
    private mutating func endsSentence(_ offset: Int) -> Bool {
        if offset >= lastRun.from && offset < lastRun.to { return lastRun.ends }
        let run = Self.run(after: offset, in: units)
        lastRun = (offset, run.end, run.ends)
        return run.ends
    }

    /// The end of the run of marks after `offset`, and whether a space, a line end or
    /// the end of the text follows it: what every mark of the run says about a sentence.
    private static func run(after offset: Int, in units: [UInt16]) -> (end: Int, ends: Bool) {
        var next = offset + 1
        // Switches, not a set and an array literal: a hash, or an array made, per mark.
        while next < units.count {
            switch units[next] {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x22, 0x27, 0x29: next += 1  // . ! ? … " ' )
            default: return (next, isRunEnd(units[next]))
            }
        }
        return (next, true)
    }

    /// Whether a unit after a run of marks lets the run end a sentence: a space or a line end.
    private static func isRunEnd(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0: true
        default: false
        }
    }

    /// Whether ICU's sentence breaks could add one to the builder's own. In ASCII text,
    /// ICU breaks only after a line end or a run of `.` `?` `!` (with closing marks and
    /// spaces); when every such run ends as `endsSentence` says a sentence ends, the
    /// builder breaks in the same gap itself, and asking ICU (a tenth of tokenizing)
    /// changes nothing. Each run is read once: the scan goes on from its end.
    /// `breaksAsASCII`: the text is ASCII, or ASCII with emoji (`ASCIIWordBreaks`), whose
    /// pictographs and marks the sentence rules class as Other or Extend: none breaks a
    /// sentence, so the same holds.
    static func needsICUSentences(_ units: [UInt16], breaksAsASCII: Bool) -> Bool {
        guard breaksAsASCII else { return true }
        var index = 0
        while index < units.count {
            let unit = units[index]
            guard unit == 0x2E || unit == 0x3F || unit == 0x21 else {
                index += 1
                continue
            }
            let run = run(after: index, in: units)
            if !run.ends { return true }
            index = run.end
        }
        return false
    }
    /// The last run of marks scanned by `endsSentence`, and its answer.
    private var lastRun = (from: 0, to: 0, ends: false)

    /// Pairs each opening quote with the next closing one of the same kind; tokens
    /// between them are quoted. An unpaired quote marks nothing.
    private mutating func applyQuotes() {
        for kind in [UInt16(0x22), 0x27] {
            var open: Int?
            for event in quoteEvents where event.kind == kind {
                if event.opens {
                    open = event.token
                } else if let first = open {
                    for index in first...event.token where index < tokens.count { tokens[index].flags.insert(.quoted) }
                    open = nil
                }
            }
        }
    }
}
