import Synchronization

/// Group commit for write transactions: writes that arrive while another runs or commits share
/// the next commit, each in a savepoint of its own.
///
/// A durable commit costs an fsync (SQLite, `synchronous = FULL`) or a WAL flush (PostgreSQL),
/// and one per write held registrations near 1,900 a second on SQLite. Here each caller still
/// runs its own body, on its own task, in arrival order; but instead of committing, a caller
/// that sees others queued behind it hands them the open transaction and waits. The last in
/// line (or the one that fills the group to ``StoreConfiguration/groupCommitLimit``) commits,
/// and every caller of the group returns once that commit is durable, with its own result.
/// A lone caller begins, runs and commits exactly as before: nothing waits for company.
///
/// A group's first write runs with no savepoint (it is alone in the transaction so far, and
/// on failure the whole transaction rolls back); every later one runs between `SAVEPOINT` and
/// `RELEASE`, and on failure only its savepoint is rolled back, so the others neither see nor
/// share its failure. If the undo itself fails, or the commit fails, every caller of the group
/// gets the error: none of their writes is durable, and none was acknowledged.
///
/// A group holds the row locks of all its writes until its commit. The counter rows every write
/// adds to (``SQLKit/SQLDatabase/addDeltas(into:keys:delta:rows:)``) are therefore not written as
/// each write runs: each write's deltas are held (dropped with it if it fails), summed into the
/// group's, and added just before the commit in one order (``DeltaSet``), so that two groups on
/// two lanes, or on two replicas of one database, never wait for each other's counter rows in a
/// cycle. A write running alone holds and adds its deltas the same way, at the end of its body.
///
/// SQLite has one lane (one writer connection). PostgreSQL has
/// ``StoreConfiguration/postgresWriteLanes`` lanes (default 4), each its own queue and
/// connection; a writer queues on the least busy lane. While a group commits, the next group
/// already runs on another connection (PostgreSQL) or waits for the writer (SQLite).
final class GroupCommitter: Sendable {
    private let backend: any StoreBackend
    private let lanes: [GroupCommitLane]
    private let limit: Int
    /// False: every write runs as ``WriteGrouping/alone`` (``StoreConfiguration/groupCommit``).
    private let sharing: Bool
    private let totals = Mutex(GroupCommitStatistics())

    /// The savepoint of the running write; one name serves, as each is released before the next.
    private static let savepoint = "jcs_write"

    init(backend: any StoreBackend, lanes: Int, limit: Int, sharing: Bool) {
        precondition(lanes >= 1 && limit >= 1, "a group committer needs a lane and room for a write")
        self.backend = backend
        self.lanes = (0..<lanes).map { _ in GroupCommitLane() }
        self.limit = limit
        self.sharing = sharing
    }

    var statistics: GroupCommitStatistics { totals.withLock { $0 } }

    /// Writers waiting for a lane's turn (for tests that must know a writer has queued).
    var queuedWriters: Int { lanes.reduce(0) { $0 + $1.queued } }

    /// Runs `body` in a write transaction, possibly shared; returns once it is durably
    /// committed, or throws (its writes then undone). Errors from `body` come back unchanged;
    /// database errors as ``StoreError``s.
    func write<T>(_ grouping: WriteGrouping, _ body: (GuardedDatabase) async throws -> T) async throws -> T {
        if grouping == .alone || !sharing {
            // A transaction of its own, beside the lanes: on PostgreSQL an import must not hold
            // up the lane's small writes for its whole length; on SQLite it queues for the
            // writer as it always did, and runs between two groups.
            return try await alone(body)
        }
        do {
            return try await shared(body)
        } catch let error as StoreError where error.lostToAnotherTransaction {
            // A group holds the locks of all its writes until its commit, so besides the counter
            // rows (``DeltaSet``) a hot row (a number sequence) held by one group and a row of
            // another group's write can still close a cycle of waits, which PostgreSQL breaks
            // by aborting one statement: seen with two replicas, a call cut off by one's death
            // sent again to the other while the dead one's transaction still held its
            // idempotency key and waited for the sequence row the other's group held. Nothing
            // of the write remains (its savepoint, or its group, was rolled back); run it again
            // once, alone, so as not to join a group that may still hold what it waited for.
            totals.withLock { $0.retriedAlone += 1 }
            return try await alone(body)
        }
    }

    /// Runs `body` in a write transaction of its own.
    private func alone<T>(_ body: (GuardedDatabase) async throws -> T) async throws -> T {
        let result = try await backend.transaction(.write) { db in
            // Held back and added last here too: a transaction of its own still holds its
            // locks until its commit, beside the groups (``DeltaSet``).
            db.holdDeltas(inheriting: DeltaSet())
            let result = try await body(db)
            try await db.takeHeldDeltas().own.apply(to: db)
            return result
        }
        totals.withLock {
            $0.writes += 1
            $0.commits += 1
        }
        return result
    }

