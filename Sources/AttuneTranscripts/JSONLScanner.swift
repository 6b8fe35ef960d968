/// Reads a JSONL record's fields straight from the line's UTF-8 bytes, in one pass:
/// `JSONDecoder` costs a `Data` copy, a parse into its own tree and a `String` per key
/// for every record, on the one thread that reads the input for all the workers.
///
/// It reads only lines it can read exactly as `JSONDecoder` would: one valid JSON
/// object whose known keys appear once, with string or null values (and plain integer
/// labels). Anything else (any error, a duplicate or escaped key, a label with a
/// fraction or an exponent, a lone surrogate, nesting deeper than `maximumDepth`) gives
/// nil, and the caller asks `JSONDecoder`, so errors and edge cases keep its messages.
struct JSONLScanner {
    /// Values under unknown keys nested deeper than this are left to `JSONDecoder`.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record on `line`, or nil when it is not the plain case.
    static func record(in line: UnsafeBufferPointer<UInt8>) -> JSONLRecord? {
        var scanner = JSONLScanner(line)
        return scanner.object()
    }

    /// The keys this format reads, one bit each, to catch a key given twice.
    private enum Field: UInt8 {
        case id = 1, speaker = 2, speakerID = 4, text = 8, context = 16, conversation = 32, startTime = 64

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 2 where Self.is(key, "id"): self = .id
            case 4 where Self.is(key, "text"): self = .text
            case 7 where Self.is(key, "speaker"): self = .speaker
            case 7 where Self.is(key, "context"): self = .context
            case 10 where Self.is(key, "speaker_id"): self = .speakerID
            case 10 where Self.is(key, "start_time"): self = .startTime
            case 12 where Self.is(key, "conversation"): self = .conversation
            default: return nil
            }
        }

        /// Compared as two buffers: against a `String`'s UTF-8 view, the generic
        /// comparison cost about 270 instructions a key.
        private static func `is`(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            name.withUTF8Buffer { $0.elementsEqual(key) }
        }
    }

    private mutating func object() -> JSONLRecord? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var record = JSONLRecord(text: "")
        var seen: UInt8 = 0
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                guard let key = plainKey() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                if let field = Field(key) {
                    guard seen & field.rawValue == 0, read(field, into: &record) else { return nil }
                    seen |= field.rawValue
                } else {
                    guard skipValue(depth: 1) else { return nil }
                }
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        guard index == bytes.count, seen & Field.text.rawValue != 0 else { return nil }
        return record
    }

    /// One known field's value; false when it is not one the scanner reads.
    private mutating func read(_ field: Field, into record: inout JSONLRecord) -> Bool {
        switch field {
        case .text:
            guard let text = string() else { return false }
            record.text = text
        case .speaker:
            guard let value = stringOrNull() else { return false }
            record.speaker = value
        case .context:
            guard let value = stringOrNull() else { return false }
            record.context = value
            record.hasContext = true
        case .id, .speakerID, .conversation, .startTime:
            guard let value = label() else { return false }
            switch field {
            case .id: record.id = value
            case .speakerID: record.speakerID = value
            case .conversation: record.conversation = value
            default: record.startTime = value
            }
        }
        return true
    }

    // MARK: values

    /// A string, or `.some(nil)` for null; nil for anything else.
    private mutating func stringOrNull() -> String?? {
        if takeLiteral("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A label: a string, null, or an integer read as its digits (`String(Int)`, as the
    /// decoder does); a number with a fraction or exponent is left to the decoder.
    private mutating func label() -> String?? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]) else {
            return stringOrNull()
        }
        let start = index
        guard skipNumber(), let number = Int(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            return nil
        }
        return .some(String(number))
    }

    /// A key without escapes, as its bytes.
    private mutating func plainKey() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// A string's value, escapes decoded; nil when it is not a string or not one the
    /// scanner decodes exactly as the decoder would.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // The common case: no escapes, so the bytes are the value.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { return nil }
            index += 1
        }
        var value = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard appendEscape(to: &value) else { return nil }
            case 0..<0x20:
                return nil
            default:
                value.append(byte)
            }
        }
        return nil
    }

    /// The escape after a backslash, as UTF-8.
    private mutating func appendEscape(to value: inout [UInt8]) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): value.append(byte)
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return false }
            var scalarValue = UInt32(unit)
            if (0xD800..<0xDC00).contains(unit) {
                // A high surrogate must be followed by an escaped low one.
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                    (0xDC00..<0xE000).contains(low)
                else { return false }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { return false }
            value.append(contentsOf: UTF8.encode(scalar)!)
        default:
            return false
        }
        return true
    }

    private mutating func hex4() -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    // MARK: skipping what the record does not read

    /// Any JSON value, checked but not kept.
    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count, depth <= Self.maximumDepth else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"): return skipContainer(closedBy: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): return skipContainer(closedBy: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "t"): return takeLiteral("true")
        case UInt8(ascii: "f"): return takeLiteral("false")
        case UInt8(ascii: "n"): return takeLiteral("null")
        default: return skipNumber()
        }
    }

    private mutating func skipContainer(closedBy close: UInt8, keyed: Bool, depth: Int) -> Bool {
        index += 1
        skipSpace()
        if take(close) { return true }
        repeat {
            skipSpace()
            if keyed {
                guard string() != nil else { return false }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipSpace()
            }
            guard skipValue(depth: depth + 1) else { return false }
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(close)
    }

    /// A number as JSON writes one: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // No leading zeros.
        } else {
            guard skipDigits() else { return false }
        }
        if take(UInt8(ascii: ".")) { guard skipDigits() else { return false } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() else { return false }
        }
        return true
    }

    /// One or more digits.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }

    // MARK: bytes

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard bytes[index..<index + count].elementsEqual(expected) else { return false }
        index += count
        return true
    }
}
