import SQLKit

/// Statements with values bound natively, written once for both backends.
///
/// SQLKit serialises an expression tree and encodes each bound value through `Encodable` and
/// dynamic casts; the profiles of the registry's import and look-ups put a quarter of their
/// time there. These take plain SQL with `?` placeholders (renumbered `$1`, `$2`… for
/// PostgreSQL) and ``StoreValue``s, and hand both straight to the driver. Only databases the
/// store hands out (inside ``Store/read(_:)``, ``Store/query(_:)``, ``Store/transaction(_:grouping:_:)``)
/// support them; they keep that database's rules (a failed statement aborts the transaction,
/// none runs after it ends).
extension SQLDatabase {
    /// The database the store handed out under this one, if it is one.
    private var guardedDatabase: GuardedDatabase? {
        (self as? GuardedDatabase) ?? (self as? StoreTransaction)?.database
    }

    /// Runs `sql` with `values` bound to its `?` placeholders in order; returns every row.
    public func nativeRows(_ sql: String, _ values: [StoreValue] = []) async throws -> [StoreRow] {
        guard let guarded = guardedDatabase else {
            throw StoreError(.invalidArgument, "native statements run only on a database the store handed out")
        }
        return try await guarded.runNative(sql, values)
    }

    /// Runs the statement `sql(list)` once per chunk of `keys` (at most `chunk` a statement,
    /// within both backends' bind limits), `list` being the chunk's `(?, ?, …)` for an `IN`;
    /// returns every statement's rows. For reading many rows by key in a few statements.
    /// `leading`: values bound to the `?`s that come before the list in `sql`, in every statement.
    public func nativeRows(in keys: [StoreValue], after leading: [StoreValue] = [], chunk: Int = 1_000,
                           _ sql: (_ list: String) -> String) async throws -> [StoreRow] {
        var rows: [StoreRow] = []
        var start = 0
        while start < keys.count {
            let slice = Array(keys[start..<min(start + chunk, keys.count)])
            rows += try await nativeRows(sql(placeholderList(slice.count)), leading + slice)
            start += slice.count
        }
        return rows
    }

    /// Runs `sql` with `values` bound, ignoring any rows.
    public func nativeExecute(_ sql: String, _ values: [StoreValue] = []) async throws {
        _ = try await nativeRows(sql, values)
    }

    /// Inserts rows given as one flat, row-major list of values, like
    /// ``nativeInsert(into:columns:values:suffix:)``; on PostgreSQL each column is bound as one
    /// array of its `types` entry and the arrays unnested: one prepared statement whatever the
    /// number of rows (a single row as a prepared `VALUES`), where a `VALUES` list of a new
    /// length is parsed and planned afresh (for the read audit's group commits, as long again as
    /// inserting the rows: BENCHMARKS.md note 30).
    /// As many rows a statement as ``nativeInsertRows(columns:)`` on both backends; the rows go
    /// in in their order (an `ON CONFLICT` in `suffix` locks the rows it updates in that order).
    /// Returns the rows of a `RETURNING` clause in `suffix`, from every statement.
    @discardableResult
    public func nativeInsert(
        into table: String, columns: [String], types: [StoreColumnType], values: [StoreValue], suffix: String = ""
    ) async throws -> [StoreRow] {
        precondition(columns.count == types.count && !columns.isEmpty && values.count % columns.count == 0,
                     "one type a column; values must fill whole rows")
        // Checked on both backends alike: SQLite would take any value, PostgreSQL's array none.
        for (index, value) in values.enumerated() where !types[index % types.count].admits(value) {
            throw types[index % types.count].refusal(of: value, in: columns[index % columns.count])
        }
        guard let guarded = guardedDatabase, guarded.native.isPostgres else {
            return try await valuesInsert(into: table, columns: columns, values: values, suffix: suffix)
        }
        return try await arraysInsert(into: table, columns: columns, types: types, values: values, suffix: suffix, on: guarded)
    }

