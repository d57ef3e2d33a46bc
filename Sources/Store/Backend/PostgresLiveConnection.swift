import Logging
import NIOCore
import PostgresKit
import SQLKit

/// PostgresNIO 1.33 hands a statement to its channel without a promise of its own; on a channel
/// already closed (the server terminated the backend, restarted, or the network dropped it)
/// NIO drops the write, and the statement's answer never comes: its caller waits for ever. A
/// group of writes whose connection was lost so waited, and every write queued behind it.
/// So every statement the store sends first checks that its connection is still open, and
/// fails at once as ``StoreError/Kind/unavailable`` when it is not (the pool drops a closed
/// connection rather than hand it out again).
///
/// The check and the statement's write run on the connection's event loop, one after the other
/// with nothing between (a caller elsewhere moves there first): the loop, which alone closes the
/// channel, cannot close it between them. A statement already sent when the connection breaks
/// fails through PostgresNIO's own handler, as before.
extension PostgresConnection {
    func ensureOpen() throws {
        if isClosed { throw StoreError(.unavailable, "the connection to PostgreSQL is closed (lost, or retired after an error)") }
    }
}

/// A connection's SQLKit database whose every statement checks first that the connection is
/// open (``PostgresConnection/ensureOpen()``).
struct PostgresLiveDatabase: SQLDatabase {
    let connection: PostgresConnection
    let base: any SQLDatabase

    init(_ connection: PostgresConnection, queryLogLevel: Logger.Level?) {
        self.connection = connection
        self.base = connection.sql(queryLogLevel: queryLogLevel)
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        guard eventLoop.inEventLoop else {
            return eventLoop.flatSubmit { self.execute(sql: query, onRow) }
        }
        do {
            try connection.ensureOpen()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        // SQLKit's PostgreSQL driver writes the statement before it returns the future.
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }
}
