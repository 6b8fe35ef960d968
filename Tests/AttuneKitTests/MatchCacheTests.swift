import AttuneKit
import Testing

@testable import AttuneEngine
@testable import AttuneMatching

/// The matcher's step cache (`MatchCache`): a step taken from the cache, from a cache
/// that filled up and started again, or without the cache finds the same matches.
@Suite struct MatchCacheTests {
    /// Enough for a few replies only, so a corpus run fills it many times.
    static let tiny = MatchCache.Limits(
        states: 64, threadValues: 4_096, acceptValues: 1_024, steps: 256, startLists: 16, startValues: 512)

    @Test func aCacheThatFillsUpAndStartsAgainFindsTheSameMatches() throws {
        let analyzer = Fixtures.analyzer()
        var shared = Matcher(automaton: Fixtures.engine.rules)
        var small = Matcher(automaton: Fixtures.engine.rules, cacheLimits: Self.tiny)
        // Twice over, so the second pass reads steps the first one recorded.
        for reply in Fixtures.corpus.prefix(300) + Fixtures.corpus.prefix(300) {
            let text = analyzer.pipeline.tokenize(reply.text)
            var fresh = Matcher(automaton: Fixtures.engine.rules)
            let expected = fresh.matches(in: text)
            #expect(shared.matches(in: text) == expected, "\(reply.id)")
            #expect(small.matches(in: text) == expected, "\(reply.id)")
        }
        #expect(shared.cacheResets == 0)
        #expect(small.cacheResets > 10)
    }

    /// A step reads the patterns that start at its token from a list made once per input
    /// (`Matcher.starts`), less what its partial matches reached first: the same matches
    /// as starting them one by one after the partial matches.
    @Test func startsReadFromListsFindWhatStartingEachPatternFinds() throws {
        let analyzer = Fixtures.analyzer()
        var direct = MatchCache.Limits.standard
        direct.startLists = 0
        var listed = Matcher(automaton: Fixtures.engine.rules)
        var small = Matcher(automaton: Fixtures.engine.rules, cacheLimits: Self.tiny)
        var oneByOne = Matcher(automaton: Fixtures.engine.rules, cacheLimits: direct)
        for reply in Fixtures.corpus + Fixtures.corpus.prefix(200) {
            let text = analyzer.pipeline.tokenize(reply.text)
            let expected = oneByOne.matches(in: text)
            #expect(listed.matches(in: text) == expected, "\(reply.id)")
            #expect(small.matches(in: text) == expected, "\(reply.id)")
        }
    }

    /// The matcher empties its last list of matches in place for the next text only when
    /// no caller holds it: a list kept from one call is the same after the next.
    @Test func matchesKeptFromOneCallStayAsTheyWereAfterTheNext() throws {
        let analyzer = Fixtures.analyzer()
        var matcher = Matcher(automaton: Fixtures.engine.rules)
        let replies = Fixtures.corpus.prefix(200).map { analyzer.pipeline.tokenize($0.text) }
        var kept: [[PatternMatch]] = []
        for text in replies {
            kept.append(matcher.matches(in: text))
            // Dropped at once, as most callers do: the next call reuses its storage.
            _ = matcher.matches(in: text)
        }
        for (text, matches) in zip(replies, kept) {
            var fresh = Matcher(automaton: Fixtures.engine.rules)
            #expect(matches == fresh.matches(in: text))
        }
        #expect(kept.contains { !$0.isEmpty })
    }

    @Test func marksPackUpToTheirLimitsAndNoFurther() {
        typealias Marks = MatchCache.Marks
        for (start, focusStart, focusEnd) in [(0, -1, -1), (2_047, 1_022, 1_022), (5, 3, 0), (1, 1, -1)]
            as [(Int32, Int32, Int32)]
        {
            let packed = Marks.pack(start: start, focusStart: focusStart, focusEnd: focusEnd)
            #expect(
                packed.map(Marks.unpack).map { [$0.start, $0.focusStart, $0.focusEnd] } == [
                    start, focusStart, focusEnd,
                ])
        }
        #expect(Marks.pack(start: 2_048, focusStart: -1, focusEnd: -1) == nil)
        #expect(Marks.pack(start: 1_500, focusStart: 1_023, focusEnd: -1) == nil)
    }

    @Test func aMatchAliveLongerThanTheCacheCanMarkIsFoundWithoutIt() throws {
        // 2,100 tokens: past 2,047 the partial match's start no longer fits the cache.
        let words = (0..<2_100).map { "w\($0)" }
        let phrase = words.joined(separator: " ")
        let engine = try Fixtures.engine(
            rules: """
                rules:
                  - id: fixing.test-long
                    category: fixing
                    weight: 1
                    attune: understanding
                    message: m
                    suggestions: [s]
                    patterns: ["\(phrase)"]
                    examples:
                      match: ["[\(phrase)]"]
                      no_match: ["w0 w1"]
                """)
        let text = try engine.makeAnalyzer().pipeline.tokenize("Well \(phrase) and more")
        var matcher = Matcher(automaton: engine.rules)
        for _ in 0..<2 {
            let matches = matcher.matches(in: text)
            #expect(matches.map { [$0.start, $0.end] } == [[1, 2_101]])
        }
    }
}

/// The rewrite's memo of readings (`BoundedMemo`).
@Suite struct BoundedMemoTests {
    @Test func aFullMemoStartsAgainAndStillAnswersRight() {
        var memo = BoundedMemo<Int, Int>(limit: 3)
        var computed = 0
        for key in [1, 2, 1, 3, 4, 1, 4] {
            let value = memo.value(for: key) {
                computed += 1
                return key * 10
            }
            #expect(value == key * 10)
        }
        // 1, 2, 3 computed; 4 fills it (a reset); 1 again after the reset; 4 remembered.
        #expect(computed == 5 && memo.resets == 1)
    }

    @Test func longSentencesAreNotRemembered() {
        // Rewrites carry the reply's own sentences: remembered, the memos would grow with
        // every long reply seen. The templates' pieces are remembered once.
        let analyzer = Fixtures.analyzer()
        func reply(_ number: Int) -> String {
            "You should just calm down. Do you want to talk about "
                + String(repeating: "the trip number \(number) and the long drive home and ", count: 20) + "you?"
        }
        _ = analyzer.analyze(reply(0))
        let remembered = analyzer.pieceReadings.count + analyzer.rewriteVerdicts.count
        #expect(remembered > 0)
        for number in 1...5 { _ = analyzer.analyze(reply(number)) }
        #expect(analyzer.pieceReadings.count + analyzer.rewriteVerdicts.count == remembered)
    }

    @Test func anAnalyzerReadsAReplyTheSameWithItsMemosWarm() throws {
        let warm = Fixtures.analyzer()
        for reply in Fixtures.corpus.prefix(200) { _ = warm.analyze(reply.text, context: reply.context) }
        for reply in Fixtures.corpus.prefix(200) {
            let fresh = Fixtures.analyzer().analyze(reply.text, context: reply.context).json()
            #expect(warm.analyze(reply.text, context: reply.context).json() == fresh, "\(reply.id)")
        }
    }
}
