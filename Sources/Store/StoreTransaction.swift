import Foundation
import JCSkillsProtocol
import Logging
import NIOCore
import SQLKit
import Synchronization

/// A write transaction: an `SQLDatabase` for the writes, plus the audit trail that commits
/// (or rolls back) with them.
///
/// Use it like any SQLKit database (`tx.insert(into:)`, `tx.select()`, `tx.raw(...)`) inside
/// ``Store/transaction(_:grouping:_:)`` or ``Store/idempotent(key:context:requestDigest:_:)``, and call
/// ``audit(entity:id:detail:)`` for each thing written. When the body records nothing, the
/// store writes one audit row for the transaction itself, so no committed write goes
/// unrecorded.
///
/// Statements after a failed one are refused, and the object is dead once the transaction
/// ends (see ``StoreError/Kind/transactionAborted``).
public final class StoreTransaction: SQLDatabase, Sendable {
    /// Who is writing, through which call.
    public let context: AuditContext
    /// The backend, for the rare statement whose spelling differs.
    public let storeDialect: StoreDialect
    let database: GuardedDatabase
    let service: String
    let now: @Sendable () -> Date
    private let state = Mutex((auditRows: 0, replay: false))

    init(database: GuardedDatabase, context: AuditContext, service: String, dialect: StoreDialect,
         now: @escaping @Sendable () -> Date) {
        self.database = database
        self.context = context
        self.service = service
        self.storeDialect = dialect
        self.now = now
    }

    /// Records, in this transaction, that `entity` `id` was written by ``context``.
    ///
    /// - Parameters:
    ///   - entity: the kind of thing (`person`, `enrolment`…).
    ///   - id: its identifier. Never personal data: use an internal id or the blind index in
    ///     hex, not the ID number.
    ///   - detail: optional free text (what changed), never personal data; cut to 1 KiB (``AuditFieldLimits``).
    public func audit(entity: String, id: String?, detail: String? = nil) async throws {
        try await AuditLog.append(on: database, service: service, at: now(), context: context,
                                  entity: entity, entityID: id, outcome: StatusCode.ok.name, detail: detail)
        state.withLock { $0.auditRows += 1 }
    }

    /// Whether the body recorded anything in the audit log.
    var hasAuditRows: Bool { state.withLock { $0.auditRows > 0 } }

    /// Marks the transaction as a replay of a stored result: it wrote nothing, so it gets no
    /// automatic audit row.
    func markReplay() {
        state.withLock { $0.replay = true }
    }

    var isReplay: Bool { state.withLock { $0.replay } }

    // MARK: SQLDatabase

    public var logger: Logger { database.logger }
    public var eventLoop: any EventLoop { database.eventLoop }
    public var version: (any SQLDatabaseReportedVersion)? { database.version }
    public var dialect: any SQLDialect { database.dialect }
    public var queryLogLevel: Logger.Level? { database.queryLogLevel }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        database.execute(sql: query, onRow)
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await database.execute(sql: query, onRow)
    }

    public func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
