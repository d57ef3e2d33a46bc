import Foundation
import JCSkillsExecutors
import Logging
import NIOCore
import PostgresKit

/// The connection under a transaction's `SQLDatabase`, for statements that bind
/// ``StoreValue``s in the driver's own types instead of through SQLKit's encoders.
enum NativeConnection: Sendable {
    /// SQLite on the store's thread pool: the statements of a read transaction.
    case sqlite(SQLiteDatabase)
    /// SQLite without a thread hand-off: a one-statement read, or the writer's transactions.
    case sqliteDirect(SQLiteConnection)
    /// `prepared`: statements are prepared once per connection and run by name after
    /// (``AnyPreparedStatement``); the backend asks for it on reads only. `preparedInserts`:
    /// the statements of a fixed text that ask for it (``run(_:_:prepare:)``, ``runColumns(_:_:)``:
    /// typed inserts) are prepared too (``StoreConfiguration/postgresPreparedInserts``).
    case postgres(PostgresConnection, Logger, prepared: Bool, preparedInserts: Bool)

    /// Runs `sql` (placeholders written `?`) with `values` bound in order; returns every row.
    /// `prepare`: on PostgreSQL, prepare it whatever the connection's reads do when the
    /// connection prepares inserts (a write's statement of a fixed text).
    func run(_ sql: String, _ values: [StoreValue], prepare: Bool = false) async throws -> [StoreRow] {
        switch self {
        case .sqlite(let database):
            return try await database.run(sql, values)
        case .sqliteDirect(let connection):
            return try connection.run(sql, values)
        case .postgres(let connection, let logger, let preparedReads, let preparedInserts):
            var bindings = PostgresBindings(capacity: values.count)
            for value in values { value.bind(into: &bindings) }
            return try await Self.rows(PostgresStatementText.of(sql), on: connection, bindings: bindings,
                                       prepared: preparedReads || (prepare && preparedInserts), logger: logger)
        }
    }
}

extension NativeConnection {
    /// PostgreSQL only: runs `sql`, whose placeholders each take a whole column bound as one
    /// array, as a prepared statement (when the connection prepares inserts) whatever the
    /// connection's reads do — its text is the same for any number of rows, so one preparation
    /// serves every run.
    /// Returns the rows of a `RETURNING` clause, if it has one.
    func runColumns(_ sql: String, _ columns: [PostgresColumnArray]) async throws -> [StoreRow] {
        guard case .postgres(let connection, let logger, _, let preparedInserts) = self else {
            throw StoreError(.invalidArgument, "array-bound statements are PostgreSQL's only")
        }
        var bindings = PostgresBindings(capacity: columns.count)
        for column in columns { try bindings.append(column) }
        return try await Self.rows(PostgresStatementText.of(sql), on: connection, bindings: bindings, prepared: preparedInserts, logger: logger)
    }

    /// Runs `text` as text, or as a prepared statement retiring the connection on the failures
    /// that require it (``retiresConnection(_:)``); returns its rows. A connection already
    /// closed fails it at once (``PostgresConnection/ensureOpen()``): on the connection's loop,
    /// where PostgresNIO writes the statement before its first wait, right after the check.
    private static func rows(
        _ text: PostgresStatementText, on connection: PostgresConnection, bindings: PostgresBindings, prepared: Bool, logger: Logger
    ) async throws -> [StoreRow] {
        try await EventLoopTaskExecutor.onLoop(connection.eventLoop) {
            try await rowsOnLoop(text, on: connection, bindings: bindings, prepared: prepared, logger: logger)
        }
    }

    private static func rowsOnLoop(
        _ text: PostgresStatementText, on connection: PostgresConnection, bindings: PostgresBindings, prepared: Bool, logger: Logger
    ) async throws -> [StoreRow] {
        try connection.ensureOpen()
        var rows: [StoreRow] = []
        var columns: [String]?
        let collect = { (row: PostgresRow) throws in
            var values: [StoreValue] = []
            values.reserveCapacity(row.count)
            var names: [String] = []
            for cell in row {
                values.append(try StoreValue(cell))
                if columns == nil { names.append(cell.columnName) }
            }
            if columns == nil { columns = names }
            rows.append(StoreRow(columns: columns!, values: values))
        }
        guard prepared else {
            let query = PostgresQuery(unsafeSQL: text.sql, binds: bindings)
            for try await row in try await connection.query(query, logger: logger) { try collect(row) }
            return rows
        }
        do {
            try await AnyPreparedStatement.run(text, on: connection, bindings: bindings, logger: logger, onRow: collect)
        } catch let error as PSQLError where retiresConnection(error) {
            try? await connection.close().get()
            throw error
        }
        return rows
    }

    /// Whether a prepared statement's failure retires its connection (the pool opens a fresh one).
    ///
    /// PostgresNIO remembers a statement whose preparation the server refused, and fails it the
    /// same way on that connection for ever; and a prepared query's result type is fixed, so a
    /// migration run by another replica that changes it makes the statement fail (SQLSTATE 0A000)
    /// until the connection closes. Such refusals are rare, so any server error retires the
    /// connection — but those that only executing raises, in normal operation: a data exception
    /// (22), a constraint refusing a row (23), a serialisation failure or deadlock (40). Those
    /// leave the transaction to roll back (to its savepoint, in a group of writes) and the
    /// connection to go on. (A cancelled read is not a server error, and closing under a row
    /// stream it abandoned left the close waiting on that stream.)
    static func retiresConnection(_ error: PSQLError) -> Bool {
        guard error.code == .server else { return false }
        let state = error.serverInfo?[.sqlState] ?? ""
        return !["22", "23", "40"].contains(state.prefix(2))
    }

    var isPostgres: Bool {
        if case .postgres = self { true } else { false }
    }
}

extension StoreValue {
    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .integer(let value): bindings.append(value)
        case .real(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        case .bytes(let value): bindings.append(ByteBuffer(bytes: value))
        }
    }

    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: self = .real(try cell.decode(Double.self))
        case .bytea: self = .bytes(Data(try cell.decode(ByteBuffer.self).readableBytesView))
        // SUM over BIGINT is NUMERIC: whole numbers come back as integers, as on SQLite.
        case .numeric:
            let text = "\(try cell.decode(Decimal.self))"
            self = Int64(text).map(StoreValue.integer) ?? Double(text).map(StoreValue.real) ?? .text(text)
        default: self = .text(try cell.decode(String.self))
        }
    }
}
