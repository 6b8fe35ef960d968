/// A run of a text's UTF-16 units, read in place.
typealias UnitSlice = Slice<UnsafeBufferPointer<UInt16>>

/// A word's normalized forms as ids: case folding, squeezing of stretched letters and
/// expansion of contractions and chat spellings, in that order.
///
/// ASCII words, nearly all of chat, are folded and looked up as UTF-16 units in reused
/// buffers: no `String` per word. Other words take the ICU path (NFKC case folding,
/// `Character`-wise squeezing), as before. Both give the same forms as `Lexicon.expand`.
struct WordNormalizer {
    /// One normalized word: its id, or `Vocabulary.unknown` and its letters in the
    /// reply's letter buffer.
    struct Form {
        var id: Int32
        var letters: Range<Int32>
    }

    /// A form known ahead (an expansion's word): its id, or its units when unknown.
    private struct Spelled {
        var id: Int32
        var units: [UInt16]
    }

    private let lexicon: Lexicon
    private let vocabulary: Vocabulary
    /// The ASCII keys of `lexicon.expansions`, valued by index into `expansions`.
    private var expansionKeys = UnitTable()
    private var expansions: [[Spelled]] = []
    /// The ASCII clitic suffixes in the lexicon's order (longest first).
    private var suffixes: [(units: [UInt16], words: [Spelled])] = []
    /// Whether an ASCII unit ends some suffix: most words end otherwise and skip them.
    private var endsSuffix = [Bool](repeating: false, count: 128)
    /// Per vocabulary id, whether its word is its own only form (`isPlain`), learned as
    /// words come, so starting costs nothing.
    private var plainWords: [Plainness]

    private enum Plainness: UInt8 {
        case unasked, plain, notPlain
    }
    private var folded: [UInt16] = []
    private var two: [UInt16] = []
    private var one: [UInt16] = []

