import AttuneEngine

/// The reply cut into plain and flagged pieces, for every report that marks spans.
/// Findings are taken in order of their start; one that overlaps an earlier span is
/// listed but not marked again.
public struct HighlightSegment: Sendable {
    public var text: String
    /// The finding marking this piece, and its index in `Analysis.findings`.
    public var finding: (index: Int, finding: Finding)?
}

extension Analysis {
    public var highlightSegments: [HighlightSegment] {
        let scalars = Array(text.unicodeScalars)
        var segments: [HighlightSegment] = []
        var cursor = 0
        let slice = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
        let ordered = findings.enumerated().sorted { $0.element.start < $1.element.start }
        for (index, finding) in ordered where finding.start >= cursor && finding.end > finding.start {
            if finding.start > cursor { segments.append(HighlightSegment(text: slice(cursor..<finding.start))) }
            segments.append(HighlightSegment(text: slice(finding.start..<finding.end), finding: (index, finding)))
            cursor = finding.end
        }
        if cursor < scalars.count || segments.isEmpty {
            segments.append(HighlightSegment(text: slice(cursor..<scalars.count)))
        }
        return segments
    }
}
