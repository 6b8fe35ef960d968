/// Visits every element of a pattern, depth first.
package enum PatternWalker {
    package static func visit(_ elements: [PatternElement], _ body: (PatternElement) -> Void) {
        for element in elements {
            body(element)
            switch element {
            case .group(let alternatives): alternatives.forEach { visit($0, body) }
            case .capture(_, let inner): visit(inner, body)
            case .optional(let inner): visit([inner], body)
            default: break
            }
        }
    }
}
