/// Text with `{name}` placeholders, as in rule suggestions and `Rules/rewrites.yaml`.
public enum Template {
    /// The placeholder names in `text`, in order.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `text` with every placeholder filled, in sentence case; nil when a value is missing,
    /// so a caller falls back to a plain text rather than show a hole.
    public static func fill(_ text: String, _ values: [String: String]) -> String? {
        // An ASCII template, as they nearly all are, read as bytes: each byte is a
        // character there, and reading it by characters was most of a rewrite's filling.
        // Its bytes tested in place: the UTF-8 view's iterator cost a dozen instructions
        // a byte.
        var text = text
        guard text.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) else { return fillByCharacters(text, values) }
        var result: [UInt8] = []
        let filled = text.withUTF8 { bytes in
            var start = 0
            while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")),
                let close = bytes[open...].firstIndex(of: UInt8(ascii: "}"))
            {
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                guard let value = values[name], !value.isEmpty else { return false }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<open]))
                result.append(contentsOf: value.utf8)
                start = close + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return true
        }
        return filled ? sentenceCase(String(decoding: result, as: UTF8.self)) : nil
    }

    /// `fill` for a template with other characters: a `{` may carry a combining mark.
    /// Package-visible for the test that holds both readings to the same results.
    package static func fillByCharacters(_ text: String, _ values: [String: String]) -> String? {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            guard let value = values[String(rest[rest.index(after: open)..<close])], !value.isEmpty else { return nil }
            result += rest[..<open] + value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return sentenceCase(result)
    }

    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