    /// Runs `body` in the open group of the least busy lane, or begins one.
    private func shared<T>(_ body: (GuardedDatabase) async throws -> T) async throws -> T {
        let lane = lanes.count == 1 ? lanes[0] : lanes.min { $0.load < $1.load }!
        await lane.takeTurn()
        // This task now holds the lane's turn, and hands it on on every way out.
        let lease: any WriteLease
        let first: Bool
        var inherited = DeltaSet()
        do {
            try Task.checkCancellation()
            if let open = lane.openGroup {
                lease = open.lease
                inherited = open.deltas
                first = false
                try await enterSavepoint(on: lease, lane: lane)
            } else {
                lease = try await begin()
                lane.open(lease)
                first = true
            }
        } catch {
            if let group = lane.leave() { await finish(group) }
            throw ErrorTranslation.translate(error, doing: "running a transaction")
        }

        let result: T
        let deltas: (own: DeltaSet, inheritedApplied: Bool)
        do {
            (result, deltas) = try await run(body, on: lease, inheriting: inherited)
            // The lane's copy alone left, so that joining adds to it in place.
            inherited = DeltaSet()
        } catch {
            await undo(first: first, lane: lane, lease: lease)
            if let group = lane.leave() { await finish(group) }
            throw ErrorTranslation.translate(error, doing: "running a transaction")
        }
        if !first {
            do {
                try await lease.savepoint("RELEASE \(Self.savepoint)")
            } catch {
                let error = ErrorTranslation.translate(error, doing: "running a transaction")
                await abort(lane: lane, error)
                _ = lane.leave()
                throw error
            }
        }
        switch try await lane.join(limit: limit, deltas: deltas.own, inheritedApplied: deltas.inheritedApplied) {
        case .committed:
            return result
        case .commit(let group):
            if let error = await finish(group) { throw error }
            return result
        }
    }

    /// Takes a connection and begins the transaction of a new group.
    private func begin() async throws -> any WriteLease {
        let lease = try await backend.leaseWriter()
        do {
            try await lease.begin()
            return lease
        } catch {
            // A BEGIN refused as cancelled may still have run: roll back whenever unsure, and
            // retire the connection if even that fails.
            var broken = false
            do { try await lease.rollback() } catch { broken = true }
            await lease.release(broken: broken)
            throw error
        }
    }

    private func enterSavepoint(on lease: any WriteLease, lane: GroupCommitLane) async throws {
        do {
            try await lease.savepoint("SAVEPOINT \(Self.savepoint)")
        } catch {
            // The transaction is in a state we cannot vouch for: give it up for everyone.
            let error = ErrorTranslation.translate(error, doing: "running a transaction")
            await abort(lane: lane, error)
            throw error
        }
    }

    /// Runs `body` with the rules of ``GuardedDatabase``; returns its result, and its own deltas
    /// with whether it added the group's (`inherited`) itself.
    private func run<T>(
        _ body: (GuardedDatabase) async throws -> T, on lease: any WriteLease, inheriting inherited: DeltaSet
    ) async throws -> (T, (own: DeltaSet, inheritedApplied: Bool)) {
        let guarded = GuardedDatabase(lease.database, native: lease.native)
        defer { guarded.finish() }
        guarded.holdDeltas(inheriting: inherited)
        let result = try await body(guarded)
        if guarded.hasFailed {
            throw StoreError.bodyCarriedOnAfterFailure
        }
        return (result, guarded.takeHeldDeltas())
    }

    /// Undoes a failed write: its savepoint, or the whole transaction when it was the group's
    /// first (nothing else is in it yet).
    private func undo(first: Bool, lane: GroupCommitLane, lease: any WriteLease) async {
        if first {
            _ = lane.detach()
            var broken = false
            do { try await lease.rollback() } catch { broken = true }
            await lease.release(broken: broken)
            return
        }
        do {
            try await lease.savepoint("ROLLBACK TO \(Self.savepoint)")
            try await lease.savepoint("RELEASE \(Self.savepoint)")
        } catch {
            // SQLite rolls a whole transaction back on some errors (disk full, I/O): the
            // group's earlier writes are gone too, and their callers must hear so.
            await abort(lane: lane, ErrorTranslation.translate(error, doing: "undoing a failed write of a group"))
        }
    }

    /// Rolls the lane's open group back and fails its waiting callers with `error`. Turn holder
    /// only; the turn stays with it.
    private func abort(lane: GroupCommitLane, _ error: any Error) async {
        guard let group = lane.detach() else { return }
        var broken = false
        do { try await group.lease.rollback() } catch { broken = true }
        await group.lease.release(broken: broken)
        for waiter in group.waiters { waiter.resume(throwing: error) }
    }

    /// Commits a group taken from its lane, gives its connection back and tells its waiting
    /// callers; returns the error they were given, if the commit failed.
    @discardableResult
    private func finish(_ group: GroupCommitLane.Group) async -> (any Error)? {
        guard group.members > 0 else {
            // Only a first write that never finished leaves an empty group: nothing to keep.
            var broken = false
            do { try await group.lease.rollback() } catch { broken = true }
            await group.lease.release(broken: broken)
            return nil
        }
        do {
            if !group.deltas.isEmpty {
                // Whatever the committing caller's cancellation, as the commit: the group's
                // other writes depend on it.
                let database = GuardedDatabase(group.lease.database, native: group.lease.native)
                let deltas = group.deltas
                try await uncancelled { try await deltas.apply(to: database) }
                database.finish()
            }
            try await group.lease.commit()
        } catch {
            let error = ErrorTranslation.translate(error, doing: "committing a transaction")
            // The counters' upsert or COMMIT can fail with the transaction still open
            // (SQLITE_BUSY): roll back, and retire the connection if that fails too.
            var broken = false
            do { try await group.lease.rollback() } catch { broken = true }
            await group.lease.release(broken: broken)
            for waiter in group.waiters { waiter.resume(throwing: error) }
            return error
        }
        await group.lease.release(broken: false)
        totals.withLock {
            $0.writes += group.members
            $0.commits += 1
        }
        for waiter in group.waiters { waiter.resume(returning: .committed) }
        return nil
    }
}
