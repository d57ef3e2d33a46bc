import Foundation
import JCSkillsExecutors
import JCSkillsProtocol
import Synchronization

/// Audit rows for events outside any write — chiefly reads that show personal data — written
/// many to a transaction.
///
/// PIPL wants every access that reveals personal data recorded, and recorded before the data
/// is handed out. One write transaction per such read costs one durable commit each (on SQLite
/// with `synchronous=FULL`, an fsync), which held the registry's look-ups near 600 a second.
/// Here a caller still waits until the commit that holds its row, but rows that arrive while
/// one commit runs go into the next one together (group commit): one commit per batch.
public final class AuditGroupCommit: Sendable {
    private struct Entry: Sendable {
        var context: AuditContext
        var outcome: StatusCode
        var entity: String?
        var id: String?
        var detail: String?
        var at: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [Entry] = []
        var flushing = false
    }

    private let store: Store
    private let state = Mutex(State())

    public init(store: Store) {
        self.store = store
    }

    /// Appends one row; returns once it is committed.
    public func record(_ context: AuditContext, outcome: StatusCode, entity: String? = nil, id: String? = nil, detail: String? = nil) async throws {
        let at = store.now
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startFlushing = state.withLock { state -> Bool in
                state.pending.append(Entry(context: context, outcome: outcome, entity: entity, id: id, detail: detail, at: at, continuation: continuation))
                if state.flushing { return false }
                state.flushing = true
                return true
            }
            if startFlushing {
                // Its own task: a cancelled caller must not stop the rows of the others. On the
                // caller's event loop when it has one: the callers it wakes wait there, and a
                // PostgreSQL connection is taken from that loop, so the rows go out and the
                // answers come back with no hand-off to the shared pool and back (BENCHMARKS.md
                // note 32: registry look-ups 1.09–1.20×).
                Task(executorPreference: EventLoopTaskExecutor.onCurrentLoop ?? globalConcurrentExecutor) { await self.flush() }
            }
        }
    }

    private func flush() async {
        while true {
            let batch = state.withLock { state -> [Entry] in
                // No more than one INSERT statement holds: a flush commits all its rows or none.
                let batch = Array(state.pending.prefix(AuditLog.rowsPerStatement))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let rows = batch.map { entry in
                    AuditLog.Row(at: entry.at, context: entry.context, entity: entry.entity, entityID: entry.id,
                                 outcome: entry.outcome.name, detail: entry.detail)
                }
                if store.dialect == .postgres {
                    // One statement committed by itself: one round trip where a transaction
                    // took three, and each look-up waits on this commit (BENCHMARKS.md note 28).
                    try await store.backend.transaction(.autocommit) { db in
                        try await AuditLog.append(rows, on: db, service: store.service)
                    }
                } else {
                    try await store.writeTransaction { db in
                        // One multi-row INSERT: each statement is a hand-off to SQLite's thread.
                        try await AuditLog.append(rows, on: db, service: store.service)
                    }
                }
                for entry in batch { entry.continuation.resume() }
            } catch {
                for entry in batch { entry.continuation.resume(throwing: error) }
            }
        }
    }
}
