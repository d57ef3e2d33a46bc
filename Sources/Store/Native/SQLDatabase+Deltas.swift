import SQLKit

extension SQLDatabase {
    /// Adds each row's `delta` to the counter kept under its key (`keys`, one value each, in
    /// order) in `table`, creating the rows that do not exist: one multi-row upsert, in the
    /// caller's transaction. The shape every maintained +1/−1 table of the services is written
    /// with (coverage per day, first certificates, registered persons per county and day).
    /// Zero deltas are skipped.
    public func addDeltas(into table: String, keys: [String], delta: String, rows: [(key: [StoreValue], delta: Int64)]) async throws {
        var values: [StoreValue] = []
        values.reserveCapacity(rows.count * (keys.count + 1))
        for row in rows where row.delta != 0 {
            precondition(row.key.count == keys.count, "a key value per key column")
            values += row.key
            values.append(StoreValue(row.delta))
        }
        guard !values.isEmpty else { return }
        try await nativeInsert(into: table, columns: keys + [delta], values: values,
                               suffix: "ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(delta) = \(table).\(delta) + excluded.\(delta)")
    }
}
