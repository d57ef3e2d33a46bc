import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's view of one ``SQLiteConnection``: each statement serialised in the store's SQLite
/// dialect, its binds turned into ``StoreValue``s, and run on the store's thread pool, where a
/// commit's fsync or a long read may block its thread.
///
/// A cancelled task's statements are refused before they run (``NIOThreadPool``'s
/// `runIfActive`), as PostgresNIO refuses them; `TransactionScope` relies on that.
struct SQLiteDatabase: SQLDatabase {
    let connection: SQLiteConnection
    let threadPool: NIOThreadPool
    let logger: Logger
    let queryLogLevel: Logger.Level?
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { StoreSQLiteDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let loop = eventLoop
        do {
            let (sql, values) = try prepare(query)
            let connection = connection
            return threadPool.runIfActive(eventLoop: loop) { try connection.run(sql, values) }
                .map { rows in rows.forEach(onRow) }
        } catch {
            return loop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        for row in try await rows(query) { onRow(row) }
    }

    /// Runs a native statement on the pool (the long reads of a read transaction).
    func run(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        let connection = connection
        return try await threadPool.runIfActive { try connection.run(sql, values) }
    }

    private func rows(_ query: any SQLExpression) async throws -> [StoreRow] {
        let (sql, values) = try prepare(query)
        return try await run(sql, values)
    }

    private func prepare(_ query: any SQLExpression) throws -> (String, [StoreValue]) {
        let (sql, binds) = serialize(query)
        if let level = queryLogLevel { logger.log(level: level, "\(sql)", metadata: ["binds": "\(binds.count)"]) }
        return (sql, try binds.map(StoreValue.init(encodable:)))
    }
}
