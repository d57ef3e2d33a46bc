extension Store {
    /// PostgreSQL: gathers fresh planner statistics of `tables` (`ANALYZE`), and returns the rows
    /// they now hold by those statistics. Nil on SQLite, which plans without them (built with
    /// `SQLITE_ENABLE_QPSG`, BENCHMARKS.md note 16). Table names are the caller's own constants.
    public func analyze(_ tables: [String]) async throws -> Int? {
        guard dialect == .postgres, !tables.isEmpty else { return nil }
        return try await query { db in
            try await db.nativeExecute("ANALYZE " + tables.joined(separator: ", "))
            let rows = try await db.nativeRows(
                "SELECT CAST(COALESCE(SUM(GREATEST(reltuples, 0)), 0) AS BIGINT) AS n FROM pg_class WHERE relkind = 'r' AND relname IN "
                    + placeholderList(tables.count), tables.map(StoreValue.text))
            return Int(try rows.first?.int64("n") ?? 0)
        }
    }
}
