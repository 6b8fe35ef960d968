/// Finds where UTF-8 goes wrong, for an error message a person can act on.
public enum UTF8Validation {
    public static func firstInvalidByte<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Count the bytes of each decoded scalar to find the offset of the first error.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