    /// The PostgreSQL half of the typed insert, `values` already known to fit `types`.
    private func arraysInsert(
        into table: String, columns: [String], types: [StoreColumnType], values: [StoreValue], suffix: String, on guarded: GuardedDatabase
    ) async throws -> [StoreRow] {
        let tail = suffix.isEmpty ? "" : " " + suffix
        if values.count == columns.count {
            // One row (a registration's): its `VALUES` text is fixed too, and runs cheaper
            // prepared than the arrays' unnesting (note 30). Each placeholder's type is written
            // in: a prepared statement's parameters take theirs at its preparation, and a NULL
            // bound first would leave PostgreSQL to take the column's (`integer`, say), refusing
            // every 64-bit value bound after it.
            let placeholders = types.map { "?::\($0.postgresName)" }.joined(separator: ", ")
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))\(tail)"
            return try await guarded.runNative(sql, values, prepare: true)
        }
        let arrays = types.map { "?::\($0.postgresName)[]" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(arrays))\(tail)"
        let perStatement = nativeInsertRows(columns: columns.count) * columns.count
        var returned: [StoreRow] = []
        var start = 0
        while start < values.count {
            let end = min(start + perStatement, values.count)
            let arraysOfChunk = columns.indices.map { column in
                PostgresColumnArray(type: types[column], values: stride(from: start + column, to: end, by: columns.count).map { values[$0] },
                                    column: columns[column])
            }
            returned += try await guarded.runNativeColumns(sql, arraysOfChunk)
            start = end
        }
        return returned
    }

    /// Inserts rows given as one flat, row-major list of values (`columns.count` per row),
    /// with as many rows per statement as both backends' bind limits allow.
    ///
    /// On PostgreSQL, when each column's values are all of one kind (NULLs aside, and not all
    /// NULL), as a typed insert of those kinds (``nativeInsert(into:columns:types:values:suffix:)``):
    /// one prepared text whatever the number of rows; else as `VALUES` lists sent as text.
    ///
    /// - Parameter suffix: appended to each statement, e.g. `ON CONFLICT (…) DO UPDATE …`.
    /// - Returns: the rows of a `RETURNING` clause in `suffix`, from every statement.
    @discardableResult
    public func nativeInsert(into table: String, columns: [String], values: [StoreValue], suffix: String = "") async throws -> [StoreRow] {
        precondition(!columns.isEmpty && values.count % columns.count == 0, "values must fill whole rows")
        if let guarded = guardedDatabase, guarded.native.isPostgres,
           let types = StoreColumnType.kinds(of: values, columns: columns.count) {
            // The kinds were read off the values: they fit without a second look.
            return try await arraysInsert(into: table, columns: columns, types: types, values: values, suffix: suffix, on: guarded)
        }
        return try await valuesInsert(into: table, columns: columns, values: values, suffix: suffix)
    }

    /// Inserts the rows as `VALUES` lists, as many a statement as both backends' bind limits allow.
    private func valuesInsert(into table: String, columns: [String], values: [StoreValue], suffix: String) async throws -> [StoreRow] {
        let rowCount = values.count / columns.count
        let perStatement = nativeInsertRows(columns: columns.count)
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let tuple = placeholderList(columns.count)
        let tail = suffix.isEmpty ? "" : " " + suffix
        var fullStatement: String?
        var returned: [StoreRow] = []
        var start = 0
        while start < rowCount {
            let count = min(perStatement, rowCount - start)
            let sql: String
            if count == perStatement, let full = fullStatement {
                sql = full
            } else {
                sql = head + Array(repeating: tuple, count: count).joined(separator: ", ") + tail
                if count == perStatement { fullStatement = sql }
            }
            returned += try await nativeRows(sql, Array(values[(start * columns.count)..<((start + count) * columns.count)]))
            start += count
        }
        return returned
    }
}

/// How many rows of `columns` values ``SQLKit/SQLDatabase/nativeInsert(into:columns:values:suffix:)``
/// puts in one statement: PostgreSQL allows 65,535 binds a statement and SQLite 32,766.
public func nativeInsertRows(columns: Int) -> Int {
    max(1, min(1_000, 30_000 / columns))
}

/// `(?, ?, …)` with `count` placeholders: a row of a multi-row insert, or the list of `IN`.
public func placeholderList(_ count: Int) -> String {
    "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
}
