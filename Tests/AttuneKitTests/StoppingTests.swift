import AttuneKit
import Testing

/// `analyze(_:context:stopIf:)`: a caller that no longer wants the result stops a long
/// analysis at its next check, and a check that never says stop changes nothing.
@Suite struct StoppingTests {
    /// A reply dense with findings, many sentences long: the rewrite reads each sentence.
    static let longReply = String(
        repeating: "You should just relax, it's not a big deal. I didn't mean it like that. ", count: 400)

    @Test func aCheckThatNeverStopsGivesTheSameAnalysis() throws {
        let analyzer = try Fixtures.engine.makeAnalyzer()
        let context = "I had an awful day at work"
        let plain = analyzer.analyze("You should just quit, it's not a big deal", context: context)
        let checked = analyzer.analyze("You should just quit, it's not a big deal", context: context) { false }
        #expect(checked?.json() == plain.json())
    }

    @Test func aStopPartWayGivesNothingAndEndsTheChecks() throws {
        let analyzer = try Fixtures.engine.makeAnalyzer()
        let sentences = Self.longReply.split(separator: ".").count
        // Count the checks of a whole analysis, then stop one that is under way.
        var checks = 0
        let whole = analyzer.analyze(Self.longReply) {
            checks += 1
            return false
        }
        #expect(whole != nil)
        #expect(checks >= sentences / 32, "a check every 32 sentences at least (\(checks) for \(sentences))")
        var asked = 0
        let stopped = analyzer.analyze(Self.longReply) {
            asked += 1
            return asked >= 3
        }
        #expect(stopped == nil)
        // Once it said stop, it is not asked again: the work after it is skipped.
        #expect(asked == 3)
        // The analyzer is whole again afterwards.
        #expect(analyzer.analyze("ok") { false } != nil)
    }
}
