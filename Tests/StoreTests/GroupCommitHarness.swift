@testable import JCSkillsStore
import JCSkillsTestSupport

/// The audit context of the group-commit tests' writes.
func groupCommitContext(_ name: String) -> AuditContext {
    AuditContext(principal: "jcskills://training", method: "test.Write", requestID: name)
}

/// Runs `first` in a write transaction that holds the writer (before `first` runs, or after it
/// with `firstRunsBeforeTheHold`) until each of `queued` has queued behind it, in order; then
/// lets it finish, so the queued ones meet in one group. Returns each write's outcome, the first's first.
func behindAHeldWrite(
    _ store: Store, first: @escaping @Sendable (StoreTransaction) async throws -> Void, firstRunsBeforeTheHold: Bool = false,
    queued: [@Sendable () async throws -> Void]
) async -> [Result<Void, any Error>] {
    let running = Gate()
    let release = Gate()
    async let firstOutcome: Result<Void, any Error> = {
        do {
            try await store.transaction(groupCommitContext("first")) { tx in
                if firstRunsBeforeTheHold { try await first(tx) }
                running.open()
                await release.wait()
                if !firstRunsBeforeTheHold { try await first(tx) }
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }()
    await running.wait()
    let outcomes = await withTaskGroup(of: (Int, Result<Void, any Error>).self) { group in
        for (index, write) in queued.enumerated() {
            group.addTask {
                do {
                    try await write()
                    return (index, .success(()))
                } catch {
                    return (index, .failure(error))
                }
            }
            // Arrival order is index order: wait until this one has queued.
            while store.committer.queuedWriters < index + 1 { await Task.yield() }
        }
        release.open()
        var outcomes = [Result<Void, any Error>?](repeating: nil, count: queued.count)
        for await (index, outcome) in group { outcomes[index] = outcome }
        return outcomes.map { $0! }
    }
    return [await firstOutcome] + outcomes
}
