import CSQLite
import Foundation

/// One SQLite connection of the store, on the SQLite built here (`CSQLite`), with its statements
/// prepared once.
///
/// It runs a statement on the calling thread. The backend decides which thread that is: native
/// statements run on the caller's task (a look-up by an index reads a few cached pages in
/// microseconds, less than a thread hand-off, which the look-up profile at 1.5 M persons showed as
/// its largest cost); SQLKit statements — `BEGIN`, `COMMIT` with its fsync, the long reads of a
/// read transaction — go through ``SQLiteDatabase`` on the store's own thread pool, where blocking
/// is harmless.
///
/// Used by one task at a time (the backend hands it out that way); SQLite's serialized mode
/// (`SQLITE_OPEN_FULLMUTEX`) guards the handle besides.
final class SQLiteConnection: @unchecked Sendable {
    enum Role {
        /// Reads and writes, creating the file if need be.
        case writer
        /// `PRAGMA query_only`: a read path that tries to write is a bug, and SQLite says so.
        case reader
    }

    private let handle: OpaquePointer
    private(set) var isClosed = false
    /// Prepared statements by SQL text, with when each was last used. Bounded, the least
    /// recently used going first: the hot paths use a handful, while the last, shorter
    /// statement of each multi-row insert is new every time.
    private var statements: [String: (statement: OpaquePointer, used: UInt64)] = [:]
    private var uses: UInt64 = 0
    private static let statementLimit = 32

    /// Opens `path` (a file name or an SQLite `file:` URI) with SQLite's busy handler waiting up
    /// to `busyTimeoutMilliseconds` for another process's lock.
    init(path: String, role: Role, busyTimeoutMilliseconds: Int) throws {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        if role == .writer { flags |= SQLITE_OPEN_CREATE }
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let error = Self.error(status, "opening SQLite database \(path)", handle: handle)
            if let handle { sqlite3_close_v2(handle) }
            throw error
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, Int32(clamping: busyTimeoutMilliseconds))
        do {
            try execute("PRAGMA foreign_keys = ON")
            if role == .reader { try execute("PRAGMA query_only = ON") }
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit { close() }

    /// Finalises the prepared statements and closes the handle; later calls do nothing. The last
    /// connection to a WAL database to close checkpoints it and removes the log.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for entry in statements.values { sqlite3_finalize(entry.statement) }
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` with `values` bound in order (`?` or `?N` placeholders); returns every row.
    func run(_ sql: String, _ values: [StoreValue]) throws -> [StoreRow] {
        guard !isClosed else { throw StoreError(.unavailable, "the SQLite connection is closed") }
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1), in: statement)
        }
        let count = sqlite3_column_count(statement)
        var columns: [String] = []
        for index in 0..<count {
            columns.append(sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "")
        }
        var rows: [StoreRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw Self.error(status, "running a statement", handle: handle) }
            var row: [StoreValue] = []
            row.reserveCapacity(Int(count))
            for index in 0..<count { row.append(value(at: index, in: statement)) }
            rows.append(StoreRow(columns: columns, values: row))
        }
    }

    /// Runs a statement that returns nothing of interest (a pragma's answer is dropped).
    func execute(_ sql: String) throws {
        _ = try run(sql, [])
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        uses += 1
        if let entry = statements[sql] {
            statements[sql]!.used = uses
            return entry.statement
        }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw Self.error(status, "preparing a statement", handle: handle)
        }
        if statements.count >= Self.statementLimit, let oldest = statements.min(by: { $0.value.used < $1.value.used }) {
            sqlite3_finalize(oldest.value.statement)
            statements[oldest.key] = nil
        }
        statements[sql] = (statement, uses)
        return statement
    }

    private func bind(_ value: StoreValue, at index: Int32, in statement: OpaquePointer) throws {
        let status: Int32
        switch value {
        case .null:
            status = sqlite3_bind_null(statement, index)
        case .integer(let value):
            status = sqlite3_bind_int64(statement, index, value)
        case .real(let value):
            status = sqlite3_bind_double(statement, index, value)
        case .text(let value):
            status = sqlite3_bind_text64(statement, index, value, UInt64(value.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .bytes(let value):
            status = value.withUnsafeBytes { bytes in
                // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
                sqlite3_bind_blob64(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                    UInt64(bytes.count), Self.transient)
            }
        }
        guard status == SQLITE_OK else { throw Self.error(status, "binding a value", handle: handle) }
    }

    private func value(at index: Int32, in statement: OpaquePointer) -> StoreValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let length = Int(sqlite3_column_bytes(statement, index))
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(statement, index))
            guard let blob = sqlite3_column_blob(statement, index), length > 0 else { return .bytes(Data()) }
            return .bytes(Data(bytes: blob, count: length))
        default:
            return .null
        }
    }

    /// SQLite's "copy the value now" destructor, which C spells as a cast of -1.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The library's version, `3.54.1`.
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// `status` as a ``StoreError`` of the kind callers act on.
    static func error(_ status: Int32, _ doing: String, handle: OpaquePointer?) -> StoreError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? sqlite3_errstr(status).map { String(cString: $0) } ?? "SQLite error \(status)"
        let text = "\(doing): \(message)"
        switch status & 0xFF {
        case SQLITE_READONLY: return StoreError(.readOnly, "\(text) (the database file or its directory is read-only)")
        case SQLITE_FULL: return StoreError(.storageFull, "\(text) (the disk is full)")
        case SQLITE_NOMEM: return StoreError(.storageFull, "\(text) (out of memory)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return StoreError(.conflict, "\(text) (another process held the database lock past the busy timeout)")
        case SQLITE_PROTOCOL:
            // A race on the WAL's locks while another process recovers it (after a writer was
            // killed); SQLite's documentation says to try again, so callers see it as passing.
            return StoreError(.unavailable, "\(text) (a locking race while another process recovered the log; try again)")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH, SQLITE_NOLFS: return StoreError(.unavailable, text)
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT: return StoreError(.corrupted, text)
        case SQLITE_IOERR:
            // SQLITE_IOERR_DATA (checksum) and SQLITE_IOERR_CORRUPTFS: damage, not a passing fault.
            return status >> 8 == 32 || status >> 8 == 33
                ? StoreError(.corrupted, text) : StoreError(.unavailable, "\(text) (input/output error \(status))")
        case SQLITE_CONSTRAINT:
            // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE, _ROWID: C macros Swift does not import.
            switch status >> 8 {
            case 6, 8, 10: return StoreError(.alreadyExists, text)
            default: return StoreError(.constraintViolation, text)
            }
        case SQLITE_TOOBIG, SQLITE_RANGE, SQLITE_MISMATCH: return StoreError(.invalidArgument, text)
        default: return StoreError(.queryFailed, text)
        }
    }
}
