import JCSkillsRPC
import JCSkillsTestSupport
import Synchronization
import Testing

@Suite("TimeLimit: an answer by the limit, whatever the work does", .timeLimit(.minutes(1)))
struct TimeLimitTests {
    struct Refusal: Error, Equatable {}

    @Test
    func aValueOrAnErrorInTimeIsPassedOn() async throws {
        let value = await TimeLimit.run(.seconds(5)) { 42 }
        #expect(try value?.get() == 42)
        let error = await TimeLimit.run(.seconds(5)) { () async throws -> Int in throw Refusal() }
        guard case .failure(let failure)? = error else {
            Issue.record("expected the work's error, got \(String(describing: error))")
            return
        }
        #expect(failure as? Refusal == Refusal())
    }

    /// The work ignores cancellation and ends only when the test lets it: the answer (none)
    /// comes while it is still held, so the limit, not the work, decided when.
    @Test
    func workThatIgnoresCancellationDoesNotHoldTheAnswerBack() async throws {
        let release = Gate()
        let finished = Mutex(false)
        let result = await TimeLimit.run(.milliseconds(200)) { () async -> Int in
            await release.wait()
            finished.withLock { $0 = true }
            return 1
        }
        #expect(result == nil)
        #expect(finished.withLock { !$0 }, "the answer waited for the work")
        release.open()
    }
}
