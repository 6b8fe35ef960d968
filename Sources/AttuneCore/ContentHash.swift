/// A 128-bit hash of bytes (two FNV-1a lanes with different offsets and primes), for
/// naming and checking compiled rules in the cache. Not cryptographic: it guards against
/// stale and damaged files, not against someone who writes to the user's own cache.
package struct ContentHash {
    private var low: UInt64 = 0xcbf2_9ce4_8422_2325
    private var high: UInt64 = 0x6c62_272e_07bb_0142

    package init() {}

    package mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte)) &* 0x0000_0001_0000_0193_1
        }
    }

    /// A string, its length first, so that ("ab", "c") and ("a", "bc") differ.
    package mutating func combine(_ text: String) {
        combine(String(text.utf8.count).utf8)
        combine([0])
        combine(text.utf8)
    }

    package var hex: String {
        [high, low].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
