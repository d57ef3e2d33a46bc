import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import Synchronization
import Testing

/// The import pipeline's contract: batches of the chosen size, written one after another in
/// arrival order, each outcome returned once and in order, and nothing left running after a
/// failure.
@Suite(.timeLimit(.minutes(1)))
struct ImportPipelineTests {
    /// Records what the write closure saw, in the order it ran, and checks no two overlap.
    final class Log: Sendable {
        private let state = Mutex<(batches: [[Int]], running: Int, overlapped: Bool, prepared: Int)>(([], 0, false, 0))
        func prepared() { state.withLock { $0.prepared += 1 } }
        func begin() { state.withLock { $0.overlapped = $0.overlapped || $0.running > 0; $0.running += 1 } }
        func end(_ batch: [Int]) { state.withLock { $0.running -= 1; $0.batches.append(batch) } }
        var batches: [[Int]] { state.withLock { $0.batches } }
        var overlapped: Bool { state.withLock { $0.overlapped } }
        var preparedCount: Int { state.withLock { $0.prepared } }
    }

    struct Failure: Error {}

    @Test func batchesAreWrittenWholeInOrderWithEveryOutcomeReturnedOnce() async throws {
        let log = Log()
        var pipeline = ImportPipeline<Int, [Int], Int>(rowsPerWrite: 4, prepare: { rows in
            log.prepared()
            return rows
        }) { rows in
            log.begin()
            // Later batches are quicker: a pipeline that did not wait would finish them first.
            try await Task.sleep(for: .milliseconds(40 - rows[0]))
            log.end(rows)
            return rows.count
        }
        var outcomes: [Int] = []
        for chunk in stride(from: 0, to: 30, by: 3) {
            if let outcome = try await pipeline.add(Array(chunk..<min(chunk + 3, 30))) { outcomes.append(outcome) }
        }
        outcomes += try await pipeline.finish()

        #expect(log.batches.flatMap { $0 } == Array(0..<30))
        #expect(log.batches.dropLast().allSatisfy { $0.count >= 4 })
        #expect(!log.overlapped)
        #expect(outcomes.reduce(0, +) == 30)
        #expect(outcomes == log.batches.map(\.count))
        #expect(log.preparedCount == log.batches.count)
    }

    @Test func aFailedWriteFailsTheImportAndNothingRunsOn() async throws {
        let log = Log()
        var pipeline = ImportPipeline<Int, [Int], Int>(rowsPerWrite: 2) { rows in
            log.begin()
            defer { log.end(rows) }
            if rows.contains(4) { throw Failure() }
            return rows.count
        }
        await #expect(throws: Failure.self) {
            for row in 0..<20 { _ = try await pipeline.add([row]) }
            _ = try await pipeline.finish()
        }
        await pipeline.cancel()
        // The failing batch and at most the one queued behind it (which fails with it) ran.
        #expect(log.batches.flatMap { $0 }.allSatisfy { $0 < 6 })
        #expect(log.batches.contains([4, 5]))
    }

    /// A lost connection lets the batches in flight commit — cutting them off would be recorded
    /// as CANCELLED, the status of a client that gave up — while the client's CANCEL (or any
    /// other end) still cancels them. Either way nothing runs on after `stop`.
    @Test(arguments: [(StatusCode.unavailable, true), (.cancelled, false), (.deadlineExceeded, false)])
    func aLostConnectionLetsTheBatchesInFlightFinish(code: StatusCode, finished: Bool) async throws {
        let written = Mutex<[[Int]]>([])
        let cancelled = Mutex(0)
        var pipeline = ImportPipeline<Int, [Int], Int>(rowsPerWrite: 2) { rows in
            do {
                try await Task.sleep(for: .milliseconds(200))
            } catch {
                cancelled.withLock { $0 += 1 }
                throw error
            }
            written.withLock { $0.append(rows) }
            return rows.count
        }
        for row in 0..<4 { _ = try await pipeline.add([row]) }  // two batches in flight
        await pipeline.stop(after: RPCError(code, "the call ended"))
        #expect(written.withLock { $0 } == (finished ? [[0, 1], [2, 3]] : []))
        #expect(cancelled.withLock { $0 } == (finished ? 0 : 1))  // the second waits for the first, which fails
        #expect(ImportEnd.status(of: RPCError(code, "")) == code)
        #expect(ImportEnd.status(of: CancellationError()) == .cancelled)
        #expect(ImportEnd.status(of: Failure()) == nil)
    }
}
