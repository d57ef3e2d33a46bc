import Logging
import NIOCore
import NIOPosix
import PostgresKit
import Synchronization

/// PostgreSQL through a pool of connections.
///
/// The pool is AsyncKit's (what PostgresKit builds on) rather than PostgresNIO's newer
/// `PostgresClient`: when the server is unreachable, AsyncKit fails the waiting call with
/// the connection error at once, and gives up after a request timeout when all connections
/// stay busy, whereas `PostgresClient` 1.33 keeps callers waiting while it retries
/// (vapor/postgres-nio#489). A store must answer UNAVAILABLE quickly instead.
final class PostgresBackend: StoreBackend {
    let dialect = StoreDialect.postgres
    private let pool: SendablePool
    private let configuration: StoreConfiguration
    /// Transactions in flight, so that `close` can wait for them.
    private let inFlight = Mutex<(count: Int, closed: Bool, drained: [CheckedContinuation<Void, Never>])>((0, false, []))

    /// Any 64-bit number works as long as every replica uses the same one.
    static let migrationLockKey: Int64 = 0x4A43_534B_696C_6C73  // "JCSKills"

    init(url: String, configuration: StoreConfiguration) throws {
        var sqlConfiguration: SQLPostgresConfiguration
        do {
            sqlConfiguration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(.invalidConfiguration,
                             "cannot read PostgreSQL URL \(StoreLocation.postgres(url: url)); expected postgres://user:password@host:port/database")
        }
        if configuration.postgresGenericPlans {
            // A startup parameter, so that every connection of the pool has it from its first statement.
            sqlConfiguration.coreConfiguration.options.additionalStartupParameters.append(("plan_cache_mode", "force_generic_plan"))
        }
        self.configuration = configuration
        self.pool = SendablePool(EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: sqlConfiguration),
            maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
            requestTimeout: .milliseconds(configuration.connectionRequestTimeout.milliseconds),
            logger: configuration.logger,
            on: MultiThreadedEventLoopGroup.singleton))
    }

    func transaction<T>(_ kind: TransactionKind, _ body: (GuardedDatabase) async throws -> T) async throws -> T {
        try enter()
        defer { leave() }
        let connection: PostgresConnection
        do {
            connection = try await pool.value.requestConnection(logger: configuration.logger).get()
        } catch {
            throw ErrorTranslation.translate(error, doing: "connecting to PostgreSQL")
        }
        defer { pool.value.releaseConnection(connection, logger: configuration.logger) }
        let begin: [String] = switch kind {
        // REPEATABLE READ: every query of a read sees the same snapshot, as on SQLite.
        case .read: ["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"]
        case .statement, .autocommit: []
        case .write: ["BEGIN"]
        // The transaction-scoped lock is released by COMMIT or ROLLBACK, and so can never be
        // left behind on a pooled connection.
        case .migration: ["BEGIN", "SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))"]
        }
        var reusable = true
        do {
            return try await TransactionScope.run(
                on: PostgresLiveDatabase(connection, queryLogLevel: configuration.queryLogLevel),
                native: .postgres(connection, configuration.logger,
                                  prepared: configuration.postgresPreparedReads && (kind == .read || kind == .statement),
                                  preparedInserts: configuration.postgresPreparedInserts),
                begin: begin,
                reusable: &reusable, body)
        } catch {
            if !reusable {
                // The pool drops closed connections instead of handing them out again.
                try? await connection.close().get()
            }
            throw error
        }
    }

    func leaseWriter() async throws -> any WriteLease {
        try enter()
        let connection: PostgresConnection
        do {
            connection = try await pool.value.requestConnection(logger: configuration.logger).get()
        } catch {
            leave()
            throw ErrorTranslation.translate(error, doing: "connecting to PostgreSQL")
        }
        return PostgresWriteLease(backend: self, connection: connection,
                                  database: PostgresLiveDatabase(connection, queryLogLevel: configuration.queryLogLevel),
                                  native: .postgres(connection, configuration.logger, prepared: false,
                                                    preparedInserts: configuration.postgresPreparedInserts))
    }

    /// Ends a ``PostgresWriteLease``: the connection goes back to the pool, closed first when
    /// the lease left it in an unknown state (the pool drops closed connections).
    func endLease(_ connection: PostgresConnection, broken: Bool) async {
        if broken { try? await connection.close().get() }
        pool.value.releaseConnection(connection, logger: configuration.logger)
        leave()
    }

    private func enter() throws {
        try inFlight.withLock { state in
            if state.closed { throw StoreError(.unavailable, "the store is closed") }
            state.count += 1
        }
    }

    private func leave() {
        let waiters: [CheckedContinuation<Void, Never>] = inFlight.withLock { state in
            state.count -= 1
            guard state.closed, state.count == 0 else { return [] }
            defer { state.drained.removeAll() }
            return state.drained
        }
        for waiter in waiters { waiter.resume() }
    }

    /// A safety net for a store released without ``close()``: shuts the pool down in the
    /// background (AsyncKit stops a debug build whose pool deinitialises still open).
    deinit {
        guard !inFlight.withLock({ $0.closed }) else { return }
        configuration.logger.error("a store was released without close(); closing its PostgreSQL connections now")
        pool.value.shutdownGracefully { _ in }
    }

    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done: Bool = inFlight.withLock { state in
                state.closed = true
                if state.count == 0 { return true }
                state.drained.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        try? await pool.value.shutdownAsync()
    }
}

/// AsyncKit's pool predates `Sendable` annotations but is built for use from any thread:
/// its bookkeeping sits behind a lock and each per-event-loop pool hops onto its own loop.
private struct SendablePool: @unchecked Sendable {
    let value: EventLoopGroupConnectionPool<PostgresConnectionSource>
    init(_ value: EventLoopGroupConnectionPool<PostgresConnectionSource>) { self.value = value }
}
