import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy of an SQLite store taken while its service runs and writes, through SQLite's online
/// backup API (`sqlite3_backup_*`).
///
/// The copy is one snapshot: the source connection opens a read transaction first and keeps it
/// until the last page is copied. In WAL mode (the store's, `Sources/Store/Backend/SQLiteBackend.swift`)
/// a reader never blocks the writer, so the service goes on committing while the copy runs, and
/// what it commits meanwhile is not in the copy — nor half of it. Without that transaction the
/// backup API would start over after every commit of another process, and might never finish
/// under a steady write load.
public enum SQLiteOnlineBackup {
    /// Pages copied so far and pages in the snapshot.
    public struct Progress: Sendable, Hashable {
        public var copiedPages: Int
        public var totalPages: Int
    }

    /// Pages copied between two progress reports (4 MiB with SQLite's 4 KiB pages).
    static let pagesPerStep: Int32 = 1024

    /// Copies the database at `source` into a new file at `destination` (mode 0600; it must not
    /// exist), leaves it a single self-contained file (rollback journal, no `-wal`), and checks
    /// it with `PRAGMA integrity_check`.
    ///
    /// - Throws: ``StoreError``: `unavailable` when the source cannot be opened or the
    ///   destination created, `corrupted` when the copy fails its check.
    @discardableResult
    public static func copy(from source: String, to destination: String, busyTimeoutMilliseconds: Int32 = 10_000,
                            progress: (Progress) -> Void = { _ in }) throws -> Progress {
        guard FileManager.default.fileExists(atPath: source) else {
            throw StoreError(.unavailable, "no SQLite database at \(source)")
        }
        let from = try openDatabase(source, create: false, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        defer { sqlite3_close_v2(from) }
        // The snapshot: held from here until the last page is copied.
        try execute(from, "PRAGMA query_only = ON")
        try execute(from, "BEGIN")
        try execute(from, "SELECT COUNT(*) FROM sqlite_schema")
        defer { try? execute(from, "COMMIT") }

        try createPrivateFile(destination)
        let to: OpaquePointer
        do {
            to = try openDatabase(destination, create: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        } catch {
            unlink(destination)
            throw error
        }
        var closed = false
        defer { if !closed { sqlite3_close_v2(to) } }
        do {
            let done = try run(from: from, to: to, progress: progress)
            // A backup is one file to move and keep: no log beside it.
            try execute(to, "PRAGMA journal_mode = DELETE")
            sqlite3_close_v2(to)
            closed = true
            let check = try integrityCheck(destination)
            guard check == "ok" else { throw StoreError(.corrupted, "the copy at \(destination) fails its integrity check: \(check)") }
            return done
        } catch {
            if !closed { sqlite3_close_v2(to) }
            closed = true
            unlink(destination)
            throw error
        }
    }

    private static func run(from: OpaquePointer, to: OpaquePointer, progress: (Progress) -> Void) throws -> Progress {
        guard let backup = sqlite3_backup_init(to, "main", from, "main") else {
            throw SQLiteConnection.error(sqlite3_errcode(to), "starting the backup", handle: to)
        }
        var finished = false
        defer { if !finished { sqlite3_backup_finish(backup) } }
        var busyRounds = 0
        while true {
            let status = sqlite3_backup_step(backup, pagesPerStep)
            let total = Int(sqlite3_backup_pagecount(backup))
            let current = Progress(copiedPages: total - Int(sqlite3_backup_remaining(backup)), totalPages: total)
            switch status {
            case SQLITE_DONE:
                progress(current)
                finished = true
                let result = sqlite3_backup_finish(backup)
                guard result == SQLITE_OK else { throw SQLiteConnection.error(result, "finishing the backup", handle: to) }
                return current
            case SQLITE_OK:
                busyRounds = 0
                progress(current)
            case SQLITE_BUSY, SQLITE_LOCKED:
                // Only the destination can be busy (the source is read under the snapshot): another
                // process opened the new file. Wait a little, a bounded number of times.
                busyRounds += 1
                guard busyRounds < 500 else { throw SQLiteConnection.error(status, "copying pages", handle: to) }
                usleep(10_000)
            default:
                throw SQLiteConnection.error(status, "copying pages", handle: to)
            }
        }
    }

    /// `PRAGMA integrity_check` of the database at `path`: `"ok"`, or the first problems found.
    public static func integrityCheck(_ path: String) throws -> String {
        let handle = try openDatabase(path, create: false, busyTimeoutMilliseconds: 10_000)
        defer { sqlite3_close_v2(handle) }
        let lines = try strings(handle, "PRAGMA integrity_check(20)")
        return lines.isEmpty ? "no answer" : lines.joined(separator: "; ")
    }

    /// The index-key fingerprint recorded in the database for `service` (see
    /// `Sources/Store/PersonalData/KeyCheck.swift`), or nil when none was recorded.
    public static func recordedKeyFingerprint(_ path: String, service: String) throws -> String? {
        let handle = try openDatabase(path, create: false, busyTimeoutMilliseconds: 10_000)
        defer { sqlite3_close_v2(handle) }
        let exists = try strings(handle, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'jcs_settings'")
        guard !exists.isEmpty else { return nil }
        let quoted = service.replacingOccurrences(of: "'", with: "''")
        return try strings(handle, """
            SELECT value FROM jcs_settings WHERE service = '\(quoted)' AND name = '\(KeyCheck.setting)'
            """).first
    }

    /// Whether another process has the database at `path` open right now.
    ///
    /// Every connection to a WAL database holds a shared lock on the "dead man's switch" byte of
    /// its `-shm` file (byte 128 in SQLite's unix VFS) for as long as it is open; the test asks
    /// the kernel whether an exclusive lock on that byte would conflict with one. Locks this
    /// process holds itself are not seen.
    public static func isOpenElsewhere(_ path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    static func createPrivateFile(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(errno == EEXIST ? .alreadyExists : .unavailable, "cannot create \(path): \(reason)")
        }
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
    }

    private static func openDatabase(_ path: String, create: Bool, busyTimeoutMilliseconds: Int32) throws -> OpaquePointer {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let error = SQLiteConnection.error(status, "opening SQLite database \(path)", handle: handle)
            if let handle { sqlite3_close_v2(handle) }
            throw error
        }
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        return handle
    }

    private static func execute(_ handle: OpaquePointer, _ sql: String) throws {
        _ = try strings(handle, sql)
    }

    /// The first column of every row of `sql`, as text.
    private static func strings(_ handle: OpaquePointer, _ sql: String) throws -> [String] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw SQLiteConnection.error(prepared, "preparing \(sql)", handle: handle) }
        defer { sqlite3_finalize(statement) }
        var values: [String] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return values }
            guard status == SQLITE_ROW else { throw SQLiteConnection.error(status, "running \(sql)", handle: handle) }
            if sqlite3_column_count(statement) > 0, let text = sqlite3_column_text(statement, 0) {
                values.append(String(cString: text))
            }
        }
    }
}
