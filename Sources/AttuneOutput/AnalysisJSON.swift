import AttuneEngine

/// The `--format json` shape of an analysis, which scripts and later features rely on:
/// `{"text", "context", "score", "verdict", "findings": [...]}` plus `"bid"` (each finding
/// with `"replace": {"start", "end"}`, the sentence its suggestions replace), and
/// `"language": "other"` / `"context_language": "other"` for text that does not read as
/// English. Those two are left out for English, so English output is what it always
/// was, byte for byte.
extension Analysis {
    public func json() -> String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.output
    }

    /// Writes the analysis object's fields (without braces), so that batch output can
    /// add its own fields to the same object.
    public func writeFields(to writer: inout JSONWriter) {
        writer.field("text", text)
        writer.field("context", context)
        writer.field("score", score)
        writer.field("verdict", verdict.rawValue)
        writer.key("findings")
        writer.beginArray()
        // Borrowed in place: `for finding in` copied each one, a retain per string.
        for index in findings.indices { Self.write(findings[index], to: &writer) }
        writer.endArray()
        writer.field("rewrite", rewrite)
        writer.key("bid")
        if let bid {
            writer.beginObject()
            writer.field("kind", bid.kind.rawValue)
            writer.field("feelings", strings: bid.feelings)
            writer.endObject()
        } else {
            writer.null()
        }
        if language != .english { writer.field("language", language.rawValue) }
        if let contextLanguage, contextLanguage != .english {
            writer.field("context_language", contextLanguage.rawValue)
        }
    }

    private static func write(_ finding: borrowing Finding, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("rule", finding.rule)
        writer.field("category", finding.category.rawValue)
        writer.field("polarity", finding.polarity.rawValue)
        if let move = finding.move { writer.field("move", move.rawValue) }
        writer.field("start", finding.start)
        writer.field("end", finding.end)
        writer.field("excerpt", finding.excerpt)
        writer.field("message", finding.message)
        writer.field("suggestions", strings: finding.suggestions)
        writer.key("replace")
        writer.beginObject()
        writer.field("start", finding.replace.lowerBound)
        writer.field("end", finding.replace.upperBound)
        writer.endObject()
        writer.endObject()
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writeFields(to: &writer)
        writer.endObject()
    }
}
