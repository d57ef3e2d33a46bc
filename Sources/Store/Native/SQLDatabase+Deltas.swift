import SQLKit

extension SQLDatabase {
    /// Adds each row's `delta` to the counter kept under its key (`keys`, one value each, in
    /// order) in `table`, creating the rows that do not exist. The shape every maintained +1/−1
    /// table of the services is written with (coverage per day, first certificates, registered
    /// persons per county and day). Zero deltas are skipped.
    ///
    /// In a write transaction (``Store/transaction(_:grouping:_:)``) the deltas are held back and
    /// added just before the commit (``DeltaSet``): a read of `table` later in the same
    /// transaction does not see them unless ``applyHeldDeltas()`` runs first. Elsewhere (a
    /// migration) they are added at once.
    public func addDeltas(into table: String, keys: [String], delta: String, rows: [(key: [StoreValue], delta: Int64)]) async throws {
        try await addDeltas(into: table, keys: keys, deltas: [delta], rows: rows.map { ($0.key, [$0.delta]) })
    }

    /// ``addDeltas(into:keys:delta:rows:)`` for a table that keeps several counters per key
    /// (`deltas`, one value each per row, in order). A row whose deltas are all zero is skipped.
    public func addDeltas(into table: String, keys: [String], deltas: [String], rows: [(key: [StoreValue], deltas: [Int64])]) async throws {
        let target = DeltaSet.Target(table: table, keys: keys, counters: deltas)
        if let guarded = writeTransaction, guarded.holdDeltas(target, rows) {
            return
        }
        var set = DeltaSet()
        set.add(target, rows)
        try await set.apply(to: self)
    }

    /// Adds the counter deltas this write transaction has held back so far (``addDeltas(into:keys:delta:rows:)``),
    /// with those of the writes it shares a commit with, before the caller reads a counter table
    /// it has just changed. Costs the lock-order guarantee of ``DeltaSet`` for this write: call
    /// it only where such a read needs it. Does nothing outside a write transaction.
    public func applyHeldDeltas() async throws {
        try await writeTransaction?.applyHeldDeltas()
    }

    /// The store's transaction under this database, where counter deltas may be held.
    private var writeTransaction: GuardedDatabase? {
        (self as? GuardedDatabase) ?? (self as? StoreTransaction)?.database
    }
}

/// Counter deltas (``SQLKit/SQLDatabase/addDeltas(into:keys:deltas:rows:)``) held back, summed
/// per table and key, to be added in one deterministic order just before a commit.
///
/// A shared transaction (group commit, ``GroupCommitter``) holds the row locks of all its writes
/// until its one commit. Counter rows are the rows every write touches (the registrations of a
/// day, of a county), so two transactions adding to them in the order their writes came, on two
/// write lanes or two replicas of one database, could each hold a row the other waits for:
/// PostgreSQL then aborts one with a deadlock (SQLSTATE 40P01) and every write of that group
/// fails. Added last, in one order (table, then key) the same in every process, counter rows are
/// locked by every transaction in the same sequence, after every other lock it takes, and no
/// cycle of waits can run through them. A group adds each key once, with its writes' sum.
struct DeltaSet: Sendable {
    /// A counter table and the columns of its key and of its counters.
    struct Target: Hashable, Sendable, Comparable {
        var table: String
        var keys: [String]
        var counters: [String]

        static func < (a: Target, b: Target) -> Bool {
            if a.table != b.table { return a.table < b.table }
            if a.keys != b.keys { return a.keys.lexicographicallyPrecedes(b.keys) }
            return a.counters.lexicographicallyPrecedes(b.counters)
        }
    }

    private(set) var tables: [Target: [[StoreValue]: [Int64]]] = [:]

    var isEmpty: Bool { tables.isEmpty }

    mutating func add(_ target: Target, _ rows: [(key: [StoreValue], deltas: [Int64])]) {
        precondition(!target.keys.isEmpty && !target.counters.isEmpty, "a counter table needs a key and a counter")
        guard !rows.isEmpty else { return }
        for row in rows {
            precondition(row.key.count == target.keys.count, "a key value per key column")
            precondition(row.deltas.count == target.counters.count, "a delta per counter column")
            // In place: a group's sums grow with every write, and a copy per write would cost
            // the group's size each time.
            if let sum = tables[target]?[row.key] {
                tables[target]![row.key] = zip(sum, row.deltas).map { $0 &+ $1 }
            } else {
                tables[target, default: [:]][row.key] = row.deltas
            }
        }
    }

    mutating func merge(_ other: DeltaSet) {
        for (target, sums) in other.tables {
            add(target, sums.map { ($0.key, $0.value) })
        }
    }

    /// The rows to add, table by table and key by key in ``StoreValue/precedes(_:)`` order,
    /// without the keys whose deltas summed to zero.
    var ordered: [(target: Target, rows: [(key: [StoreValue], deltas: [Int64])])] {
        tables.keys.sorted().compactMap { target in
            let rows = tables[target]!.filter { $0.value.contains { $0 != 0 } }
                .sorted { $0.key.lexicographicallyPrecedes($1.key, by: { $0.precedes($1) }) }
                .map { (key: $0.key, deltas: $0.value) }
            return rows.isEmpty ? nil : (target, rows)
        }
    }

    /// Adds every delta on `db`, one multi-row upsert per table (chunked to the bind limits).
    /// PostgreSQL locks the rows of an `INSERT … ON CONFLICT` in the order of its `VALUES`.
    func apply(to db: any SQLDatabase) async throws {
        for (target, rows) in ordered {
            var values: [StoreValue] = []
            values.reserveCapacity(rows.count * (target.keys.count + target.counters.count))
            for row in rows {
                values += row.key
                values += row.deltas.map(StoreValue.init)
            }
            let set = target.counters.map { "\($0) = \(target.table).\($0) + excluded.\($0)" }.joined(separator: ", ")
            let suffix = "ON CONFLICT (\(target.keys.joined(separator: ", "))) DO UPDATE SET \(set)"
            // Typed by its values like every insert (the same kind in every row of a key
            // column): on PostgreSQL one prepared statement for any number of rows.
            try await db.nativeInsert(into: target.table, columns: target.keys + target.counters, values: values, suffix: suffix)
        }
    }
}

extension StoreValue {
    /// A total order on values, the same in every process: by kind (null, integer, real, text,
    /// bytes), then by value. Only its determinism matters (``DeltaSet``), not that it match
    /// either database's collation.
    func precedes(_ other: StoreValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.real(let a), .real(let b)): return a.isTotallyOrdered(belowOrEqualTo: b) && a != b
        case (.text(let a), .text(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.bytes(let a), .bytes(let b)): return a.lexicographicallyPrecedes(b)
        default: return rank < other.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .integer: 1
        case .real: 2
        case .text: 3
        case .bytes: 4
        }
    }
}
