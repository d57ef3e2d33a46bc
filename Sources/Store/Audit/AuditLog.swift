import Foundation
import SQLKit

/// Reads and writes `jcs_audit_log`. The store calls these; services use
/// ``StoreTransaction/audit(entity:id:detail:)``, ``Store/recordAudit(_:outcome:entity:id:detail:)``
/// and ``Store/auditLog(_:)``.
enum AuditLog {
    static let table = "jcs_audit_log"
    static let maximumPageSize = 1000

    /// One row to append.
    struct Row: Sendable {
        var at: Date
        var context: AuditContext
        var entity: String?
        var entityID: String?
        var outcome: String
        var detail: String?
    }

    static let columns = ["at_ms", "service", "principal", "method", "request_id", "entity", "entity_id", "outcome", "detail"]
    static let columnTypes: [StoreColumnType] = [.integer] + Array(repeating: .text, count: 8)
    /// The most rows ``append(_:on:service:)`` writes in one statement.
    static let rowsPerStatement = nativeInsertRows(columns: columns.count)

    static func append(
        on db: any SQLDatabase, service: String, at time: Date, context: AuditContext,
        entity: String?, entityID: String?, outcome: String, detail: String?
    ) async throws {
        try await append([Row(at: time, context: context, entity: entity, entityID: entityID, outcome: outcome, detail: detail)],
                         on: db, service: service)
    }

    /// Appends `rows` with as few statements as the bind limits allow: a group commit of look-ups
    /// writes one statement, not one per row. Every row's fields are cut to ``AuditFieldLimits``
    /// here, the one way into the table.
    static func append(_ rows: [Row], on db: any SQLDatabase, service: String) async throws {
        typealias Limit = AuditFieldLimits
        var values: [StoreValue] = []
        values.reserveCapacity(rows.count * columns.count)
        for row in rows {
            values += [
                .integer(row.at.unixMilliseconds), .text(service),
                .text(Limit.cut(row.context.principal, to: Limit.principal)),
                .text(Limit.cut(row.context.method, to: Limit.method)),
                .text(Limit.cut(row.context.requestID, to: Limit.requestID)),
                StoreValue(Limit.cut(row.entity, to: Limit.entity)), StoreValue(Limit.cut(row.entityID, to: Limit.entityID)),
                .text(Limit.cut(row.outcome, to: Limit.outcome)), StoreValue(Limit.cut(row.detail, to: Limit.detail)),
            ]
        }
        try await db.nativeInsert(into: table, columns: columns, types: columnTypes, values: values)
    }

    static func query(on db: any SQLDatabase, service: String, _ query: AuditQuery) async throws -> AuditPage {
        guard (1...maximumPageSize).contains(query.limit) else {
            throw StoreError(.invalidArgument, "audit page size must be between 1 and \(maximumPageSize)")
        }
        var select = db.select()
            .columns("id", "at_ms", "service", "principal", "method", "request_id", "entity", "entity_id",
                     "outcome", "detail")
            .from(table)
            .where("service", .equal, service)
        if let principal = query.principal { select = select.where("principal", .equal, principal) }
        if let method = query.method { select = select.where("method", .equal, method) }
        if let entity = query.entity { select = select.where("entity", .equal, entity) }
        if let entityID = query.entityID { select = select.where("entity_id", .equal, entityID) }
        if let since = query.since { select = select.where("at_ms", .greaterThanOrEqual, since.unixMilliseconds) }
        if let until = query.until { select = select.where("at_ms", .lessThan, until.unixMilliseconds) }
        if let before = query.before { select = select.where("id", .lessThan, before) }
        // One extra row tells whether another page exists without a COUNT.
        let rows = try await select.orderBy("id", .descending).limit(query.limit + 1).all()
        let entries = try rows.prefix(query.limit).map { row in
            AuditEntry(
                id: try row.decode(column: "id", as: Int64.self),
                time: Date(unixMilliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                service: try row.decode(column: "service", as: String.self),
                principal: try row.decode(column: "principal", as: String.self),
                method: try row.decode(column: "method", as: String.self),
                requestID: try row.decode(column: "request_id", as: String.self),
                entity: try row.decode(column: "entity", as: String?.self),
                entityID: try row.decode(column: "entity_id", as: String?.self),
                outcome: try row.decode(column: "outcome", as: String.self),
                detail: try row.decode(column: "detail", as: String?.self))
        }
        let more = rows.count > query.limit
        return AuditPage(entries: entries, nextCursor: more ? entries.last?.id : nil)
    }

    /// Deletes rows past the retention period recorded in `jcs_audit_policy`, using the
    /// database's clock exactly as the DELETE trigger does, so the trigger never objects.
    ///
    /// - Returns: the number of rows deleted.
    static func purge(on db: any SQLDatabase, service: String, dialect: StoreDialect) async throws -> Int {
        let horizon = StoreSchema.retentionHorizon(dialect)
        let condition: SQLQueryString = "service = \(bind: service) AND at_ms < \(unsafeRaw: horizon)"
        let count = try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(condition)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        if count > 0 {
            try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE \(condition)").run()
        }
        return count
    }
}
