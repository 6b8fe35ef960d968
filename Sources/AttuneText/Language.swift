/// Whether a text reads as English, the language every rule is written in. A reply in
/// another language matches nothing and would score a silent, misleading 50; knowing
/// it was not read lets the report say so.
public enum Language: String, Sendable {
    case english = "en"
    case other
}

/// The word lists of `Rules/languages.yaml`, indexed for lookup: which words are
/// evidence for English and, for each other word, the languages it is evidence for.
/// A word listed for English and for another language is evidence for neither.
///
/// Only the lookup tables are kept (and archived): compiled rules read them as they
/// were written, where building them again from the lists was a twentieth of
/// `attune check`'s start.
public struct LanguageProfile: Sendable {
    /// Language codes of the other languages, in file order.
    public internal(set) var languages: [String] = []
    /// Per word (by index), the other languages it is evidence for, as a range of
    /// `wordLanguages` (empty: English): `languageBounds[i]..<languageBounds[i + 1]`.
    var languageBounds: [Int32] = [0]
    var wordLanguages: [Int32] = []
    /// The ASCII words, keyed by their units: most words of a reply are looked up
    /// without a `String`.
    var asciiWords = UnitTable()
    /// The words with letters beyond ASCII, by their text.
    var otherWords: [String: Int32] = [:]

    public init() {}

    /// No lists: only the script of the letters can tell another language.
    public var isEmpty: Bool { languageBounds.count == 1 }

    package init(english: [String], others: [(code: String, words: [String])]) {
        let english = Set(english)
        var languagesOf: [String: [Int]] = [:]
        for (index, language) in others.enumerated() {
            for word in Set(language.words) where !english.contains(word) {
                languagesOf[word, default: []].append(index)
            }
        }
        languages = others.map(\.code)
        let entries = english.sorted().map { ($0, [Int]()) } + languagesOf.sorted(by: { $0.key < $1.key })
        for (word, languages) in entries {
            let index = Int32(languageBounds.count - 1)
            wordLanguages += languages.map(Int32.init)
            languageBounds.append(Int32(wordLanguages.count))
            if Vocabulary.isASCII(word) {
                asciiWords.insert(word.utf16, value: index)
            } else {
                otherWords[word] = index
            }
        }
    }

    /// What `word` (lowercase, straight apostrophes) is evidence for, or nil.
    func evidence(_ word: String) -> Evidence? {
        guard Vocabulary.isASCII(word) else { return otherWords[word].map { Evidence(index: Int($0)) } }
        return Vocabulary.withUnits(ofASCII: word) { evidence(ascii: $0) }
    }

    /// `evidence` of a lowercase ASCII word given as units.
    func evidence(ascii word: UnsafeBufferPointer<UInt16>) -> Evidence? {
        guard let index = asciiWords.find(word) else { return nil }
        return Evidence(index: Int(index))
    }

    /// What a word is evidence for, as an index into the profile's tables.
    struct Evidence {
        fileprivate let index: Int
    }

    /// Whether the word is evidence for English (then for no other language).
    func isEnglish(_ evidence: Evidence) -> Bool {
        languageBounds[evidence.index] == languageBounds[evidence.index + 1]
    }

    /// Counts one for each language the word is evidence for; returns the highest count
    /// it raised (0 when none).
    func addLanguages(of evidence: Evidence, to counts: inout [Int]) -> Int {
        var highest = 0
        for offset in Int(languageBounds[evidence.index])..<Int(languageBounds[evidence.index + 1]) {
            counts[Int(wordLanguages[offset])] += 1
            highest = max(highest, counts[Int(wordLanguages[offset])])
        }
        return highest
    }
}

