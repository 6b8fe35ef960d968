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

    /// A run of bytes, as `writeRaw` writes `[UInt8]`.
    @inlinable package mutating func writeRaw(_ run: UnsafeRawBufferPointer) {
        write(run.count)
        bytes.append(contentsOf: run)
    }

    /// A run of fixed-width integers, copied as they lie in memory (little-endian here).
    @inlinable package mutating func writeRaw<T: FixedWidthInteger>(_ values: [T]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// The bytes an archive is read from, held for as long as a value read from them
/// (`Deferred`) may still need them: the built-in rules where the binary keeps them,
/// never copied, or a copy of a file's bytes.
@usableFromInline package final class ArchiveBytes: @unchecked Sendable {  // immutable after `init`
    @usableFromInline let buffer: UnsafeRawBufferPointer
    private let owned: Bool

    /// Bytes that outlive every reader, such as a constant of the binary.
    package init(unowned buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        owned = false
    }

    package init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        buffer = UnsafeRawBufferPointer(copy)
        owned = true
    }

    deinit { if owned { buffer.deallocate() } }
}

@usableFromInline package struct ArchiveReader {
    @usableFromInline let source: ArchiveBytes
    @usableFromInline let bytes: UnsafeRawBufferPointer
    /// Where the next value starts, from the start of `source`.
    @usableFromInline package internal(set) var offset: Int
    /// Where the reader's run ends.
    @usableFromInline let end: Int
    @usableFromInline var interned: [String] = []

    /// Reads `range` of `source` (all of it by default).
    @inlinable package init(_ source: ArchiveBytes, range: Range<Int>? = nil) {
        // The reads below check against `end` only: a run must lie inside its bytes.
        precondition(range.map { $0.lowerBound >= 0 && $0.upperBound <= source.buffer.count } ?? true)
        self.source = source
        bytes = source.buffer
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? source.buffer.count
    }

    package init(_ bytes: [UInt8]) { self.init(ArchiveBytes(copying: bytes)) }

    package var isAtEnd: Bool { offset == end }

    /// The bytes not read yet.
    package var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset..<end]) }

    /// Skips a run of `count` bytes, returning where it lies in `source`.
    @inlinable package mutating func skip(count: Int) -> Range<Int> {
        defer { offset += count }
        return offset..<offset + count
    }

    @inlinable package mutating func readInt() throws(ArchiveError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw ArchiveError("cut short") }
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
        guard offset < end else { throw ArchiveError("cut short") }
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
        guard end - offset >= 8 else { throw ArchiveError("cut short") }
        var word: UInt64 = 0
        for index in (0..<8).reversed() { word = word << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return word
    }

    @inlinable package mutating func readString() throws(ArchiveError) -> String {
        let count = try readCount(elementSize: 1)
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
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
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count * size]))
            initialized = count
        }
        offset += count * size
        return values
    }

    /// A run written by `writeRaw`, left in place: the bytes that hold it (alive as
    /// long as the caller keeps them), where it starts, and how many values it has.
    package mutating func readRawInPlace(elementSize: Int) throws(ArchiveError) -> (
        source: ArchiveBytes, base: UnsafeRawPointer?, count: Int
    ) {
        let count = try readCount(elementSize: elementSize)
        defer { offset += count * elementSize }
        return (source, bytes.baseAddress.map { $0 + offset }, count)
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
        guard count >= 0, count <= (end - offset) / max(elementSize, 1) else {
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
