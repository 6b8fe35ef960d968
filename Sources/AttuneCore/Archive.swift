/// A compact binary form of compiled rules, so that `attune` starts without parsing
/// YAML or building automata: the built-in rules are compiled at build time, and rule
/// packs once per content (see `CompiledEngineCache`).
///
/// The format is private to one attune version: integers are zigzag varints, arrays of
/// `Int32` and `UInt64` are raw little-endian runs (the automata are mostly those), and
/// every value is written in a fixed order by its type's `archive(into:)`. A reader
/// checks every length against the bytes left, so a damaged file is an error, never a crash.
@usableFromInline package protocol Archivable {
    func archive(into writer: inout ArchiveWriter)
    init(from reader: inout ArchiveReader) throws(ArchiveError)
}

/// A compiled file that cannot be read: damaged, cut short or from another version.
@usableFromInline package struct ArchiveError: Error, Equatable, CustomStringConvertible {
    @usableFromInline package var reason: String
    @inlinable package init(_ reason: String) { self.reason = reason }
    @usableFromInline package var description: String { "compiled rules cannot be read: \(reason)" }
}

@usableFromInline package struct ArchiveWriter {
    @usableFromInline package internal(set) var bytes: [UInt8] = []
    /// Strings written with `writeInterned`, by their index: each file path once.
    @usableFromInline var interned: [String: Int] = [:]

    @inlinable package init() {}

    @inlinable package mutating func write(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    @inlinable package mutating func write(_ value: Int32) { write(Int(value)) }
    @inlinable package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    @inlinable package mutating func write(_ value: Double) { writeWord(value.bitPattern) }

    /// Eight bytes, little-endian.
    @inlinable package mutating func writeWord(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inlinable package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    @inlinable package mutating func write<T: Archivable>(_ value: T) { value.archive(into: &self) }

    /// A string that recurs (a file path in every location): its text the first time,
    /// its index after that, so reading it back allocates it once.
    @inlinable package mutating func writeInterned(_ value: String) {
        if let index = interned[value] {
            write(index)
        } else {
            write(-1)
            write(value)
            interned[value] = interned.count
        }
    }

    /// Mostly-zero words (the automata's bit sets over the vocabulary): the count, then
    /// each non-zero word after the number of zero words before it.
    @inlinable package mutating func writeSparse(_ words: [UInt64]) {
        write(words.count)
        write(words.count { $0 != 0 })
        var zeros = 0
        for word in words {
            if word == 0 {
                zeros += 1
            } else {
                write(zeros)
                writeWord(word)
                zeros = 0
            }
        }
    }

    /// 32-bit integers as varints of their differences: offsets grow by little and
    /// automaton targets point near their state, so most take one or two bytes.
    @inlinable package mutating func writeCompact(_ values: [Int32]) {
        write(values.count)
        var previous: Int32 = 0
        for value in values {
            write(Int(value) - Int(previous))
            previous = value
        }
    }

    /// A run of fixed-width integers, copied as they lie in memory (little-endian here).
    @inlinable package mutating func writeRaw<T: FixedWidthInteger>(_ values: [T]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

@usableFromInline package struct ArchiveReader {
    @usableFromInline let bytes: [UInt8]
    /// How many bytes have been read.
    @usableFromInline package internal(set) var offset = 0
    @usableFromInline var interned: [String] = []

    @inlinable package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var isAtEnd: Bool { offset == bytes.count }

    @inlinable package mutating func readInt() throws(ArchiveError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw ArchiveError("cut short") }
            guard shift < 64 else { throw ArchiveError("an integer is too long") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    @inlinable package mutating func readInt32() throws(ArchiveError) -> Int32 {
        let value = try readInt()
        guard let narrow = Int32(exactly: value) else { throw ArchiveError("a 32-bit value out of range") }
        return narrow
    }

    @inlinable package mutating func readBool() throws(ArchiveError) -> Bool {
        guard offset < bytes.count else { throw ArchiveError("cut short") }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw ArchiveError("a flag is neither 0 nor 1")
        }
    }

    @inlinable package mutating func readDouble() throws(ArchiveError) -> Double {
        Double(bitPattern: try readWord())
    }

    /// Eight bytes written by `writeWord`.
    @inlinable package mutating func readWord() throws(ArchiveError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw ArchiveError("cut short") }
        var word: UInt64 = 0
        for index in (0..<8).reversed() { word = word << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return word
    }

    @inlinable package mutating func readString() throws(ArchiveError) -> String {
        let count = try readCount(elementSize: 1)
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    @inlinable package mutating func read<T: Archivable>() throws(ArchiveError) -> T { try T(from: &self) }

    @inlinable package mutating func readInterned() throws(ArchiveError) -> String {
        let index = try readInt()
        if index == -1 {
            interned.append(try readString())
            return interned[interned.count - 1]
        }
        guard index >= 0, index < interned.count else { throw ArchiveError("a shared string is missing") }
        return interned[index]
    }

    @inlinable package mutating func readRaw<T: FixedWidthInteger>() throws(ArchiveError) -> [T] {
        let size = MemoryLayout<T>.size
        let count = try readCount(elementSize: size)
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count * size]))
            }
            initialized = count
        }
        offset += count * size
        return values
    }

    /// Integers written by `writeCompact`.
    @inlinable package mutating func readCompact() throws(ArchiveError) -> [Int32] {
        let count = try readCount(elementSize: 1)
        // The automata are mostly these: one tight pass over the bytes, checked as it goes.
        var failure: ArchiveError?
        var position = offset
        let values = bytes.withUnsafeBufferPointer { bytes in
            [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                var previous: Int64 = 0
                for index in 0..<count {
                    var result: UInt64 = 0
                    var shift: UInt64 = 0
                    while true {
                        guard position < bytes.count, shift < 64 else {
                            failure = ArchiveError("cut short")
                            initialized = index
                            return
                        }
                        let byte = bytes[position]
                        position += 1
                        result |= UInt64(byte & 0x7F) << shift
                        if byte < 0x80 { break }
                        shift += 7
                    }
                    previous &+= Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
                    guard let value = Int32(exactly: previous) else {
                        failure = ArchiveError("a 32-bit value out of range")
                        initialized = index
                        return
                    }
                    buffer[index] = value
                }
                initialized = count
            }
        }
        if let failure { throw failure }
        offset = position
        return values
    }

    /// Words written by `writeSparse`.
    @inlinable package mutating func readSparse() throws(ArchiveError) -> [UInt64] {
        let count = try readInt()
        let runs = try readCount(elementSize: 2)
        guard count >= 0, count <= 1 << 28 else { throw ArchiveError("a bit set is too large") }
        var words = [UInt64](repeating: 0, count: count)
        var index = 0
        for _ in 0..<runs {
            index += try readInt()
            let word = try readWord()
            guard index >= 0, index < count else { throw ArchiveError("a bit set runs past its end") }
            words[index] = word
            index += 1
        }
        return words
    }

    /// A count of elements that the bytes left can hold, each at least `elementSize` bytes.
    @inlinable package mutating func readCount(elementSize: Int) throws(ArchiveError) -> Int {
        let count = try readInt()
        guard count >= 0, count <= (bytes.count - offset) / max(elementSize, 1) else {
            throw ArchiveError("a length runs past the end")
        }
        return count
    }

    /// A value of a `String`-backed enum, checked against its cases.
    @inlinable package mutating func readCase<T: RawRepresentable>() throws(ArchiveError) -> T
    where T.RawValue == String {
        let raw = try readString()
        guard let value = T(rawValue: raw) else { throw ArchiveError("unknown value '\(raw)'") }
        return value
    }
}