/// Reads a text's language from the words it uses and the script of its letters, in
/// one pass over its characters: no model, no network.
package struct LanguageGuesser {
    package let profile: LanguageProfile

    /// Words of one other language a text needs before it is read as that language:
    /// fewer is not enough to overrule English ("danke!", "gracias amigo").
    package static let minimumEvidence = 3
    /// And how many times the English words it must outnumber: a Spanish phrase quoted
    /// in an English reply leaves it English.
    package static let dominance = 2
    /// Letters of a non-Latin script a text needs, when they are most of its letters,
    /// to read as another language: one "ツ" in a shrug "¯\_(ツ)_/¯" is not Japanese.
    package static let minimumScriptLetters = 3
    /// Endings after an apostrophe that make an English contraction ("shouldn't",
    /// "we're", "Sam's").
    package static let englishClitics: Set<String> = ["t", "s", "re", "ve", "ll", "m", "d"]
    private static let asciiClitics = englishClitics.map { Array($0.utf16) }

    /// `settling: false` reads every word even once the answer is settled, for the test
    /// that compares both.
    package func guess(_ text: String, settling: Bool = true) -> Language {
        var tally = Tally(languages: profile.languages.count)
        // Its bytes in one pass: ASCII, most of chat, without decoding a scalar.
        var text = text
        var settled = false
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                guard bytes[offset] >= 0x80 else {
                    if tally.runStart >= 0 && Self.isASCIILetter(bytes[offset]) {
                        // Inside a run of ASCII letters, most of a text: the run's letters
                        // counted at once, not a call each (which copied the profile).
                        var end = offset + 1
                        while end < bytes.count && Self.isASCIILetter(bytes[end]) { end += 1 }
                        tally.latin += end - offset
                        offset = end
                        continue
                    }
                    tally.read(ascii: bytes[offset], at: offset, in: bytes, profile)
                    offset += 1
                    // After a space, once what is left cannot change the answer, it is
                    // English: most replies are, and their last words go unread.
                    if settling && bytes[offset - 1] == 0x20
                        && tally.isSettledEnglish(remaining: bytes.count - offset + 1)
                    {
                        settled = true
                        return
                    }
                    continue
                }
                let (value, width) = ValidUTF8.scalar(in: bytes, at: offset)
                // The scalar may join the word or end it: the word is read as units from here.
                tally.takeRun(from: bytes, upTo: offset)
                offset += width
                if let scalar = Unicode.Scalar(value) { tally.read(scalar, profile) }
            }
            tally.finishWord(in: bytes, at: bytes.count, profile)
        }
        if settled { return .english }

        if tally.nonLatin >= Self.minimumScriptLetters && tally.nonLatin > tally.latin { return .other }
        if tally.best >= Self.minimumEvidence && tally.best >= Self.dominance * tally.english { return .other }
        return .english
    }

    /// What a text's letters and words have shown so far. A value of its own, not
    /// variables captured by local functions: those were checked for exclusive access
    /// on every word.
    private struct Tally {
        var latin = 0
        var nonLatin = 0
        var english = 0
        /// Words of each other language; empty until a word is evidence for one (most
        /// texts have none: an array made for each cost an allocation per reply).
        var counts: [Int] = []
        /// How many other languages `counts` holds once made.
        let languageCount: Int
        /// The highest of `counts`.
        var best = 0
        /// The word being read, as UTF-16 units; ASCII words are looked up as they are.
        var word: [UInt16] = []
        var wordIsASCII = true
        /// Where the word being read starts in the text's bytes while it is a run of ASCII
        /// letters and apostrophes (-1: no such run; the word, if any, is in `word`). Most
        /// words are, and are looked up without being copied letter by letter.
        var runStart = -1

        init(languages: Int) { languageCount = languages }

        mutating func read(
            ascii byte: UInt8, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ profile: LanguageProfile
        ) {
            if LanguageGuesser.isASCIILetter(byte) {
                latin += 1
                if runStart >= 0 { return }
                if word.isEmpty { runStart = offset } else { word.append(UInt16(byte)) }
            } else if byte == UInt8(ascii: "'") && (runStart >= 0 || !word.isEmpty) {
                if runStart < 0 { word.append(0x27) }
            } else {
                finishWord(in: bytes, at: offset, profile)
            }
        }

        /// Moves the run of ASCII letters being read, if any, into `word`.
        mutating func takeRun(from bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
            guard runStart >= 0 else { return }
            for byte in bytes[runStart..<end] { word.append(UInt16(byte)) }
            runStart = -1
        }

        /// Ends the word at `end`: a run of ASCII letters is looked up from the bytes.
        mutating func finishWord(in bytes: UnsafeBufferPointer<UInt8>, at end: Int, _ profile: LanguageProfile) {
            guard runStart >= 0 else { return finishWord(profile) }
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<end])
            runStart = -1
            guard !profile.isEmpty else { return }
            finishASCIIWord(run, profile)
        }

        mutating func read(_ scalar: Unicode.Scalar, _ profile: LanguageProfile) {
            if scalar.properties.isAlphabetic {
                if LanguageGuesser.isLatin(scalar) { latin += 1 } else { nonLatin += 1 }
                word.append(contentsOf: scalar.utf16)
                wordIsASCII = false
            } else if scalar == "\u{2019}" && !word.isEmpty {
                word.append(0x27)
            } else {
                finishWord(profile)
            }
        }

        mutating func count(_ evidence: LanguageProfile.Evidence?, othersOnly: Bool = false, _ profile: LanguageProfile)
        {
            guard let evidence else { return }
            if profile.isEnglish(evidence) {
                if !othersOnly { english += 1 }
            } else {
                if counts.isEmpty { counts = Array(filledWith: 0, count: languageCount) }
                best = max(best, profile.addLanguages(of: evidence, to: &counts))
            }
        }

        /// Whether the text reads as English whatever its last `remaining` bytes hold,
        /// read from a word's end (the separator after it among them). Those bytes hold
        /// at most one word per two of them and add at most one word to a language per
        /// two (an elided "l'a" adds two in three, and a separator follows), and at most
        /// one letter of another script per two (none is ASCII).
        func isSettledEnglish(remaining: Int) -> Bool {
            let most = (remaining + 1) / 2
            let scriptSettled =
                nonLatin + most < LanguageGuesser.minimumScriptLetters || nonLatin + most <= latin
            let wordsSettled =
                best + most < LanguageGuesser.minimumEvidence || best + most < LanguageGuesser.dominance * english
            return scriptSettled && wordsSettled
        }

        mutating func finishWord(_ profile: LanguageProfile) {
            guard !word.isEmpty else { return }
            defer {
                word.removeAll(keepingCapacity: true)
                wordIsASCII = true
            }
            guard !profile.isEmpty else { return }
            if wordIsASCII {
                let word = self.word
                word.withUnsafeBufferPointer { finishASCIIWord($0, profile) }
                return
            }
            var text = String(decoding: word, as: UTF16.self).lowercased()
            while text.hasSuffix("'") { text.removeLast() }
            if let evidence = profile.evidence(text) {
                count(evidence, profile)
            } else if let apostrophe = text.firstIndex(of: "'") {
                // "l'homme", "c'est", "dell'amore": the elided word and the word itself;
                // "shouldn't": an English contraction the list does not name.
                let rest = String(text[text.index(after: apostrophe)...])
                if LanguageGuesser.englishClitics.contains(rest) {
                    english += 1
                } else {
                    count(profile.evidence(String(text[...apostrophe])), othersOnly: true, profile)
                    count(profile.evidence(rest), profile)
                }
            }
        }

        /// `finishWord` for an ASCII word of any case, its bytes or its units: the same
        /// steps, lowercased into a buffer on the stack, no `String`.
        mutating func finishASCIIWord(_ units: UnsafeBufferPointer<some FixedWidthInteger>, _ profile: LanguageProfile)
        {
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: units.count) { word in
                for index in units.indices {
                    let unit = UInt16(units[index])
                    word[index] = (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
                }
                finishLowercaseASCIIWord(UnsafeBufferPointer(word), profile)
            }
        }

        private mutating func finishLowercaseASCIIWord(_ word: UnsafeBufferPointer<UInt16>, _ profile: LanguageProfile)
        {
            var end = word.count
            while end > 0, word[end - 1] == 0x27 { end -= 1 }
            let text = UnsafeBufferPointer(rebasing: word[..<end])
            if let evidence = profile.evidence(ascii: text) {
                count(evidence, profile)
            } else if let apostrophe = text.firstIndex(of: 0x27) {
                let rest = UnsafeBufferPointer(rebasing: text[(apostrophe + 1)...])
                if LanguageGuesser.asciiClitics.contains(where: { $0.elementsEqual(rest) }) {
                    english += 1
                } else {
                    count(
                        profile.evidence(ascii: UnsafeBufferPointer(rebasing: text[...apostrophe])), othersOnly: true,
                        profile)
                    count(profile.evidence(ascii: rest), profile)
                }
            }
        }
    }

    /// ASCII letters are Latin and the only alphabetic ASCII.
    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Letters of the Latin script, with its accented and extended forms.
    package static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F,
            0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true
        default:
            return false
        }
    }

    /// Memberwise, for the loaders in other targets.
    package init(
        profile: LanguageProfile
    ) {
        self.profile = profile
    }
}
