import Foundation

/// SplitMix64: a fixed seed gives the same inputs on every run and every machine, so a
/// failing property test or fuzz pass fails again the same way.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs for the seeded fuzz pass: the checked-in seed corpus of a target, and
/// mutations of it of the kinds libFuzzer makes (flipped, inserted, erased and copied
/// bytes, splices of two seeds, runs of one piece).
struct SeedMutator {
    let seeds: [[UInt8]]
    var random: SeededGenerator

    /// Interesting bytes and pieces: line ends, quotes, separators, invalid UTF-8, NUL.
    static let pieces: [[UInt8]] = [
        [0x0A], [0x0D, 0x0A], [0x22], [0x27], [0x2C], [0x3A], [0x2E], [0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80],
        Array("…".utf8), Array("\u{200D}".utf8), Array("😢".utf8), Array(" --> ".utf8), Array("WEBVTT\n".utf8),
        Array("_{".utf8), Array("(".utf8), Array(")".utf8), Array("|".utf8), Array("@you".utf8), Array("[".utf8),
        Array("]".utf8), Array("{w: ".utf8), Array("}".utf8), Array("<?>".utf8), Array("&a ".utf8), Array("*a".utf8),
        Array("- ".utf8), Array("  ".utf8), Array("you should ".utf8), Array("she said ".utf8), Array("A: ".utf8),
    ]

    /// The seeds of `target` in Fuzz/Corpus.
    static func seeds(of target: String) throws -> [[UInt8]] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    mutating func next() -> [UInt8] {
        var bytes = seeds[Int.random(in: 0..<seeds.count, using: &random)]
        for _ in 0..<Int.random(in: 1...6, using: &random) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where at < bytes.count:
            bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:
            bytes.insert(contentsOf: Self.pieces.randomElement(using: &random)!, at: at)
        case 2 where at < bytes.count:
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
        case 3:
            let other = seeds.randomElement(using: &random)!
            let from = Int.random(in: 0...other.count, using: &random)
            bytes = Array(bytes[..<at]) + other[from...]
        case 4:
            let piece = Self.pieces.randomElement(using: &random)!
            bytes.insert(
                contentsOf: Array([[UInt8]](repeating: piece, count: Int.random(in: 2...40, using: &random)).joined()),
                at: at)
        case 5:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
        default:
            guard at < bytes.count else { return }
            let length = min(bytes.count - at, Int.random(in: 1...32, using: &random))
            bytes.insert(contentsOf: bytes[at..<(at + length)], at: Int.random(in: 0...bytes.count, using: &random))
        }
    }
}
