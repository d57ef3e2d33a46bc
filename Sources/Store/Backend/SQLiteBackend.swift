import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// SQLite in WAL mode: one writer connection, a few reader connections, a private thread pool.
///
/// The connections are the store's own (``SQLiteConnection``, on the SQLite built in `CSQLite`):
/// one copy of SQLite in the process, whose file locks every connection shares.
///
/// Writes serialise on the single writer connection through an async FIFO lock, and begin
/// with `BEGIN IMMEDIATE`, so inside one process no write ever meets `SQLITE_BUSY`; another
/// process (a second replica, the `sqlite3` shell) is waited for up to the busy timeout.
/// Readers use their own connections and, thanks to WAL, see the last committed state
/// without waiting for the writer.
///
/// The thread pool is private and has a thread per connection: SQLite calls block their
/// thread, and a shared pool smaller than the number of connections could leave the
/// lock holder without a thread while the others wait for its lock.
final class SQLiteBackend: StoreBackend {
    let dialect = StoreDialect.sqlite
    let path: String
    private let configuration: StoreConfiguration
    private let threadPool: NIOThreadPool
    private let writerLock = AsyncSemaphore(permits: 1)
    /// `nil` after the connection was found in an unknown state; reopened on next use.
    private let writer: Mutex<SQLiteConnection?>
    private let readerPermits: AsyncSemaphore
    private let idleReaders = Mutex<[SQLiteConnection]>([])
    private let checkpointer: SQLiteCheckpointer
    private let closed = Mutex(false)

    private init(path: String, configuration: StoreConfiguration, threadPool: NIOThreadPool, writer: SQLiteConnection,
                 checkpointer: SQLiteCheckpointer) {
        self.path = path
        self.configuration = configuration
        self.threadPool = threadPool
        self.writer = Mutex(writer)
        self.checkpointer = checkpointer
        self.readerPermits = AsyncSemaphore(permits: configuration.sqliteReaders)
    }

    /// Opens (creating if needed) the database file and switches it to WAL.
    static func open(path: String, configuration: StoreConfiguration) async throws -> SQLiteBackend {
        try prepareFile(at: path)
        let threadPool = NIOThreadPool(numberOfThreads: configuration.sqliteReaders + 1)
        threadPool.start()
        do {
            let writer = try await openConnection(path: path, configuration: configuration, threadPool: threadPool,
                                                  role: .writer)
            let checkpointer: SQLiteCheckpointer
            do {
                checkpointer = try SQLiteCheckpointer(path: path, busyTimeoutMilliseconds: Int(configuration.busyTimeout.milliseconds),
                                                      logger: configuration.logger)
            } catch {
                writer.close()
                throw error
            }
            return SQLiteBackend(path: path, configuration: configuration, threadPool: threadPool, writer: writer,
                                 checkpointer: checkpointer)
        } catch {
            try? await threadPool.shutdownGracefully()
            throw ErrorTranslation.translate(error, doing: "opening SQLite database \(path)")
        }
    }