extension Int: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readInt() }
}

extension Int32: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readInt32() }
}

extension Bool: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readBool() }
}

extension Double: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readDouble() }
}

extension String: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readString() }
}

extension Array: Archivable where Element: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) {
        writer.write(count)
        for value in self { value.archive(into: &writer) }
    }

    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.readCount(elementSize: 1)
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension Optional: Archivable where Wrapped: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) {
        writer.write(self != nil)
        self?.archive(into: &writer)
    }

    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self = try reader.readBool() ? try Wrapped(from: &reader) : nil
    }
}

/// Sets and dictionaries are written sorted, so the same rules always give the same bytes.
extension Set: Archivable where Element: Archivable & Comparable {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(sorted()) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self = Set(try reader.read() as [Element])
    }
}

extension Dictionary: Archivable where Key: Archivable & Comparable, Value: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) {
        writer.write(count)
        for key in keys.sorted() {
            writer.write(key)
            writer.write(self[key]!)
        }
    }

    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.readCount(elementSize: 2)
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let key: Key = try reader.read()
            self[key] = try reader.read() as Value
        }
    }
}

extension SourceLocation: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) {
        writer.writeInterned(file)
        writer.write(line)
        writer.write(column)
    }

    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(file: try reader.readInterned(), line: try reader.readInt(), column: try reader.readInt())
    }
}

