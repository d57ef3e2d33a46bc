import Foundation
import JCSkillsStore
import Logging
import SQLKit
import Synchronization

/// One import's view of a first load: once the import alone has put `afterRows` persons into
/// an empty SQLite registry, its later transactions write with the ID-number index left out
/// (``IDNumberIndex``) and find the rows already in from the blind indexes kept here.
///
/// What is kept is each blind index's first 16 bytes, in a set (at 20 million persons the
/// registry's resident memory peaked at 1.2 GB while loading: BENCHMARKS.md note 22). Two
/// different ID numbers would have to agree in 128 bits of an HMAC to be taken for one person —
/// about 10⁻²⁴ at 20 million; the index built at the end compares whole values, so a duplicate
/// can never slip through the other way.
final class FirstLoad: Sendable {
    /// 0: never (look-ups by ID number stay available during every import).
    let afterRows: Int
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var accepted = 0
        var loaded: Set<Prefix>?
        /// A transaction of this import left the index out (it may have failed since).
        var leftIndexOut = false
    }

    struct Prefix: Hashable {
        let high: UInt64
        let low: UInt64

        init(_ blindIndex: Data) {
            high = PersonalData.orderKey(ofBlindIndex: blindIndex)
            low = PersonalData.orderKey(ofBlindIndex: blindIndex.dropFirst(8))
        }
    }

    init(afterRows: Int, logger: Logger) {
        self.afterRows = afterRows
        self.logger = logger
    }

    /// Whether this import loads with the index left out.
    var isLoading: Bool { state.withLock { $0.loaded != nil } }

    /// Whether a row with `blindIndex` is already in (loading only).
    func contains(_ blindIndex: Data) -> Bool {
        state.withLock { $0.loaded?.contains(Prefix(blindIndex)) ?? false }
    }

    /// Whether the transaction that is about to commit `rows` more should leave the index out
    /// from now on: SQLite, enough rows, and every person in the table put there by this import
    /// (nothing else wrote meanwhile, nothing was there before).
    func shouldStart(adding rows: Int, in db: any SQLDatabase, dialect: StoreDialect) async throws -> Bool {
        guard afterRows > 0, dialect == .sqlite else { return false }
        let accepted = state.withLock { $0.loaded == nil ? $0.accepted + rows : 0 }
        guard accepted >= afterRows,
              try await db.nativeRows("SELECT count(*) AS n FROM persons").first?.int64("n") == Int64(accepted)
        else { return false }
        state.withLock { $0.leftIndexOut = true }
        return true
    }

    /// Whether the import must see the index built before it ends.
    var leftIndexOut: Bool { state.withLock { $0.leftIndexOut } }

    /// Records a committed transaction: its rows, and the keys it added (all the table's when
    /// it started the load).
    func committed(rows: Int, keys: [Data], started: Bool) {
        state.withLock { state in
            state.accepted += rows
            if started { state.loaded = Set(minimumCapacity: keys.count * 2) }
            for key in keys { state.loaded?.insert(Prefix(key)) }
        }
        if started {
            logger.info("a first load into an empty registry: the ID-number index is built when the import ends",
                        metadata: ["persons": "\(keys.count)"])
        }
    }

    /// Forgets the keys (the load is over).
    func end() {
        state.withLock { $0.loaded = nil }
    }
}
