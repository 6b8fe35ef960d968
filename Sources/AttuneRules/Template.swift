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
