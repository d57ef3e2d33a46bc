import Foundation
import JCSkillsProtocol
import Logging
import SQLKit
import Synchronization

/// A service's database: SQLite or PostgreSQL behind one API, with migrations, audited
/// transactions, idempotent writes and the audit log.
///
/// ```swift
/// let store = try await Store.open(
///     StoreConfiguration(service: "registry", location: .sqlite(path: "/var/lib/jcskills/registry.sqlite")),
///     migrations: RegistrySchema.migrations)
/// defer { Task { await store.close() } }
///
/// let count = try await store.read { db in
///     try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("persons")
///         .first(decodingColumn: "n", as: Int.self) ?? 0
/// }
/// try await store.transaction(context) { tx in
///     try await tx.insert(into: "persons").columns("id_number_sealed", "id_number_index")
///         .values(SQLBind(sealed), SQLBind(index)).run()
///     try await tx.audit(entity: "person", id: PersonalData.reference(of: index))
/// }
/// ```
///
/// Queries are written once with SQLKit and run unchanged on both backends. Close the store
/// with ``close()`` before it is released.
public final class Store: Sendable {
    /// The owning service, as configured.
    public let service: String
    /// Where the data lives.
    public let location: StoreLocation
    let configuration: StoreConfiguration
    let backend: any StoreBackend
    /// Every write transaction goes through it, so every service's writes share commits.
    let committer: GroupCommitter
    /// Identical reads running at once share statements (``StoreConfiguration/postgresSharedReads``).
    let sharedReads: SharedReads?
    /// Reads by key running at once share statements (``StoreConfiguration/postgresKeyedReadRuns``).
    let keyedReads: KeyedReads?
    private let maintenance = Mutex<Task<Void, Never>?>(nil)

    /// The backend's SQL flavour.
    public var dialect: StoreDialect { backend.dialect }
    /// Whether reads started together overlap: on PostgreSQL each ``query(_:)`` waits on a round
    /// trip to the server; on SQLite it runs on the caller's thread, so reads started as tasks
    /// of one call only take turns there, each task's cost added.
    public var readsOverlap: Bool { dialect == .postgres }
    var logger: Logger { configuration.logger }
    var now: Date { configuration.now() }

    private init(configuration: StoreConfiguration, backend: any StoreBackend) {
        self.service = configuration.service
        self.location = configuration.location
        self.configuration = configuration
        self.backend = backend
        self.committer = GroupCommitter(
            backend: backend, lanes: backend.dialect == .sqlite ? 1 : configuration.postgresWriteLanes,
            limit: configuration.groupCommitLimit, sharing: configuration.groupCommit)
        self.sharedReads = backend.dialect == .postgres && configuration.postgresSharedReads ? SharedReads() : nil
        self.keyedReads = backend.dialect == .postgres && configuration.postgresKeyedReadRuns > 0
            ? KeyedReads(runsAtOnce: configuration.postgresKeyedReadRuns) : nil
    }

    /// Write transactions committed since the store opened, and the commits that carried them
    /// (fewer when concurrent writes shared commits; see ``transaction(_:grouping:_:)``).
    public var groupCommitStatistics: GroupCommitStatistics { committer.statistics }

    /// Reads through ``rows(_:_:)`` answered since the store opened, and the statements run for
    /// them (fewer when identical reads shared runs; zero when reads are not shared).
    public var sharedReadStatistics: SharedReadStatistics { sharedReads?.statistics ?? SharedReadStatistics() }

    /// Reads by key (``rows(_:key:)``) answered since the store opened, and the statements run
    /// for them (fewer when reads waited for one another; zero when they are not gathered).
    public var keyedReadStatistics: SharedReadStatistics { keyedReads?.statistics ?? SharedReadStatistics() }