extension Diagnostic: Archivable {
    @inlinable package func archive(into writer: inout ArchiveWriter) {
        writer.write(severity.rawValue)
        writer.write(location)
        writer.write(message)
    }

    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(try reader.readCase(), try reader.read(), try reader.read())
    }
}

/// The rule vocabulary's enums travel as their names.
extension Category: Archivable {}
extension BidKind: Archivable {}
extension AttuneComponent: Archivable {}
extension Move: Archivable {}

extension Archivable where Self: RawRepresentable, RawValue == String {
    @inlinable package func archive(into writer: inout ArchiveWriter) { writer.write(rawValue) }
    @inlinable package init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.readCase() }
}

/// Base64, for carrying compiled rules inside Swift source.
@usableFromInline package enum Base64 {
    @usableFromInline static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    @inlinable package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = UInt32(bytes[index])
            let b = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let c = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = a << 16 | b << 8 | c
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inlinable package static func decode(_ text: String) throws(ArchiveError) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        // Two characters per lookup: their 12 bits, or bit 15 when either is not base64.
        // The compiled rules are megabytes of base64, read at every start.
        var pairs = [UInt16](repeating: 0x8000, count: 1 << 16)
        for first in alphabet {
            for second in alphabet {
                pairs[Int(first) << 8 | Int(second)] = UInt16(table[Int(first)]) << 6 | UInt16(table[Int(second)])
            }
        }
        var text = text
        // Read in place (a literal's bytes are not copied); nil for text that is not base64.
        let decoded = text.withUTF8 { utf8 -> [UInt8]? in
            if utf8.isEmpty { return [] }
            guard utf8.count % 4 == 0, let base = utf8.baseAddress else { return nil }
            let padding = (utf8[utf8.count - 1] == 61 ? 1 : 0) + (utf8[utf8.count - 2] == 61 ? 1 : 0)
            let length = utf8.count / 4 * 3 - padding
            var invalid: UInt16 = 0
            var invalidLast: UInt8 = 0
            let out = table.withUnsafeBufferPointer { table in
                pairs.withUnsafeBufferPointer { pairs in
                    [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                        let target = buffer.baseAddress!
                        // Whole quads first; the last one may hold padding.
                        let quads = utf8.count / 4 - (padding > 0 ? 1 : 0)
                        for quad in 0..<quads {
                            let high = pairs[Int(base[quad * 4]) << 8 | Int(base[quad * 4 + 1])]
                            let low = pairs[Int(base[quad * 4 + 2]) << 8 | Int(base[quad * 4 + 3])]
                            invalid |= (high | low) & 0x8000
                            let bits = UInt32(high) << 12 | UInt32(low)
                            target[quad * 3] = UInt8(truncatingIfNeeded: bits >> 16)
                            target[quad * 3 + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                            target[quad * 3 + 2] = UInt8(truncatingIfNeeded: bits)
                        }
                        if padding > 0 {
                            let last = utf8.count - 4
                            let a = table[Int(base[last])]
                            let b = table[Int(base[last + 1])]
                            let c = padding == 1 ? table[Int(base[last + 2])] : 0
                            invalidLast = (a | b | c) & 0x80
                            target[quads * 3] = a << 2 | b >> 4
                            if padding == 1 { target[quads * 3 + 1] = b << 4 | c >> 2 }
                        }
                        initialized = length
                    }
                }
            }
            return invalid == 0 && invalidLast == 0 ? out : nil
        }
        guard let decoded else { throw ArchiveError("not base64") }
        return decoded
    }
}
