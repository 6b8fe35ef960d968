/// Word segments of ASCII text by the Unicode word-break rules (UAX #29) that ICU
/// applies, without ICU: most replies are ASCII, and breaking them through ICU's
/// iterator was a fifth of tokenizing. Emoji are chat's other characters: a pictograph
/// with the marks and joined pictographs that extend it ("👍🏽", "🤷‍♀️") is one segment
/// that breaks from its neighbours as an ASCII mark does, so ASCII with emoji is broken
/// here too; a text with any other character beyond ASCII is left to ICU.
/// `ASCIIWordBreakTests` compares both on every three ASCII characters, on every string
/// of up to four characters over a set covering each break class, on every string of up
/// to three of those and emoji, and on the corpus.
enum ASCIIWordBreaks {
    /// The word-break class of each ASCII character (`Class(rawValue:)` of the unit), and
    /// `joined` for the units of an emoji after its first (which is `other`).
    private enum Class: UInt8, CaseIterable {
        case other, cr, lf, newline, space, letter, numeric, midNumLet, singleQuote, midNum, extendNumLet, joined
    }

    private static let classes: [Class] = (0..<128).map { unit in
        switch unit {
        case 0x0D: .cr
        case 0x0A: .lf
        case 0x0B, 0x0C: .newline
        case 0x20: .space
        case 0x40, 0x41...0x5A, 0x61...0x7A: .letter  // ICU counts @ a letter (handles, addresses)
        case 0x30...0x39: .numeric
        case 0x2E: .midNumLet
        case 0x27: .singleQuote
        case 0x2C, 0x3B: .midNum
        case 0x5F: .extendNumLet
        default: .other
        }
    }

