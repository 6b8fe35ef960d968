/// Folds typographic variants that NFKC leaves alone, in place and one UTF-16 unit
/// for one, so offsets into the folded text are offsets into the original.
enum TypographyFolding {
    /// `units` folded. Most replies have nothing to fold (the one ASCII unit folded is
    /// the backtick): they are returned as they are, sharing the caller's storage, where
    /// folding a copy allocated one per reply.
    static func folded(_ units: [UInt16]) -> [UInt16] {
        guard mayFold(units) else { return units }
        var units = units
        fold(&units)
        return units
    }

    private static func fold(_ units: inout [UInt16]) {
        for index in units.indices {
            switch units[index] {
            case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0xFF07, 0x0060, 0x00B4:
                units[index] = 0x27  // '
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0xFF02:
                units[index] = 0x22  // "
            case 0x2010, 0x2011, 0x2012, 0x2212, 0xFE63, 0xFF0D:
                units[index] = 0x2D  // -  (en and em dashes stay: they separate clauses)
            default:
                break
            }
        }
    }

    /// Whether `fold` may change a unit: a backtick, or a unit from « (U+00AB) up. Every
    /// unit is read, without an early exit, so the loop runs many units at a time.
    private static func mayFold(_ units: [UInt16]) -> Bool {
        units.withUnsafeBufferPointer { units in
            var found: UInt16 = 0
            for unit in units { found |= (unit == 0x60 ? 1 : 0) | (unit >= 0xAB ? 1 : 0) }
            return found != 0
        }
    }
}
