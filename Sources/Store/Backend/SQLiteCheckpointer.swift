import Foundation
import Logging
import CSQLite

/// Copies committed WAL frames into the database file on a thread of its own, so that the
/// writer never does.
///
/// With SQLite's automatic checkpoints, the commit that crosses the threshold copies the whole
/// log into the database file and fsyncs it before it returns — tens of milliseconds in which
/// every waiting write, and every look-up waiting for its audit row, stands still: the
/// registry's look-up p99 was five times its p90 for that reason, and a bulk import spent an
/// eighth of its server time there. A passive checkpoint from another connection runs beside
/// the writer (it waits for neither writers nor readers), on the other core.
///
/// The writer keeps a high automatic threshold, at which it starts the log over (see
/// `SQLiteBackend`); by then this thread has copied nearly everything.
final class SQLiteCheckpointer: @unchecked Sendable {
    /// How long after a commit the log is copied. Short enough that the log stays small (readers
    /// search it), long enough that a page written by many transactions is copied once.
    static let interval: TimeInterval = 0.25

    private let handle: OpaquePointer
    private let logger: Logger
    /// Guards the two fields below and wakes the thread.
    private let condition = NSCondition()
    private var committed = false
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, busyTimeoutMilliseconds: Int, logger: Logger) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite3_close(handle) }
            throw StoreError(.unavailable, "opening SQLite database \(path) for checkpoints: \(String(cString: sqlite3_errstr(status)))")
        }
        self.handle = handle
        self.logger = logger
        sqlite3_busy_timeout(handle, Int32(clamping: busyTimeoutMilliseconds))
        // No statement runs here but on the thread, before the first checkpoint (see `checkpoint`),
        // which also sets `synchronous = FULL` whatever the library's default: a checkpoint
        // fsyncs the log before copying and the database after.
        let thread = Thread { [self] in run() }
        thread.name = "sqlite-checkpoint"
        thread.start()
    }

    /// A transaction committed: copy its frames soon.
    func noteCommit() {
        condition.lock()
        defer { condition.unlock() }
        if !committed {
            committed = true
            condition.signal()
        }
    }

    /// Stops the thread and closes its connection; returns once both are done. Blocks for at
    /// most a checkpoint in progress. The writer, closing last, checkpoints what is left.
    func stop() {
        condition.lock()
        let first = !stopping
        stopping = true
        condition.signal()
        condition.unlock()
        guard first else { return }
        finished.wait()
        sqlite3_close(handle)
    }

    private func run() {
        while true {
            condition.lock()
            while !committed && !stopping { condition.wait() }
            // Let more commits gather; a stop cuts the wait short.
            let due = Date(timeIntervalSinceNow: Self.interval)
            while !stopping && condition.wait(until: due) {}
            committed = false
            let stopped = stopping
            condition.unlock()
            if stopped { break }
            checkpoint()
        }
        finished.signal()
    }

    /// Whether the connection has read the database yet (only the thread uses it).
    private var attached = false

    private func checkpoint() {
        if !attached {
            // A connection learns that the file is in WAL mode, and opens the log, only when it
            // first reads; until then a checkpoint finds no log and copies nothing. Not at
            // open: reading there could make a store opening beside it (racing start-ups) fail
            // to switch the file to WAL.
            attached = sqlite3_exec(handle, "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK
        }
        let status = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        // BUSY: another checkpoint (the writer's backstop, another process) is running; the
        // next commit brings this one back.
        if status != SQLITE_OK && status & 0xFF != SQLITE_BUSY {
            logger.warning("background WAL checkpoint failed", metadata: [
                "status": "\(status)", "message": "\(String(cString: sqlite3_errmsg(handle)))",
            ])
        }
    }
}
