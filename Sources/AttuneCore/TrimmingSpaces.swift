extension StringProtocol {
    /// Without the spaces and tabs at either end.
    package func trimmingSpaces() -> SubSequence {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = firstIndex(where: isText), let last = lastIndex(where: isText) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