    /// Creates the parent directory (0700) and an empty file (0600) so that the database,
    /// and the -wal and -shm files SQLite derives from its mode, are private to the service.
    private static func prepareFile(at path: String) throws {
        // An SQLite URI (`file:/path?mode=ro`) is SQLite's business entirely.
        if path.hasPrefix("file:") { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.unavailable, "cannot create data directory \(directory): \(error.localizedDescription)")
            }
        }
        if !FileManager.default.fileExists(atPath: path) {
            // A failure here (read-only directory…) is left to SQLite, whose open then fails
            // with a clear error of its own.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
    }

    /// Opens a connection on the pool (opening reads the file, and the writer's pragmas may wait
    /// for another process's lock).
    private static func openConnection(
        path: String, configuration: StoreConfiguration, threadPool: NIOThreadPool, role: SQLiteConnection.Role
    ) async throws -> SQLiteConnection {
        let busyTimeout = configuration.busyTimeout
        let writerCacheMiB = configuration.sqliteWriterCacheMiB
        let readerCacheMiB = configuration.sqliteReaderCacheMiB
        return try await threadPool.runIfActive {
            let connection = try SQLiteConnection(path: path, role: role, busyTimeoutMilliseconds: Int(busyTimeout.milliseconds))
            guard role == .writer else {
                do {
                    try connection.execute("PRAGMA cache_size = -\(readerCacheMiB * 1024)")
                } catch {
                    connection.close()
                    throw error
                }
                return connection
            }
            do {
                let mode = try switchToWAL(connection, within: busyTimeout)
                guard mode.lowercased() == "wal" else {
                    throw StoreError(.unavailable, "SQLite database \(path) cannot use WAL journaling (got \(mode))")
                }
                // FULL: a commit is on disk (WAL fsynced) before it is acknowledged, so an
                // acknowledged write survives a power cut, not only a process crash.
                try connection.execute("PRAGMA synchronous = FULL")
                // A multi-row INSERT keeps a statement journal to undo itself on a constraint
                // error; on disk it was a tenth of an import's time, in memory it costs a copy.
                try connection.execute("PRAGMA temp_store = MEMORY")
                try connection.execute("PRAGMA cache_size = -\(writerCacheMiB * 1024)")
                // Checkpoints run beside the writer (``SQLiteCheckpointer``). The writer itself
                // checkpoints once the log holds 128 MiB, for the sake of what only it can do:
                // start the log over (the background copy never quite catches up with a busy
                // writer, and SQLite restarts the log only when every frame is copied). By then
                // the copy has little left to do. The log file is kept at that size rather than
                // cut back: growing it again allocates blocks on every commit, which cost look-ups
                // a tenth of their throughput.
                try connection.execute("PRAGMA wal_autocheckpoint = 32768")
                try connection.execute("PRAGMA journal_size_limit = 134217728")
                return connection
            } catch {
                connection.close()
                throw error
            }
        }
    }

    /// `PRAGMA journal_mode = WAL`, retried while another connection holds the file: the
    /// switch needs the file to itself, and SQLite answers SQLITE_BUSY at once, without its
    /// busy handler, when connections opening together (replicas starting, a restart racing a
    /// shell) each hold a shared lock and wait for the others. Also retried on an I/O error:
    /// six stores opening one new file at once (`MigrationTests`, beside other tests on two busy
    /// cores) had one fail with "disk I/O error" in one of 19 parallel runs of the suite, as others saw
    /// when several processes switch one fresh file to WAL together.
    private static func switchToWAL(_ connection: SQLiteConnection, within limit: Duration) throws -> String {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                let rows = try connection.run("PRAGMA journal_mode = WAL", [])
                guard let row = rows.first, case .text(let mode) = try row.value("journal_mode") else { return "nothing" }
                return mode
            } catch let error as StoreError where (error.kind == .conflict || error.isInputOutput) && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: Double.random(in: 0.001...0.010))
            }
        }
    }

    private func ensureOpen() throws {
        if closed.withLock({ $0 }) { throw StoreError(.unavailable, "the store is closed") }
    }

    func transaction<T>(_ kind: TransactionKind, _ body: (GuardedDatabase) async throws -> T) async throws -> T {
        try ensureOpen()
        switch kind {
        case .read:
            // A read transaction's statements may be long (statistics over every row): the pool's.
            return try await withReader { connection in
                let database = sql(connection)
                return try await run(on: connection, native: .sqlite(database), begin: "BEGIN", onBroken: {}, body)
            }
        case .statement:
            // One statement, most often a look-up by an index: on the caller's thread.
            return try await withReader { connection in
                var reusable = true
                return try await TransactionScope.run(on: sql(connection), native: .sqliteDirect(connection), begin: [],
                                                      reusable: &reusable, body)
            }
        case .write, .migration, .autocommit:
            // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
            // could fail to upgrade to a writer (SQLITE_BUSY_SNAPSHOT), which no wait can cure.
            // Native statements (an import's multi-row inserts) run on the caller's thread;
            // BEGIN and COMMIT, with its fsync, on the pool.
            let result = try await withWriter { writer in
                try await run(on: writer, native: .sqliteDirect(writer), begin: "BEGIN IMMEDIATE", onBroken: {
                    self.writer.withLock { $0 = nil }
                }, body)
            }
            checkpointer.noteCommit()
            return result
        }
    }

    /// Runs one transaction; a connection left in an unknown state is closed (and so never
    /// reused) before the error is passed on.
    private func run<T>(
        on connection: SQLiteConnection, native: NativeConnection, begin: String, onBroken: () -> Void,
        _ body: (GuardedDatabase) async throws -> T
    ) async throws -> T {
        var reusable = true
        do {
            return try await TransactionScope.run(on: sql(connection), native: native, begin: [begin],
                                                reusable: &reusable, body)
        } catch {
            if !reusable {
                onBroken()
                connection.close()
            }
            throw error
        }
    }

    func sql(_ connection: SQLiteConnection) -> SQLiteDatabase {
        SQLiteDatabase(connection: connection, threadPool: threadPool, logger: configuration.logger,
                       queryLogLevel: configuration.queryLogLevel)
    }

    func leaseWriter() async throws -> any WriteLease {
        try ensureOpen()
        try await writerLock.acquire()
        do {
            return SQLiteWriteLease(backend: self, connection: try await currentWriter())
        } catch {
            writerLock.release()
            throw ErrorTranslation.translate(error, doing: "opening the SQLite writer")
        }
    }

    /// Ends a ``SQLiteWriteLease``: the writer goes back to the queue, or is closed (and
    /// reopened by the next user) when the lease left it in an unknown state.
    func endLease(_ connection: SQLiteConnection, broken: Bool) {
        if broken {
            writer.withLock { if $0 === connection { $0 = nil } }
            connection.close()
        }
        writerLock.release()
    }

    /// A lease's commit went through: the checkpointer may have work.
    func noteCommit() {
        checkpointer.noteCommit()
    }

    /// The writer connection, reopened if the last one was closed as broken. Call with the
    /// writer lock held.
    private func currentWriter() async throws -> SQLiteConnection {
        try ensureOpen()
        if let open = writer.withLock({ $0 }) { return open }
        let current = try await Self.openConnection(path: path, configuration: configuration, threadPool: threadPool, role: .writer)
        writer.withLock { $0 = current }
        return current
    }

    private func withWriter<T>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        try await writerLock.withPermit {
            try await body(try await currentWriter())
        }
    }

    private func withReader<T>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        try await readerPermits.withPermit {
            try ensureOpen()
            let connection: SQLiteConnection
            if let idle = idleReaders.withLock({ $0.popLast() }) {
                connection = idle
            } else {
                connection = try await Self.openConnection(path: path, configuration: configuration,
                                                           threadPool: threadPool, role: .reader)
            }
            defer { if !connection.isClosed { idleReaders.withLock { $0.append(connection) } } }
            return try await body(connection)
        }
    }

    /// A safety net for a store released without ``close()``: closes its connections and thread
    /// pool. Left alone they would stay open until exit.
    deinit {
        guard !closed.withLock({ $0 }) else { return }
        configuration.logger.error("a store was released without close(); closing its SQLite connections now",
                                   metadata: ["path": .string(path)])
        checkpointer.stop()
        idleReaders.withLock { $0.forEach { $0.close() } }
        writer.withLock { $0?.close() }
        threadPool.shutdownGracefully { _ in }
    }

    func close() async {
        let wasClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        if wasClosed { return }
        // Wait for running transactions by taking every permit; nobody gives them back.
        try? await writerLock.acquire()
        for _ in 0..<configuration.sqliteReaders { try? await readerPermits.acquire() }
        let readers = idleReaders.withLock { readers in
            defer { readers.removeAll() }
            return readers
        }
        let writer = writer.withLock { $0 }
        // Before the writer closes: the last connection to close checkpoints and removes the log.
        let checkpointer = checkpointer
        try? await threadPool.runIfActive {
            checkpointer.stop()
            readers.forEach { $0.close() }
            writer?.close()
        }
        try? await threadPool.shutdownGracefully()
    }
}

extension StoreError {
    /// SQLite's SQLITE_IOERR other than damage (``SQLiteConnection/error(_:_:handle:)``).
    var isInputOutput: Bool { kind == .unavailable && message.contains("(input/output error") }
}
