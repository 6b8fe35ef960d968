import Testing

@testable import AttuneServer

/// `BatchSession`: scoring stops between turns once its client has gone, counted
/// exactly: the live route test can only bound it, since when a server sees a close
/// depends on how busy the machine is.
@Suite struct BatchSessionTests {
    static let turn = Array(#"{"speaker": "A", "text": "You should just relax, it's not a big deal."}"#.utf8)

    @Test func scoringStopsAtTheFirstTurnAfterTheClientHasGone() async throws {
        let pool = try AnalyzerPool(engine: ServerFixtures.engine, size: 1)
        let work = WorkCounter()
        var session = BatchSession(pool: pool, summary: true)
        // The client is seen gone when the fourth turn is about to be scored.
        let asked = Locked(0)
        let gone: @Sendable () -> Bool = {
            asked.update { $0 += 1 }
            return asked.value > 3
        }
        let output = await session.score(Array(repeating: Self.turn, count: 10), clientGone: gone, counter: work)
        #expect(output.isEmpty)
        #expect(session.abandoned)
        #expect(work.value.analysed == 3)
        // Nothing more is scored, even were the client back.
        #expect(await session.score([Self.turn], counter: work).isEmpty)
        #expect(work.value.analysed == 3)
    }

    @Test func aClientThatStaysGetsALinePerTurn() async throws {
        let pool = try AnalyzerPool(engine: ServerFixtures.engine, size: 1)
        var session = BatchSession(pool: pool, summary: false)
        let output = await session.score(Array(repeating: Self.turn, count: 4))
        #expect(output.split(separator: "\n").count == 4)
        #expect(!session.abandoned)
    }
}