    /// Puts the segments of `units` in `result` (emptied first; a buffer reused from text
    /// to text stays in cache and is not allocated again), as ICU gives them: a segment is
    /// a word when it holds a letter or a digit, or joins underscores. False when a unit
    /// beyond ASCII is not part of an emoji: ICU breaks that text.
    static func segments(_ units: UnsafeBufferPointer<UInt16>, into result: inout [WordSegment]) -> Bool {
        result.removeAll(keepingCapacity: true)
        guard !units.isEmpty else { return true }
        result.reserveCapacity(units.count / 2 + 1)
        // Each unit's class, with `.other` beyond either end: `kinds[i + 1]` is unit i's.
        // On the stack: an array per text was a tenth of breaking it.
        let broken = classes.withUnsafeBufferPointer { table in
            breakTable.withUnsafeBufferPointer { breakTable in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: units.count + 2) { kinds in
                    kinds[0] = Class.other.rawValue
                    kinds[units.count + 1] = Class.other.rawValue
                    // Every unit's bits, or-ed: a unit beyond ASCII sets a bit above 0x7F.
                    var bits: UInt16 = 0
                    for index in units.indices {
                        let unit = units[index]
                        kinds[index + 1] = table[Int(unit & 0x7F)].rawValue
                        bits |= unit
                    }
                    if bits >= 0x80 && !classifyEmoji(units, into: kinds) { return false }
                    // Underscores joined (WB13a) are a word to ICU; one alone is not.
                    func isUnderscores(_ start: Int, _ end: Int) -> Bool {
                        end - start >= 2 && kinds[start + 1] == Class.extendNumLet.rawValue
                    }
                    var start = 0
                    var isWord = isWordClass(kinds[1])
                    for index in 1..<units.count {
                        // Inside a word (letters and digits on both sides: WB5, WB8 to WB10)
                        // nothing breaks, whatever the context: most pairs, without the table.
                        if isWordClass(kinds[index]) && isWordClass(kinds[index + 1]) { continue }
                        let key = Self.key(kinds[index - 1], kinds[index], kinds[index + 1], kinds[index + 2])
                        if breakTable[key] {
                            result.append((start, index, isWord || isUnderscores(start, index)))
                            start = index
                            isWord = false
                        }
                        isWord = isWord || isWordClass(kinds[index + 1])
                    }
                    result.append((start, units.count, isWord || isUnderscores(start, units.count)))
                    return true
                }
            }
        }
        return broken
    }

    /// Classes the units beyond ASCII as emoji: each emoji's first unit `other`, the rest
    /// `joined`. False when one is not part of an emoji.
    private static func classifyEmoji(
        _ units: UnsafeBufferPointer<UInt16>, into kinds: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        var index = 0
        while index < units.count {
            guard units[index] >= 0x80 else {
                index += 1
                continue
            }
            guard let end = emojiEnd(units, from: index) else { return false }
            kinds[index + 1] = Class.other.rawValue
            for joined in (index + 1)..<end { kinds[joined + 1] = Class.joined.rawValue }
            index = end
        }
        return true
    }

    /// The end of the emoji that starts at `start`: a pictograph, the marks that extend
    /// it, and pictographs a zero-width joiner joins to it (WB4, WB3c). Nil when no
    /// pictograph starts there.
    private static func emojiEnd(_ units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int? {
        guard let first = scalar(in: units, at: start), UnicodeProperties.emojiPart(first.value) == .pictograph
        else { return nil }
        var end = start + first.width
        while end < units.count && units[end] >= 0x80, let next = scalar(in: units, at: end) {
            if next.value == 0x200D, let joined = scalar(in: units, at: end + 1),
                UnicodeProperties.emojiPart(joined.value) == .pictograph
            {
                end += 1 + joined.width
            } else if UnicodeProperties.emojiPart(next.value) == .extender {
                end += next.width
            } else {
                break
            }
        }
        return end
    }

    /// The scalar at `offset` and its width in units; nil past the end or at an unpaired
    /// surrogate.
    private static func scalar(in units: UnsafeBufferPointer<UInt16>, at offset: Int) -> (value: UInt32, width: Int)? {
        guard offset < units.count else { return nil }
        let unit = UInt32(units[offset])
        guard (0xD800...0xDFFF).contains(unit) else { return (unit, 1) }
        guard unit < 0xDC00, offset + 1 < units.count, (0xDC00...0xDFFF).contains(units[offset + 1]) else {
            return nil
        }
        return (0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[offset + 1]) - 0xDC00), 2)
    }

    /// `breaks` for every four classes, indexed by `key`: asked once per pair of units,
    /// the rules' cases cost five times a lookup.
    private static let breakTable: [Bool] = {
        let all = Class.allCases
        var table = [Bool](repeating: true, count: classCount * classCount * classCount * classCount)
        for beforeLeft in all {
            for left in all {
                for right in all {
                    for afterRight in all {
                        table[key(beforeLeft.rawValue, left.rawValue, right.rawValue, afterRight.rawValue)] =
                            breaks(beforeLeft, left, right, afterRight)
                    }
                }
            }
        }
        return table
    }()

    private static let classCount = Class.allCases.count

    @inline(__always)
    private static func key(_ beforeLeft: UInt8, _ left: UInt8, _ right: UInt8, _ afterRight: UInt8) -> Int {
        ((Int(beforeLeft) * classCount + Int(left)) * classCount + Int(right)) * classCount + Int(afterRight)
    }

    /// Letter or numeric: their raw values are neighbours, so one comparison.
    @inline(__always)
    private static func isWordClass(_ kind: UInt8) -> Bool {
        kind &- Class.letter.rawValue <= Class.numeric.rawValue &- Class.letter.rawValue
    }

    /// Whether there is a break between `left` and `right`, with one class of context on
    /// either side (`.other` beyond the text): the rules, read into `breakTable`.
    private static func breaks(_ beforeLeft: Class, _ left: Class, _ right: Class, _ afterRight: Class) -> Bool {
        // The colon is no MidLetter: ICU's rules (CLDR's root) leave it out of words.
        func isMidLetterish(_ kind: Class) -> Bool { kind == .midNumLet || kind == .singleQuote }
        func isMidNumish(_ kind: Class) -> Bool { kind == .midNum || kind == .midNumLet || kind == .singleQuote }
        switch (left, right) {
        case (_, .joined): return false  // WB4, WB3c: within an emoji
        case (.cr, .lf): return false  // WB3
        case (.cr, _), (.lf, _), (.newline, _), (_, .cr), (_, .lf), (_, .newline): return true  // WB3a, WB3b
        case (.space, .space): return false  // WB3d
        // WB5, WB8, WB9, WB10
        case (.letter, .letter), (.letter, .numeric), (.numeric, .letter), (.numeric, .numeric): return false
        case (.letter, _) where isMidLetterish(right) && afterRight == .letter: return false  // WB6
        case (_, .letter) where isMidLetterish(left) && beforeLeft == .letter: return false  // WB7
        case (.numeric, _) where isMidNumish(right) && afterRight == .numeric: return false  // WB12
        case (_, .numeric) where isMidNumish(left) && beforeLeft == .numeric: return false  // WB11
        case (.letter, .extendNumLet), (.numeric, .extendNumLet), (.extendNumLet, .extendNumLet): return false  // WB13a
        case (.extendNumLet, .letter), (.extendNumLet, .numeric): return false  // WB13b
        default: return true  // WB999
        }
    }
}
