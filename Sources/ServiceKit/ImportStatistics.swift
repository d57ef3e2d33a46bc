import JCSkillsStore
import Synchronization

/// Keeps PostgreSQL's planner statistics of the tables a bulk import fills in step with their
/// growth: they are gathered again whenever the rows the import wrote since the last time
/// exceed what the tables held then — when they may have doubled, a handful of times an import.
///
/// PostgreSQL's autovacuum gathers them at most once a minute, and only once a tenth of a table
/// changed. A table filled from empty has none for the import's first minute, and a look-up of
/// 1,000 keys by a non-unique index is then planned as a scan of the whole table (each key
/// assumed to match 0.5 % of it): the evaluation import's look-up of the holders' certificates
/// took 30–200 ms a batch and a third of a 1.46 M-certificate import (BENCHMARKS.md note 18).
/// SQLite plans without statistics; there this does nothing.
public final class ImportStatistics: Sendable {
    private let store: Store
    private let tables: [String]
    private let state = Mutex((heldThen: 0, writtenSince: 0))

    public init(store: Store, tables: [String]) {
        self.store = store
        self.tables = tables
    }

    /// Counts rows one of the import's transactions committed, and gathers the statistics again
    /// when they are due. Call between transactions. A failure leaves the statistics to the
    /// autovacuum (they speed the import up; the import does not need them).
    public func committed(_ rows: Int) async {
        guard store.dialect == .postgres else { return }
        let due = state.withLock { state in
            state.writtenSince += rows
            return state.writtenSince > state.heldThen
        }
        guard due, let held = try? await store.analyze(tables) else { return }
        state.withLock { $0 = (held, 0) }
    }
}
