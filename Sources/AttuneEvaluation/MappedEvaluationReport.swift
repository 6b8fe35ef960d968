import AttuneCore
import AttuneLoading
import AttuneOutput
import Foundation

/// How `attune eval --mapping` prints a mapped evaluation, as text or JSON.
extension MappedEvaluation {
    private static let short: [Category: String] = [
        .fixing: "fixing", .minimizing: "minim.", .defensiveness: "defens.", .withdrawal: "withdr.",
        .validating: "valid.",
    ]

    public func text() -> String {
        let pad = CorpusEvaluation.pad
        let figure = { (value: Double?) in value.map(CorpusEvaluation.figure) ?? "-" }
        var out = "\(corpus), mapped by \(mapping.file)" + (split == .all ? "" : ", split \(split.rawValue)") + "\n"
        out +=
            "\(rowsRead) rows read, \(selected) selected\(split == .all ? "" : " in the \(split.rawValue) part"): "
            + "\(analysed) analysed (\(coded) coded, \(uncoded) with no code), "
            + (errors.count == 1 ? "1 error\n" : "\(errors.count) errors\n")

        out += "\nPer code (agree: a finding of the expected category; for 'not C', no C finding; for "
        out += "no_misattunement, no misattuned finding)\n"
        let width = max(22, (codes.map(\.name.count).max() ?? 0) + 2)
        out += pad("code", width) + pad("expects", 18) + pad("rows", 7) + pad("agree", 7)
        out += Category.allCases.map { pad(Self.short[$0]!, 8) }.joined() + "score\n"
        for code in codes {
            out += pad(code.name, width) + pad(code.expect.description, 18) + pad(String(code.rows), 7)
            out += pad(figure(code.agreement), 7) + Category.allCases.map { pad(figure(code.share($0)), 8) }.joined()
            out += (code.meanScore.map { String(format: "%.1f", $0) } ?? "-") + "\n"
        }

        if !scores.isEmpty {
            out += "\nPer category (positives: rows whose code expects it; negatives: rows of the other codes)\n"
            out += "category        precision  recall    F1      tp    fp    fn\n"
            for category in Category.allCases {
                guard let score = scores[category] else { continue }
                out += pad(category.rawValue, 16) + pad(figure(score.precision), 11) + pad(figure(score.recall), 10)
                out += pad(figure(score.f1), 8) + pad(String(score.truePositives), 6)
                out += pad(String(score.falsePositives), 6) + String(score.falseNegatives) + "\n"
            }
        }

        let kappa = self.kappa
        out += "\nCohen's kappa \(figure(kappa.value)) over \(coded) coded rows (observed agreement "
        out += "\(figure(kappa.observed)), chance \(figure(kappa.chance)))\n"
        out += "  attune's category: its heaviest finding's, none without findings; the code's: what it expects, "
        out += "none for 'not C' and no_misattunement\n"
        let table = { (head: String, cells: [String]) in
            "  " + pad(head, 18) + cells.dropLast().map { pad($0, 8) }.joined() + (cells.last ?? "") + "\n"
        }
        out += table("code ↓ attune →", Self.labels.map(Self.label))
        for (index, row) in confusion.enumerated() where row.reduce(0, +) > 0 {
            out += table(Self.label(Self.labels[index]), row.map(String.init))
        }

        if let group = mapping.group {
            let when = group.when.isEmpty ? "" : " (rows where \(describe(group.when)))"
            out += "\nMean score by \(mapping.fields[group.field])\(when)\n"
            let valueWidth = max(8, (groups.map(\.value.count).max() ?? 0) + 2)
            out += "  " + pad("value", valueWidth) + pad("rows", 8) + pad("score", 8) + "misattuned  validating\n"
            for result in groups {
                out += "  " + pad(result.value.isEmpty ? "(empty)" : result.value, valueWidth)
                out += pad(String(result.rows), 8) + pad(String(format: "%.1f", result.meanScore), 8)
                out += pad(figure(Double(result.misattuned) / Double(result.rows)), 12)
                out += figure(Double(result.validating) / Double(result.rows)) + "\n"
            }
        }

        out += "\nErrors (\(errors.count))\n"
        for error in errors { out += "  \(corpus):\(Self.place(error.line, error.turn))  \(error.message)\n" }

        out += "\nMisses (at most \(missesPerCode) listed per code)\n"
        for code in codes where code.missCount > 0 {
            out += "  \(code.name): \(code.missCount) of \(code.rows) rows \(Self.missing(code.expect))\n"
            for miss in code.misses {
                let found =
                    miss.found.isEmpty
                    ? "nothing found"
                    : miss.found.map { "\($0.category.rawValue) \"\($0.excerpt)\" (\($0.rule))" }.joined(
                        separator: ", ")
                out += "    \(corpus):\(Self.place(miss.line, miss.turn))  score \(miss.score), \(found)\n"
                out += "      \"\(miss.text.onOneLine)\"\n"
                if let context = miss.context { out += "      answering \"\(Self.shortened(context))\"\n" }
            }
        }
        if let patternUsage { out += patternUsage.text(source: corpus) }
        return out
    }

