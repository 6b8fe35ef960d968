import AttuneCore
import AttuneText

// The rule layer's values in compiled rules (see `Archivable`).

extension RuleSet: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(lexicon)
        writer.write(rules)
        writer.write(bids)
        writer.write(scoring)
        writer.write(rewrites)
        writer.write(languages)
        writer.write(storedDiagnostics)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        lexicon = try reader.read()
        rules = try reader.read()
        bids = try reader.read()
        scoring = try reader.read()
        rewrites = try reader.read()
        languages = try reader.read()
        storedDiagnostics = try reader.read()
    }
}

extension Rule: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(id)
        writer.write(category)
        writer.write(weight)
        writer.write(attune)
        writer.write(move)
        writer.write(message)
        writer.write(suggestions)
        writer.write(storedPatterns)
        writer.write(exceptions)
        writer.write(bids)
        writer.write(storedExamples)
        writer.write(location)
        writer.write(suggestionLocations)
    }

    /// Field by field in archive order, the deferred parts as read: making empty ones to
    /// replace them cost three boxes (each a mutex and an allocation) per rule at start.
    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        id = try reader.read()
        category = try reader.read()
        weight = try reader.read()
        attune = try reader.read()
        move = try reader.read()
        message = try reader.read()
        suggestions = try reader.read()
        storedPatterns = try reader.read()
        exceptions = try reader.read()
        bids = try reader.read()
        storedExamples = try reader.read()
        location = try reader.read()
        suggestionLocations = try reader.read()
    }
}

extension Exceptions: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(negation)
        writer.write(subjects)
        writer.write(quoted)
        writer.write(storedUnless)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        negation = try reader.read()
        subjects = try reader.read()
        quoted = try reader.read()
        storedUnless = try reader.read()
    }
}

extension Example: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(text)
        writer.write(context)
        switch expectation {
        case .noMatch: writer.write(-1)
        case .match(nil): writer.write(-2)
        case .match(let span?):
            writer.write(span.lowerBound)
            writer.write(span.upperBound)
        }
        writer.write(location)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let text: String = try reader.read()
        let context: String? = try reader.read()
        let expectation: Expectation
        switch try reader.read() as Int {
        case -1: expectation = .noMatch
        case -2: expectation = .match(span: nil)
        case let lower where lower >= 0:
            let upper: Int = try reader.read()
            guard upper >= lower else { throw ArchiveError("an example's span ends before it starts") }
            expectation = .match(span: lower..<upper)
        default: throw ArchiveError("an example's expectation is unknown")
        }
        self.init(text: text, context: context, expectation: expectation, location: try reader.read())
    }
}

/// The style lint's record of alternations is left out: it is read only while loading.
/// The elements are read when first asked for (`Deferred`).
extension Pattern: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(source)
        writer.write(storedElements)
        writer.write(sentenceKind.rawValue)
        writer.write(location)
    }

    /// Field by field, the elements' box as read (not an empty one replaced).
    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        source = try reader.read()
        storedElements = try reader.read()
        sentenceKind = try reader.readCase()
        location = try reader.read()
    }
}

extension PatternElement: Archivable {
    private enum Tag: Int {
        case word, list, any, none, gap, group, optional, capture, focusStart, focusEnd, sentenceStart, sentenceEnd,
            clauseStart
    }

    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        switch self {
        case .word(let words):
            writer.write(Tag.word.rawValue)
            writer.write(words)
        case .list(let name):
            writer.write(Tag.list.rawValue)
            writer.write(name)
        case .any: writer.write(Tag.any.rawValue)
        case .none(let words, let lists):
            writer.write(Tag.none.rawValue)
            writer.write(words)
            writer.write(lists)
        case .gap(let minimum, let maximum):
            writer.write(Tag.gap.rawValue)
            writer.write(minimum)
            writer.write(maximum)
        case .group(let alternatives):
            writer.write(Tag.group.rawValue)
            writer.write(alternatives)
        case .optional(let inner):
            writer.write(Tag.optional.rawValue)
            writer.write(inner)
        case .capture(let name, let inner):
            writer.write(Tag.capture.rawValue)
            writer.write(name)
            writer.write(inner)
        case .focusStart: writer.write(Tag.focusStart.rawValue)
        case .focusEnd: writer.write(Tag.focusEnd.rawValue)
        case .sentenceStart: writer.write(Tag.sentenceStart.rawValue)
        case .sentenceEnd: writer.write(Tag.sentenceEnd.rawValue)
        case .clauseStart: writer.write(Tag.clauseStart.rawValue)
        }
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        guard let tag = Tag(rawValue: try reader.read()) else { throw ArchiveError("unknown pattern element") }
        switch tag {
        case .word: self = .word(try reader.read())
        case .list: self = .list(try reader.read())
        case .any: self = .any
        case .none: self = .none(words: try reader.read(), lists: try reader.read())
        case .gap: self = .gap(min: try reader.read(), max: try reader.read())
        case .group: self = .group(try reader.read())
        case .optional: self = .optional(try reader.read())
        case .capture: self = .capture(try reader.read(), try reader.read())
        case .focusStart: self = .focusStart
        case .focusEnd: self = .focusEnd
        case .sentenceStart: self = .sentenceStart
        case .sentenceEnd: self = .sentenceEnd
        case .clauseStart: self = .clauseStart
        }
    }
}

