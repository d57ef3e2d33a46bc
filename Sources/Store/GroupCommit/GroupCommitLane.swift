import Synchronization

/// One queue of writers and the group of writes open on its connection (``GroupCommitter``).
///
/// Holding the lane's *turn* means being the one task that may use the open group's connection.
/// Turns are handed over in arrival order, so writers are served first come, first served, as
/// the SQLite writer's FIFO lock served them before.
final class GroupCommitLane: Sendable {
    /// Write transactions that share one database transaction, and the callers waiting for its
    /// commit.
    struct Group: Sendable {
        let lease: any WriteLease
        /// Writes that succeeded in it (their callers wait in ``waiters``, or commit it).
        var members = 0
        /// Their counter deltas, held back for the commit (``DeltaSet``).
        var deltas = DeltaSet()
        var waiters: [CheckedContinuation<Verdict, any Error>] = []
    }

    /// What a write that joined a group learns when it is resumed.
    enum Verdict: Sendable {
        /// The group committed, this write with it.
        case committed
        /// Nobody is left to run after this write (or the group is full): it must commit the
        /// group, which is no longer the lane's.
        case commit(Group)
    }

    private struct State {
        var busy = false
        var queue: [CheckedContinuation<Void, Never>] = []
        var group: Group?
    }

    private let state = Mutex(State())

    /// Tasks holding or waiting for the turn: where a new writer queues least.
    var load: Int { state.withLock { ($0.busy ? 1 : 0) + $0.queue.count } }

    /// Tasks waiting for the turn.
    var queued: Int { state.withLock { $0.queue.count } }

    /// Waits for the turn. Not cancellable: the turn is brief (one write) and a task resumed
    /// just as it was cancelled would otherwise have to find the next in line itself.
    func takeTurn() async {
        if state.withLock({ state in
            if state.busy { return false }
            state.busy = true
            return true
        }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state in
                if state.busy {
                    state.queue.append(continuation)
                    return false
                }
                state.busy = true
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// The open group's connection and held deltas, for the turn holder.
    var openGroup: (lease: any WriteLease, deltas: DeltaSet)? {
        state.withLock { state in state.group.map { ($0.lease, $0.deltas) } }
    }

    /// Makes `lease`, in a freshly begun transaction, the lane's open group. Turn holder only.
    func open(_ lease: any WriteLease) {
        state.withLock { $0.group = Group(lease: lease) }
    }

    /// Takes the open group away from the lane without handing the turn on (to roll it back).
    func detach() -> Group? {
        state.withLock { state in
            defer { state.group = nil }
            return state.group
        }
    }

    /// The turn holder's write succeeded. It joins the group and waits for the group's commit
    /// while the next writer runs; or, when nobody is queued or the group holds `limit` writes,
    /// it is told to commit the group itself. The turn is handed on either way. The write's own
    /// `deltas` join the group's held ones, or replace them when the write added those itself
    /// (`inheritedApplied`).
    func join(limit: Int, deltas: DeltaSet, inheritedApplied: Bool) async throws -> Verdict {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Verdict, any Error>) in
            let (verdict, next) = state.withLock { state -> (Verdict?, CheckedContinuation<Void, Never>?) in
                guard state.group != nil else { preconditionFailure("joined a group that is not open") }
                // Through the state in place: a copy of the group would copy its deltas.
                if inheritedApplied {
                    state.group!.deltas = deltas
                } else {
                    state.group!.deltas.merge(deltas)
                }
                state.group!.members += 1
                let stay = !state.queue.isEmpty && state.group!.members < limit
                var ending: Group?
                if stay {
                    state.group!.waiters.append(continuation)
                } else {
                    ending = state.group
                    state.group = nil
                }
                return (ending.map(Verdict.commit), Self.handOn(&state))
            }
            next?.resume()
            if let verdict { continuation.resume(returning: verdict) }
        }
    }

    /// The turn holder leaves without joining (its write failed or was refused). If the group
    /// has writes and nobody is queued to carry it on, the group is returned for the caller to
    /// commit. The turn is handed on.
    func leave() -> Group? {
        let (group, next) = state.withLock { state -> (Group?, CheckedContinuation<Void, Never>?) in
            var ending: Group?
            if let group = state.group, group.members == 0 || state.queue.isEmpty {
                ending = group
                state.group = nil
            }
            return (ending, Self.handOn(&state))
        }
        next?.resume()
        return group
    }

    private static func handOn(_ state: inout State) -> CheckedContinuation<Void, Never>? {
        if state.queue.isEmpty {
            state.busy = false
            return nil
        }
        // Queues are bounded by concurrent callers, so removeFirst is cheap enough.
        return state.queue.removeFirst()
    }
}