    init(lexicon: Lexicon, vocabulary: Vocabulary) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        plainWords = Array(repeating: .unasked, count: vocabulary.count)
        func spelled(_ word: String) -> Spelled {
            let id = vocabulary.id(of: word)
            return Spelled(id: id, units: id == Vocabulary.unknown ? Array(word.utf16) : [])
        }
        for (key, words) in lexicon.expansions where key.utf16.allSatisfy({ $0 < 0x80 }) {
            expansionKeys.insert(key.utf16, value: Int32(expansions.count))
            expansions.append(words.map(spelled))
        }
        for (suffix, words) in lexicon.suffixes where suffix.utf16.allSatisfy({ $0 < 0x80 }) {
            suffixes.append((Array(suffix.utf16), words.map(spelled)))
            if let last = suffix.utf16.last { endsSuffix[Int(last)] = true }
        }
    }

    /// Appends the forms of the word `units` to `forms`, and the letters of its unknown
    /// forms to `letters`.
    mutating func normalize(
        _ slice: UnitSlice, icu: ICUSegmenter, into forms: inout [Form], letters: inout [UInt16]
    ) {
        let units = UnsafeBufferPointer(rebasing: slice)
        if units.allSatisfy({ $0 < 0x80 }) {
            normalizeASCII(units, into: &forms, letters: &letters)
        } else {
            let word = squeeze(String(decoding: icu.caseFold(ArraySlice(units)), as: UTF16.self))
            for form in lexicon.expand(word) ?? [word] { append(form, to: &forms, letters: &letters) }
        }
    }

    /// An emoji or other form spelled as a `String`, as a token's form.
    func append(_ word: String, to forms: inout [Form], letters: inout [UInt16]) {
        let id = vocabulary.id(of: word)
        var range: Range<Int32> = 0..<0
        if id == Vocabulary.unknown {
            let start = Int32(letters.count)
            letters.append(contentsOf: word.utf16)
            range = start..<Int32(letters.count)
        }
        forms.append(Form(id: id, letters: range))
    }

    // MARK: ASCII

    private mutating func normalizeASCII(
        _ units: UnsafeBufferPointer<UInt16>, into forms: inout [Form], letters: inout [UInt16]
    ) {
        // Folded on the stack: emptying and filling a reused array was a fifth of a
        // word's cost. Only a word with a run of letters goes through the arrays.
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: units.count) { buffer in
            for index in units.indices {
                let unit = units[index]
                buffer[index] = (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
            }
            let word = UnsafeBufferPointer(buffer)
            guard Self.hasRunOfLetters(word) else { return lookUpASCII(word, into: &forms, letters: &letters) }
            folded.removeAll(keepingCapacity: true)
            folded.append(contentsOf: word)
            squeezeASCII()
            // Taken out while it is read: looking up may note what it learned in `self`.
            let squeezed = folded
            folded = []
            squeezed.withUnsafeBufferPointer { lookUpASCII($0, into: &forms, letters: &letters) }
            folded = squeezed
        }
    }

    /// The forms of a folded, squeezed ASCII word: an expansion, a stem and a suffix's
    /// words, or the word itself.
    private mutating func lookUpASCII(
        _ word: UnsafeBufferPointer<UInt16>, into forms: inout [Form], letters: inout [UInt16]
    ) {
        // Most words are words of the vocabulary that nothing expands or splits: one
        // lookup, with what the rest of the tests said of the word remembered by its id.
        let id = vocabulary.id(ofASCII: word)
        if id != Vocabulary.unknown {
            if plainWords[Int(id)] == .unasked { plainWords[Int(id)] = isPlain(word) ? .plain : .notPlain }
            if plainWords[Int(id)] == .plain {
                forms.append(Form(id: id, letters: 0..<0))
                return
            }
        }
        if let index = expansionKeys.find(word) {
            Self.append(expansions[Int(index)], to: &forms, letters: &letters)
            return
        }
        if let index = suffixIndex(of: word) {
            // The stem is a token of its own: "u'll" is "you will", not "u will".
            let stem = UnsafeBufferPointer(rebasing: word.dropLast(suffixes[index].units.count))
            if let expansion = expansionKeys.find(stem) {
                Self.append(expansions[Int(expansion)], to: &forms, letters: &letters)
            } else {
                appendASCII(stem, to: &forms, letters: &letters)
            }
            Self.append(suffixes[index].words, to: &forms, letters: &letters)
            return
        }
        appendASCII(word, id: id, to: &forms, letters: &letters)
    }

    /// Whether `word` is its own only form: no expansion, no clitic suffix.
    private func isPlain(_ word: UnsafeBufferPointer<UInt16>) -> Bool {
        expansionKeys.find(word) == nil && suffixIndex(of: word) == nil
    }

    /// The first suffix (longest first) that `word` ends with and is longer than.
    private func suffixIndex(of word: UnsafeBufferPointer<UInt16>) -> Int? {
        // Suffixes read in place (a tuple copied per suffix retained both its arrays),
        // and only for a word ending as one of them does: tested in the loop's `where`,
        // that was a test per suffix for every word.
        guard let last = word.last, endsSuffix[Int(last)] else { return nil }
        return suffixes.indices.first {
            word.count > suffixes[$0].units.count && word.hasSuffix(suffixes[$0].units)
        }
    }

    private func appendASCII(_ word: UnsafeBufferPointer<UInt16>, to forms: inout [Form], letters: inout [UInt16]) {
        appendASCII(word, id: vocabulary.id(ofASCII: word), to: &forms, letters: &letters)
    }

    /// `word` as a form, `id` its vocabulary id.
    private func appendASCII(
        _ word: UnsafeBufferPointer<UInt16>, id: Int32, to forms: inout [Form], letters: inout [UInt16]
    ) {
        var range: Range<Int32> = 0..<0
        if id == Vocabulary.unknown {
            let start = Int32(letters.count)
            letters.append(contentsOf: word)
            range = start..<Int32(letters.count)
        }
        forms.append(Form(id: id, letters: range))
    }

    /// Static: called from a mutating method, an instance method was given a copy of
    /// `self`, which retained each of its tables.
    private static func append(_ words: [Spelled], to forms: inout [Form], letters: inout [UInt16]) {
        for word in words {
            var range: Range<Int32> = 0..<0
            if word.id == Vocabulary.unknown {
                let start = Int32(letters.count)
                letters.append(contentsOf: word.units)
                range = start..<Int32(letters.count)
            }
            forms.append(Form(id: word.id, letters: range))
        }
    }

    private func expansionIndex(_ word: ArraySlice<UInt16>) -> Int32? {
        word.withUnsafeBufferPointer { expansionKeys.find($0) }
    }

    /// Whether a folded word has three of one letter in a row, to be squeezed.
    private static func hasRunOfLetters(_ word: UnsafeBufferPointer<UInt16>) -> Bool {
        var index = 2
        while index < word.count {
            if word[index] == word[index - 1] && word[index] == word[index - 2] && isASCIILetter(word[index]) {
                return true
            }
            index += 1
        }
        return false
    }

    private static func isASCIILetter(_ unit: UInt16) -> Bool { (0x61...0x7A).contains(unit) }

    /// `squeeze` on the folded units, which have a run of letters: lowercase ASCII
    /// letters are the only letters.
    private mutating func squeezeASCII() {
        func collapse(_ keep: Int, into result: inout [UInt16]) {
            result.removeAll(keepingCapacity: true)
            var run = 0
            var previous: UInt16?
            for unit in folded {
                run = unit == previous ? run + 1 : 1
                previous = unit
                if run <= keep || !Self.isASCIILetter(unit) { result.append(unit) }
            }
        }
        collapse(2, into: &two)
        collapse(1, into: &one)
        if isKnownASCII(two[...]) {
            swap(&folded, &two)
        } else if isKnownASCII(one[...]) {
            swap(&folded, &one)
        } else {
            swap(&folded, &two)
        }
    }

    private func isKnownASCII(_ word: ArraySlice<UInt16>) -> Bool {
        let id = word.withUnsafeBufferPointer { vocabulary.id(ofASCII: $0) }
        return vocabulary.isRuleWord(id) || expansionIndex(word) != nil
    }

    // MARK: other scripts

    /// "sooooo" → "so", "goooood" → "good": runs of three or more letters shrink to
    /// two, or to one when only that form is a word the rules know.
    private func squeeze(_ word: String) -> String {
        let characters = Array(word)
        var hasRun = false
        var index = 2
        while index < characters.count {
            if characters[index] == characters[index - 1] && characters[index] == characters[index - 2]
                && characters[index].isLetter
            {
                hasRun = true
                break
            }
            index += 1
        }
        guard hasRun else { return word }
        func collapse(to keep: Int) -> String {
            var result = ""
            var run = 0
            var previous: Character?
            for character in characters {
                run = character == previous ? run + 1 : 1
                previous = character
                if run <= keep || !character.isLetter { result.append(character) }
            }
            return result
        }
        let two = collapse(to: 2)
        let one = collapse(to: 1)
        if isKnown(two) { return two }
        if isKnown(one) { return one }
        return two
    }

    private func isKnown(_ word: String) -> Bool {
        vocabulary.isRuleWord(vocabulary.id(of: word)) || lexicon.expansions[word] != nil
    }
}

extension UnsafeBufferPointer where Element == UInt16 {
    fileprivate func hasSuffix(_ suffix: [UInt16]) -> Bool {
        guard count >= suffix.count else { return false }
        return self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