    /// Opens the database, applies pending migrations under the migration lock, purges
    /// expired idempotency keys and old audit rows, and starts the periodic purge.
    ///
    /// - Parameter migrations: the service's schema history (see ``Migration``). The store's
    ///   own tables (`jcs_…`) are migrated first, under their own name.
    /// - Throws: ``StoreError``: `unavailable` when the database cannot be reached or opened,
    ///   `readOnly` when it refuses writes, `schemaTooNew` when a newer release migrated it,
    ///   `migrationFailed` or `invalidConfiguration` for problems with the migration list or
    ///   the settings. Nothing is left open when it throws.
    public static func open(_ configuration: StoreConfiguration, migrations: [Migration]) async throws -> Store {
        let place = "the \(configuration.service) store at \(configuration.location)"
        let backend = try await openBackend(configuration, place: place)
        do {
            try await MigrationRunner.run(
                on: backend, service: configuration.service, migrations: migrations,
                auditRetentionDays: configuration.auditRetentionDays, now: configuration.now(),
                logger: configuration.logger)
        } catch {
            await backend.close()
            if let error = error as? StoreError { throw StoreError(error.kind, "opening \(place): \(error.message)") }
            throw error
        }
        let store = Store(configuration: configuration, backend: backend)
        if let personal = configuration.personalData {
            do {
                try await KeyCheck.verify(personal, service: configuration.service, backend: backend)
            } catch {
                await backend.close()
                throw error
            }
        }
        do {
            _ = try await store.purgeExpired()
        } catch {
            // Serving is more important than tidying; the next periodic purge tries again.
            configuration.logger.warning("purging expired store rows failed", metadata: ["error": "\(error)"])
        }
        store.startMaintenance()
        configuration.logger.info("store open", metadata: [
            "service": .string(configuration.service), "location": .string(configuration.location.description),
        ])
        return store
    }

    /// Runs `body` with a database its service has already set up, for the operations tools
    /// that need one (`jcskills keys retire`): no migrations, no purge, no periodic work; closed
    /// again however `body` ends. The key file, when the configuration has one, is checked
    /// against the one the database was written with.
    ///
    /// - Throws: ``StoreError/Kind/unavailable`` when the database is not there or the service
    ///   never set it up; what ``open(_:migrations:)`` throws for the key file; what `body` throws.
    public static func withExisting<T>(_ configuration: StoreConfiguration, _ body: (Store) async throws -> T) async throws -> T {
        try await openExisting(configuration).closing(after: body)
    }