    public func json() -> String {
        var writer = JSONWriter()
        let round = { (value: Double?) in value.map(CorpusEvaluation.round) }
        writer.beginObject()
        writer.field("corpus", corpus)
        writer.field("mapping", mapping.file)
        writer.field("split", split.rawValue)
        writer.field("rows_read", rowsRead)
        writer.field("selected", selected)
        writer.field("analysed", analysed)
        writer.field("coded", coded)
        writer.field("uncoded", uncoded)
        writer.key("codes")
        writer.beginArray()
        for code in codes {
            writer.beginObject()
            writer.field("name", code.name)
            switch code.expect {
            case .category(let category): writer.field("expect", category.rawValue)
            case .notCategory(let category): writer.field("expect_not", category.rawValue)
            case .noMisattunement: writer.field("expect", "no_misattunement")
            }
            writer.field("rows", code.rows)
            writer.field("agreed", code.agreed)
            writer.field("agreement", round(code.agreement))
            writer.field("mean_score", code.meanScore.map { ($0 * 10).rounded() / 10 })
            writer.key("flagged")
            writer.beginObject()
            for category in Category.allCases {
                writer.key(text: category.rawValue)
                writer.number(round(code.share(category)))
            }
            writer.endObject()
            writer.field("misses", code.missCount)
            writer.key("listed_misses")
            writer.beginArray()
            for miss in code.misses {
                writer.beginObject()
                writer.field("line", miss.line)
                if let turn = miss.turn { writer.field("turn", turn) }
                writer.field("score", miss.score)
                writer.key("found")
                writer.beginArray()
                for found in miss.found {
                    writer.beginObject()
                    writer.field("category", found.category.rawValue)
                    writer.field("rule", found.rule)
                    writer.field("excerpt", found.excerpt)
                    writer.endObject()
                }
                writer.endArray()
                writer.field("text", miss.text)
                writer.field("context", miss.context)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("categories")
        writer.beginObject()
        for category in Category.allCases {
            guard let score = scores[category] else { continue }
            writer.key(text: category.rawValue)
            writer.beginObject()
            writer.field("precision", CorpusEvaluation.round(score.precision))
            writer.field("recall", CorpusEvaluation.round(score.recall))
            writer.field("f1", CorpusEvaluation.round(score.f1))
            writer.field("tp", score.truePositives)
            writer.field("fp", score.falsePositives)
            writer.field("fn", score.falseNegatives)
            writer.endObject()
        }
        writer.endObject()
        let kappa = self.kappa
        writer.key("kappa")
        writer.beginObject()
        writer.field("value", round(kappa.value))
        writer.field("observed", CorpusEvaluation.round(kappa.observed))
        writer.field("chance", CorpusEvaluation.round(kappa.chance))
        writer.field("labels", strings: Self.labels)
        writer.key("matrix")
        writer.beginArray()
        for row in confusion {
            writer.beginArray()
            for count in row { writer.number(count) }
            writer.endArray()
        }
        writer.endArray()
        writer.endObject()
        if let group = mapping.group {
            writer.key("groups")
            writer.beginObject()
            writer.field("by", mapping.fields[group.field])
            writer.key("values")
            writer.beginArray()
            for result in groups {
                writer.beginObject()
                writer.field("value", result.value)
                writer.field("rows", result.rows)
                writer.field("mean_score", (result.meanScore * 10).rounded() / 10)
                writer.field("misattuned", CorpusEvaluation.round(Double(result.misattuned) / Double(result.rows)))
                writer.field("validating", CorpusEvaluation.round(Double(result.validating) / Double(result.rows)))
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.key("errors")
        writer.beginArray()
        for error in errors {
            writer.beginObject()
            writer.field("line", error.line)
            if let turn = error.turn { writer.field("turn", turn) }
            writer.field("error", error.message)
            writer.endObject()
        }
        writer.endArray()
        patternUsage?.write(to: &writer)
        writer.endObject()
        return writer.output
    }

    private func describe(_ conditions: [CorpusMapping.Condition]) -> String {
        conditions.map { "\(mapping.fields[$0.field]) = \($0.values.sorted().joined(separator: " or "))" }.joined(
            separator: ", ")
    }

    private static func label(_ name: String) -> String {
        Category(rawValue: name).flatMap { short[$0] } ?? name
    }

    private static func missing(_ expect: CorpusMapping.Expectation) -> String {
        switch expect {
        case .category(let category): "without a \(category.rawValue) finding"
        case .notCategory(let category): "with a \(category.rawValue) finding"
        case .noMisattunement: "with a misattuned finding"
        }
    }

    static func place(_ line: Int, _ turn: Int?) -> String {
        "\(line)" + (turn.map { " turn \($0)" } ?? "")
    }

    /// A context cut to about 160 characters, on one line.
    private static func shortened(_ text: String) -> String {
        let flat = text.onOneLine
        return flat.count <= 160 ? flat : flat.prefix(157) + "..."
    }
}