extension BidCues: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(kinds.map(\.kind))
        writer.write(kinds.map(\.patterns))
        writer.write(mirror)
        writer.write(engaged.map { $0.kind?.rawValue ?? "" })
        writer.write(engaged.map(\.patterns))
        writer.write(thanks)
        writer.write(functionWords)
        writer.write(turnedAway)
        writer.write(ByName(turnedAwaySuggestions))
        writer.write(reflected)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        let kinds: [BidKind] = try reader.read()
        let kindPatterns: [[Pattern]] = try reader.read()
        mirror = try reader.read()
        let engagedKinds: [String] = try reader.read()
        let engagedPatterns: [[Pattern]] = try reader.read()
        thanks = try reader.read()
        functionWords = try reader.read()
        turnedAway = try reader.read()
        turnedAwaySuggestions = (try reader.read() as ByName<BidKind, [String]>).values
        reflected = try reader.read()
        guard kinds.count == kindPatterns.count, engagedKinds.count == engagedPatterns.count else {
            throw ArchiveError("bid kinds and their patterns differ in number")
        }
        self.kinds = Array(zip(kinds, kindPatterns))
        engaged = []
        for (name, patterns) in zip(engagedKinds, engagedPatterns) {
            guard name.isEmpty || BidKind(rawValue: name) != nil else {
                throw ArchiveError("unknown bid kind '\(name)'")
            }
            engaged.append((BidKind(rawValue: name), patterns))
        }
    }
}

extension BidCues.FindingCue: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(id)
        writer.write(weight)
        writer.write(attune)
        writer.write(message)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(
            id: try reader.read(), weight: try reader.read(), attune: try reader.read(), message: try reader.read())
    }
}

extension ScoringPolicy: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        for value in [prior, attunedAt, misattunedBelow, validationBeforeContrast, adviceAfterAcknowledgement] {
            writer.write(value)
        }
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        prior = try reader.read()
        attunedAt = try reader.read()
        misattunedBelow = try reader.read()
        validationBeforeContrast = try reader.read()
        adviceAfterAcknowledgement = try reader.read()
    }
}

extension RewriteTemplates: Archivable {
    @usableFromInline package func archive(into writer: inout ArchiveWriter) {
        writer.write(ByName(replace))
        for text in [
            advice, openWithFeeling, openWithoutFeeling, openWithTheirWords, openForGoodNews, openForComplaint,
        ] {
            writer.write(text)
        }
        writer.write(ByName(questions))
        writer.write(adviceFrames)
        writer.write(adviceGerundFrames)
        writer.write(apologyCues)
        writer.write(offerCues)
        writer.write(minimalWords)
        writer.write(locations)
    }

    @usableFromInline package init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        replace = (try reader.read() as ByName<Category, String>).values
        advice = try reader.read()
        openWithFeeling = try reader.read()
        openWithoutFeeling = try reader.read()
        openWithTheirWords = try reader.read()
        openForGoodNews = try reader.read()
        openForComplaint = try reader.read()
        questions = (try reader.read() as ByName<BidKind, String>).values
        adviceFrames = try reader.read()
        adviceGerundFrames = try reader.read()
        apologyCues = try reader.read()
        offerCues = try reader.read()
        minimalWords = try reader.read()
        locations = try reader.read()
    }
}

/// A dictionary keyed by an enum of names (bid kinds, categories), written by the names
/// in order; an unknown name is an error.
private struct ByName<Key: RawRepresentable & Hashable, Value: Archivable>: Archivable where Key.RawValue == String {
    var values: [Key: Value]

    init(_ values: [Key: Value]) { self.values = values }

    func archive(into writer: inout ArchiveWriter) {
        writer.write(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }

    init(from reader: inout ArchiveReader) throws(ArchiveError) {
        values = [:]
        for (name, value) in try reader.read() as [String: Value] {
            guard let key = Key(rawValue: name) else { throw ArchiveError("unknown name '\(name)'") }
            values[key] = value
        }
    }
}