    /// Runs `body` with this store, then closes it however `body` ends.
    public func closing<T>(after body: (Store) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    private static func openExisting(_ configuration: StoreConfiguration) async throws -> Store {
        let place = "the \(configuration.service) store at \(configuration.location)"
        if case .sqlite(let path) = configuration.location, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.unavailable, "opening \(place): there is no database: the service has not started yet")
        }
        let backend = try await openBackend(configuration, place: place)
        let store = Store(configuration: configuration, backend: backend)
        do {
            do {
                _ = try await store.query { db in
                    try await db.nativeRows("SELECT version FROM jcs_migrations WHERE service = ?", [.text(configuration.service)])
                }
            } catch {
                throw StoreError(.unavailable, "opening \(place): the service has not set up its database yet (\(error))")
            }
            if let personal = configuration.personalData {
                try await KeyCheck.verify(personal, service: configuration.service, backend: backend)
            }
        } catch {
            await backend.close()
            throw error
        }
        return store
    }

    private static func openBackend(_ configuration: StoreConfiguration, place: String) async throws -> any StoreBackend {
        try configuration.validate()
        do {
            switch configuration.location {
            case .sqlite(let path):
                return try await SQLiteBackend.open(path: path, configuration: configuration)
            case .postgres(let url):
                return try PostgresBackend(url: url, configuration: configuration)
            }
        } catch let error as StoreError {
            throw StoreError(error.kind, "opening \(place): \(error.message)")
        }
    }

    /// Stops the periodic purge, waits for running transactions and closes every connection.
    /// Calls made afterwards fail with ``StoreError/Kind/unavailable``. Calling it twice is harmless.
    public func close() async {
        let task = maintenance.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        await backend.close()
    }

    /// Runs `body` on a read-only snapshot: every query inside sees the same committed state.
    ///
    /// Reads are not audited. A statement that tries to write fails (SQLite: `query_only`,
    /// PostgreSQL: `READ ONLY` transaction).
    ///
    /// Inside a write transaction, read through the ``StoreTransaction`` instead: a separate
    /// read does not see the transaction's uncommitted writes.
    public func read<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.transaction(.read) { db in try await body(db) }
    }

    /// Runs a one-statement read without an explicit transaction: half the round trips of
    /// ``read(_:)`` (no BEGIN, no COMMIT), for look-ups on the hot path. A body that runs several
    /// statements gets no common snapshot (each statement sees the latest commit); use
    /// ``read(_:)`` for that. Not audited. The body must not write (SQLite refuses; on
    /// PostgreSQL it is the caller's discipline).
    public func query<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.transaction(.statement) { db in try await body(db) }
    }

    /// Runs `body` in a write transaction: committed if it returns, rolled back if it throws.
    ///
    /// The audit rows `body` records (``StoreTransaction/audit(entity:id:detail:)``) commit
    /// with the writes; if it records none, one row for the whole transaction is added. When
    /// the transaction fails, a row with the failure's status (`FAILED_PRECONDITION`,
    /// `ALREADY_EXISTS`…) is written afterwards, outside it.
    ///
    /// On SQLite transactions run one at a time (queued in arrival order); on PostgreSQL they
    /// run concurrently at READ COMMITTED (``StoreConfiguration/postgresWriteLanes`` groups at a
    /// time, and other replicas' writes), so use unique constraints and `ON CONFLICT` for
    /// invariants. Errors thrown by `body` itself reach the caller unchanged.
    ///
    /// Concurrent transactions share commits (group commit, ``WriteGrouping/shared``): a
    /// transaction that arrives while another runs or commits runs in a savepoint of the next
    /// group's transaction, on its own task, and returns once that group's commit is durable.
    /// A failing transaction rolls back to its savepoint and leaves the others be; its effects,
    /// audit rows included, vanish as before. Sharing is invisible to `body` except that a write
    /// committed by a group becomes visible to readers together with the group's others. Pass
    /// ``WriteGrouping/alone`` for bulk writes (see there). A shared transaction that PostgreSQL
    /// aborts to break a deadlock with another group (or as a serialisation failure) runs once
    /// more, alone: `body` may then run twice, so keep effects outside the database out of it.
    ///
    /// A write transaction cannot be started from inside another one on the same store (or from
    /// a task it spawned): that fails with ``StoreError/Kind/invalidArgument`` instead of
    /// waiting forever for the writer the outer transaction holds.
    public func transaction<T>(
        _ context: AuditContext, grouping: WriteGrouping = .shared, _ body: (StoreTransaction) async throws -> T
    ) async throws -> T {
        do {
            return try await writeTransaction(grouping) { db in
                let tx = StoreTransaction(database: db, context: context, service: service, dialect: dialect,
                                          now: configuration.now)
                let result = try await body(tx)
                if !tx.isReplay, !tx.hasAuditRows {
                    try await AuditLog.append(on: db, service: service, at: now, context: context, entity: nil,
                                              entityID: nil, outcome: StatusCode.ok.name, detail: nil)
                }
                return result
            }
        } catch {
            // Refused as nested: the enclosing transaction fails and audits that failure itself.
            if !Self.activeWriters.contains(ObjectIdentifier(self)) {
                await recordFailure(error, context: context)
            }
            throw error
        }
    }

    /// The stores whose write transaction the current task is inside.
    @TaskLocal static var activeWriters: Set<ObjectIdentifier> = []

    /// A write transaction on the backend, refusing to nest (see ``transaction(_:grouping:_:)``).
    func writeTransaction<T>(_ grouping: WriteGrouping = .shared, _ body: (GuardedDatabase) async throws -> T) async throws -> T {
        let me = ObjectIdentifier(self)
        guard !Self.activeWriters.contains(me) else {
            throw StoreError(.invalidArgument,
                             "a write transaction was started inside another on the same store; "
                                 + "use the StoreTransaction you already have")
        }
        return try await Self.$activeWriters.withValue(Self.activeWriters.union([me])) {
            try await committer.write(grouping, body)
        }
    }

    /// Writes the audit row for a failed write, outside the rolled-back transaction. Not for
    /// PERMISSION_DENIED: the RPC server's auditor records every refusal, wherever its handler
    /// threw it, once (``AccessAuditor/refused(principal:method:requestID:reason:)``).
    private func recordFailure(_ error: any Error, context: AuditContext) async {
        let code: StatusCode
        var detail: String?
        if let refusal = error as? any RPCErrorConvertible, refusal.rpcError.code == .permissionDenied { return }
        switch error {
        case let error as StoreError:
            code = error.statusCode
            detail = error.message
        case let error as any RPCErrorConvertible:
            // The handler's message may quote the request; keep only the code.
            code = error.rpcError.code
        case is CancellationError:
            code = .cancelled
        default:
            code = .internal
        }
        do {
            try await recordAudit(context, outcome: code, detail: detail)
        } catch {
            logger.error("could not audit a failed write", metadata: [
                "method": .string(context.method), "principal": .string(context.principal),
                "request_id": .string(context.requestID), "error": "\(error)",
            ])
        }
    }

    private func startMaintenance() {
        guard let interval = configuration.maintenanceInterval else { return }
        let task = Task { [weak self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                guard let self else { return }
                do {
                    _ = try await self.purgeExpired()
                } catch {
                    self.logger.warning("periodic purge failed", metadata: ["error": "\(error)"])
                }
            }
        }
        maintenance.withLock { $0 = task }
    }
}
