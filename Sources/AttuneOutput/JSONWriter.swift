/// A small JSON writer that keeps keys in the documented order and escapes strings
/// exactly once; faster than `JSONEncoder` in batch hot paths and byte-stable.
///
/// It appends UTF-8 bytes to one growing buffer (`ByteBuffer`), so writing is linear in
/// the output: appending through a `String`'s scalar view copied everything written so
/// far each time, and a reply dense with findings took seconds per hundred kilobytes.
/// Not copyable, as its buffer is not: it is passed `inout`.
public struct JSONWriter: ~Copyable {
    private var bytes: ByteBuffer
    /// Whether the open object or array has a value, so the next one takes a comma. No
    /// stack of the enclosing levels' flags: a level is opened as a value of the one
    /// around it, so once it closes that one has a value (a stack of them, always true,
    /// was an allocation per batch line).
    private var needsComma = false

    /// What was written, as text; read it once, at the end.
    public var output: String { String(decoding: bytes.bytes, as: UTF8.self) }

    /// `capacity`: the bytes expected, so a writer of a batch's line seldom grows.
    public init(capacity: Int = 256) { bytes = ByteBuffer(capacity: capacity) }

    /// Appends what was written to `buffer`, in one copy.
    public func append(to buffer: inout [UInt8]) { buffer.append(contentsOf: bytes.bytes) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key spelled in the code, written as it is: the documented keys are plain ASCII,
    /// and scanning each for escapes was a tenth of writing a batch's output.
    public mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { $0.allSatisfy(Self.isPlainASCII) }, "a literal key needs no escaping")
        // `,"name":` written in place at once.
        let comma = needsComma
        name.withUTF8Buffer { name in
            let count = name.count
            bytes.append(upTo: count + 4) { key in
                let open = comma ? 1 : 0
                if comma { key[0] = UInt8(ascii: ",") }
                key[open] = UInt8(ascii: "\"")
                if let name = name.baseAddress { (key + open + 1).initialize(from: name, count: count) }
                key[open + 1 + count] = UInt8(ascii: "\"")
                key[open + 2 + count] = UInt8(ascii: ":")
                return open + count + 3
            }
        }
        keyWritten()
    }

    /// A key made at run time (a category's name), escaped as any string is.
    public mutating func key(text name: String) {
        comma()
        Self.appendQuoted(name, to: &bytes)
        endKey()
    }

    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        keyWritten()
    }

    /// A key and its colon are out: the value comes next, without a comma.
    private mutating func keyWritten() {
        needsComma = false
        pendingKey = true
    }

    public mutating func string(_ text: String?) {
        value()
        guard let text else { return append("null") }
        Self.appendQuoted(text, to: &bytes)
    }

    public mutating func number(_ number: Int) {
        value()
        Self.appendDecimal(number, to: &bytes)
    }

    public mutating func number(_ number: Double) {
        value()
        if number == number.rounded() && abs(number) < 1e15 {
            Self.appendDecimal(Int(number), to: &bytes)
        } else {
            append(String(number))
        }
    }

    /// A number, or `null` when there is none.
    public mutating func number(_ number: Double?) {
        if let number { self.number(number) } else { null() }
    }

    public mutating func bool(_ flag: Bool) { value(); append(flag ? "true" : "false") }
    public mutating func null() { value(); append("null") }

    // MARK: key-value shorthands

    public mutating func field(_ name: StaticString, _ text: String?) {
        key(name)
        string(text)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for text in strings { string(text) }
        endArray()
    }

    // MARK: helpers

    private var pendingKey = false

    private mutating func value() {
        if pendingKey {
            pendingKey = false
        } else {
            comma()
        }
        needsComma = true
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        value()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma = true
        bytes.append(bracket)
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// Appends the bytes of `text` as one block; punctuation is appended as single bytes.
    private mutating func append(_ text: String) { bytes.append(text) }

    /// An integer's decimal digits, written in place: `String(number)` built a string
    /// for each of a batch's offsets.
    static func appendDecimal(_ number: Int, to output: inout ByteBuffer) {
        // At most 20 digits and a sign. The magnitude as unsigned: `Int.min` has no
        // positive counterpart. Its digits come lowest first, so they are turned around.
        output.append(upTo: 21) { digits in
            var count = 0
            if number < 0 {
                digits[0] = UInt8(ascii: "-")
                count = 1
            }
            var magnitude = number.magnitude
            let start = count
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                count += 1
                magnitude /= 10
            } while magnitude > 0
            var (low, high) = (start, count - 1)
            while low < high {
                (digits[low], digits[high]) = (digits[high], digits[low])
                (low, high) = (low + 1, high - 1)
            }
            return count
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and
    /// U+2028 and U+2029 too, so the output is safe inside a script. Every escaped
    /// character is ASCII or those two (E2 80 A8/A9 in UTF-8), so bytes suffice.
    static func appendQuoted(_ text: String, to output: inout ByteBuffer) {
        // Read in place without a mutable copy: `withUTF8` on a copy retained and
        // released it, a third of the cost of quoting a batch line's short strings.
        if text.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0, to: &output) }) == nil {
            var text = text
            text.withUTF8 { appendQuoted(utf8: $0, to: &output) }
        }
    }

    /// `appendQuoted` over the string's own bytes: copying them first cost an array per
    /// string, and batch output writes several strings per turn.
    private static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        var index = 0
        var plainStart = 0
        while index < utf8.count {
            // Eight plain bytes at a time: most of a batch's output is plain text.
            if index + 8 <= utf8.count, !Self.mayNeedEscape(Self.word(utf8, at: index)) {
                index += 8
                continue
            }
            // Nearly every byte needs nothing: one test before the cases. The run before
            // an escape is copied whole.
            let byte = utf8[index]
            let mayEscape = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
            guard mayEscape, let (text, width) = Self.escape(utf8, at: index) else {
                index += 1
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
            output.append(text)
            index += width
            plainStart = index
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        output.append(UInt8(ascii: "\""))
    }

    /// The escape for the character at `index` and its width in bytes, or nil when it
    /// is written as it is.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        case 0xE2
        where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
            return (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default:
            return nil
        }
    }

    /// Eight bytes from `offset`, the first in the lowest byte.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether some byte of `word` is below 0x20, a quote, a backslash or 0xE2 (which
    /// starts U+2028 and U+2029): the bytes `appendQuoted` looks at. Exact as a whole
    /// (the classic "has a zero byte" and "has a byte less than" tests).
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0xE2))
    }
}
