/// Example texts mark the expected span as `[like this]`.
enum ExampleSpan {
    /// The text without markers and the marked UTF-16 range; nil when the markers are malformed.
    static func parse(_ marked: String) -> (text: String, span: Range<Int>?)? {
        let opens = marked.filter { $0 == "[" }.count
        let closes = marked.filter { $0 == "]" }.count
        if opens == 0 && closes == 0 { return (marked, nil) }
        guard opens == 1, closes == 1, let open = marked.firstIndex(of: "["), let close = marked.firstIndex(of: "]"),
            open < close
        else { return nil }
        let before = marked[..<open]
        let inside = marked[marked.index(after: open)..<close]
        let after = marked[marked.index(after: close)...]
        let start = before.utf16.count
        return (String(before + inside + after), start..<(start + inside.utf16.count))
    }
}
