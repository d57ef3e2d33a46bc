import Foundation
import JCSkillsRPC
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

    @Test
    func workThatIgnoresCancellationDoesNotHoldTheAnswerBack() async throws {
        let started = ContinuousClock.now
        let result = await TimeLimit.run(.milliseconds(200)) { () async -> Int in
            // Waits a second without looking at cancellation.
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + 1) { continuation.resume() }
            }
            return 1
        }
        let took = ContinuousClock.now - started
        #expect(result == nil)
        #expect(took < .milliseconds(900), "returned after \(took)")
    }
}
