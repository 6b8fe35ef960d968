/// The `--format json` shape of an analysis, which scripts and later features rely on:
/// `{"text", "context", "score", "verdict", "findings": [...]}` plus `"bid"`.
extension Analysis {
    public func json() -> String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.output
    }

    /// Writes the analysis object's fields (without braces), so that batch output can
    /// add its own fields to the same object.
    public func writeFields(to writer: inout JSONWriter) {
        writer.key("text")
        writer.string(text)
        writer.key("context")
        writer.string(context)
        writer.key("score")
        writer.number(score)
        writer.key("verdict")
        writer.string(verdict.rawValue)
        writer.key("findings")
        writer.beginArray()
        for finding in findings {
            writer.beginObject()
            writer.key("rule")
            writer.string(finding.rule)
            writer.key("category")
            writer.string(finding.category.rawValue)
            writer.key("polarity")
            writer.string(finding.polarity.rawValue)
            writer.key("start")
            writer.number(finding.start)
            writer.key("end")
            writer.number(finding.end)
            writer.key("excerpt")
            writer.string(finding.excerpt)
            writer.key("message")
            writer.string(finding.message)
            writer.key("suggestions")
            writer.beginArray()
            for suggestion in finding.suggestions { writer.string(suggestion) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("bid")
        if let bid {
            writer.beginObject()
            writer.key("kind")
            writer.string(bid.kind.rawValue)
            writer.key("feelings")
            writer.beginArray()
            for feeling in bid.feelings { writer.string(feeling) }
            writer.endArray()
            writer.endObject()
        } else {
            writer.null()
        }
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writeFields(to: &writer)
        writer.endObject()
    }
}
