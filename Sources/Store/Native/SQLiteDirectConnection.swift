import Foundation
import Synchronization
// SQLiteNIO's own build of SQLite (a module of its package, not a product of it): the same copy
// of the library as SQLiteNIO's connections, so POSIX locks on the database file and the WAL
// index are shared correctly. A second copy of SQLite in one process would not be safe.
import VaporCSQLite

/// An SQLite connection called directly on the caller's thread, with its statements prepared
/// once: the store's native statements (``SQLKit/SQLDatabase/nativeRows(_:_:)``) on SQLite.
///
/// SQLiteNIO runs every statement on a thread pool and resumes the caller afterwards: two thread
/// wake-ups a statement, which the look-up profile at 1.5 M persons showed as its largest cost,
/// and it prepares each statement anew (another tenth). It also hands every result row to the
/// event loop separately. So:
///
/// - one-statement reads (``Store/query(_:)``) run on read-only connections of this type, which
///   the backend pools: a look-up by an index reads a few cached pages in microseconds, less
///   than the hand-off;
/// - a write transaction's native statements run on the writer's own handle, borrowed from its
///   SQLiteNIO connection (``init(borrowing:)``): an import's multi-row inserts were prepared
///   anew for every statement, a fifth of the writer's time.
///
/// The price: a statement's CPU time (a few milliseconds for a 1,500-row insert) is spent on
/// the caller's task-pool thread rather than on the store's pool, where the caller only
/// waited. Commits, and with them the fsyncs, still go through SQLiteNIO's pool.
///
/// Used by one task at a time.
final class SQLiteDirectConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Whether this object opened the handle, and so closes it.
    private let owned: Bool
    /// Prepared statements by SQL text, with when each was last used. Bounded, the least
    /// recently used going first: the hot paths use a handful, while the last, shorter
    /// statement of each multi-row insert is new every time.
    private var statements: [String: (statement: OpaquePointer, used: UInt64)] = [:]
    private var uses: UInt64 = 0
    private static let statementLimit = 32

    /// Runs native statements on `handle`, an open connection that stays its owner's: call
    /// ``finalizeStatements()`` before the owner closes it, which SQLite refuses while
    /// statements are prepared. The owner's own calls must not overlap with this object's.
    init(borrowing handle: OpaquePointer) {
        self.handle = handle
        self.owned = false
    }

    /// Opens a read-only connection of its own.
    init(path: String, busyTimeoutMilliseconds: Int) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw Self.error(status, "opening SQLite database \(path) for reading", handle: nil)
        }
        self.handle = handle
        self.owned = true
        do {
            sqlite_nio_sqlite3_busy_timeout(handle, Int32(clamping: busyTimeoutMilliseconds))
            // A read path that tries to write is a bug; make SQLite say so.
            try execute("PRAGMA query_only = ON")
        } catch {
            sqlite_nio_sqlite3_close(handle)
            throw error
        }
    }

    deinit {
        finalizeStatements()
        if owned { sqlite_nio_sqlite3_close(handle) }
    }

    func finalizeStatements() {
        for entry in statements.values { sqlite_nio_sqlite3_finalize(entry.statement) }
        statements.removeAll()
    }

    /// Runs `sql` with `values` bound in order; returns every row.
    func run(_ sql: String, _ values: [StoreValue]) throws -> [StoreRow] {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1), in: statement)
        }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var columns: [String] = []
        for index in 0..<count {
            columns.append(sqlite_nio_sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "")
        }
        var rows: [StoreRow] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw Self.error(status, "running a statement", handle: handle) }
            var row: [StoreValue] = []
            row.reserveCapacity(Int(count))
            for index in 0..<count { row.append(value(at: index, in: statement)) }
            rows.append(StoreRow(columns: columns, values: row))
        }
    }

    private func execute(_ sql: String) throws {
        _ = try run(sql, [])
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        uses += 1
        if let entry = statements[sql] {
            statements[sql]!.used = uses
            return entry.statement
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw Self.error(status, "preparing a statement", handle: handle)
        }
        if statements.count >= Self.statementLimit, let oldest = statements.min(by: { $0.value.used < $1.value.used }) {
            sqlite_nio_sqlite3_finalize(oldest.value.statement)
            statements[oldest.key] = nil
        }
        statements[sql] = (statement, uses)
        return statement
    }

    private func bind(_ value: StoreValue, at index: Int32, in statement: OpaquePointer) throws {
        let status: Int32
        switch value {
        case .null:
            status = sqlite_nio_sqlite3_bind_null(statement, index)
        case .integer(let value):
            status = sqlite_nio_sqlite3_bind_int64(statement, index, value)
        case .real(let value):
            status = sqlite_nio_sqlite3_bind_double(statement, index, value)
        case .text(let value):
            status = sqlite_nio_sqlite3_bind_text64(statement, index, value, UInt64(value.utf8.count), Self.transient,
                                                   UInt8(SQLITE_UTF8))
        case .bytes(let value):
            status = value.withUnsafeBytes { bytes in
                // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                               UInt64(bytes.count), Self.transient)
            }
        }
        guard status == SQLITE_OK else { throw Self.error(status, "binding a value", handle: handle) }
    }

    private func value(at index: Int32, in statement: OpaquePointer) -> StoreValue {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite_nio_sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite_nio_sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard let text = sqlite_nio_sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard let blob = sqlite_nio_sqlite3_column_blob(statement, index), length > 0 else { return .bytes(Data()) }
            return .bytes(Data(bytes: blob, count: length))
        default:
            return .null
        }
    }

    /// SQLite's "copy the value now" destructor, which C spells as a cast of -1.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func error(_ status: Int32, _ doing: String, handle: OpaquePointer?) -> StoreError {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? sqlite_nio_sqlite3_errstr(status).map { String(cString: $0) } ?? "SQLite error \(status)"
        let text = "\(doing): \(message)"
        switch status & 0xFF {
        case SQLITE_READONLY: return StoreError(.readOnly, text)
        case SQLITE_FULL, SQLITE_NOMEM: return StoreError(.storageFull, text)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return StoreError(.conflict, "\(text) (another process held the database lock past the busy timeout)")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: return StoreError(.unavailable, text)
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT: return StoreError(.corrupted, text)
        case SQLITE_IOERR: return StoreError(.unavailable, "\(text) (input/output error)")
        case SQLITE_CONSTRAINT:
            // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE, _ROWID: C macros Swift does not import.
            switch status >> 8 {
            case 6, 8, 10:
                return StoreError(.alreadyExists, text)
            default:
                return StoreError(.constraintViolation, text)
            }
        case SQLITE_TOOBIG, SQLITE_RANGE, SQLITE_MISMATCH: return StoreError(.invalidArgument, text)
        default: return StoreError(.queryFailed, text)
        }
    }
}
