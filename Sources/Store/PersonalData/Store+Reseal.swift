import Foundation

/// What a re-sealing pass did.
public struct ResealReport: Sendable, Hashable, CustomStringConvertible {
    /// The key everything was re-sealed to.
    public var key: UInt32
    /// Rows read.
    public var rows = 0
    /// Values sealed again with ``key``.
    public var resealed = 0
    /// Values left because their row changed between the read and the write (the service's
    /// own write sealed them with the current key).
    public var changedMeanwhile = 0

    public var description: String {
        "\(resealed) values sealed again with key \(key) (\(rows) rows read, \(changedMeanwhile) changed meanwhile)"
    }
}

extension Store {
    /// The setting that records the key the last complete pass re-sealed everything to.
    static let resealedToKeySetting = "resealed_to_key"
    /// The setting that records the service's sealed tables (``recordSealedTables(_:)``).
    static let sealedTablesSetting = "sealed_tables"

    /// Seals again, with the current key, every value of `tables` — and of the store's own
    /// stored answers to idempotent writes — sealed with an older one, so that an old key
    /// (rotated out because it leaked, or by policy) protects nothing any more and can be
    /// retired from the key file. Walks each table by its key, `batch` rows a read, and writes
    /// each batch's changed values in one transaction, pausing `pause` between batches so that
    /// the service's own calls go on meanwhile. A row the service changes between the read and
    /// the write is left as the service wrote it (sealed with the current key). Records the key
    /// when done: a later pass for the same key does nothing (``needsReseal()``). Stopped
    /// part-way (cancelled, the process killed), the next pass starts over and skips what is
    /// already sealed with the current key.
    public func resealAll(
        _ tables: [SealedTable], batch: Int = 500, pause: Duration = .milliseconds(5),
        progress: @Sendable (ResealReport) -> Void = { _ in }
    ) async throws -> ResealReport {
        guard let personal = configuration.personalData else {
            throw StoreError(.invalidConfiguration, "this store has no sealing keys")
        }
        let current = personal.keys.currentKeyID
        var report = ResealReport(key: current)
        let context = AuditContext(principal: "jcskills://\(service)", method: "maintenance.Reseal", requestID: "-")
        for table in tables + [.idempotencyAnswers] {
            let match = table.key.map { "\($0) = ?" }.joined(separator: " AND ")
            try await walk(table, batch: batch) { rows in
                report.rows += rows.count
                var changes: [(key: [StoreValue], column: String, old: Data, new: Data)] = []
                for row in rows {
                    for column in table.columns {
                        let sealed = try row.data(column.name)
                        guard try PersonalData.keyID(of: sealed) != current else { continue }
                        changes.append((try Self.walkKey(of: row, table), column.name, sealed, try personal.reseal(sealed, as: column.field)))
                    }
                }
                if !changes.isEmpty {
                    let written = try await transaction(context, grouping: .alone) { tx in
                        var written = 0
                        for change in changes {
                            // Only if the value is still the one read: the service may have written since.
                            written += try await tx.nativeRows(
                                "UPDATE \(table.name) SET \(change.column) = ? WHERE \(match) AND \(change.column) = ? RETURNING \(table.key[0])",
                                [.bytes(change.new)] + change.key + [.bytes(change.old)]).count
                        }
                        try await tx.audit(entity: table.name, id: nil, detail: "sealed \(written) values again with key \(current)")
                        return written
                    }
                    report.resealed += written
                    report.changedMeanwhile += changes.count - written
                }
                progress(report)
                try await Task.sleep(for: pause)
            }
        }
        try await setSetting(Self.resealedToKeySetting, to: String(current), context: context)
        return report
    }

    /// Whether values of this store may still be sealed with a key older than the current
    /// one: no complete ``resealAll(_:batch:pause:progress:)`` has run for the current key.
    public func needsReseal() async throws -> Bool {
        guard let current = configuration.personalData?.keys.currentKeyID else { return false }
        return try await setting(Self.resealedToKeySetting) != String(current)
    }

    /// How many values of `tables` and of the store's stored answers each sealing key seals
    /// now: which keys the key file must still hold.
    public func sealingKeysInUse(_ tables: [SealedTable]) async throws -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for table in tables + [.idempotencyAnswers] {
            try await walk(table, batch: 5_000) { rows in
                for row in rows {
                    for column in table.columns { counts[try PersonalData.keyID(of: try row.data(column.name)), default: 0] += 1 }
                }
            }
        }
        return counts
    }

    /// Records the tables the service seals values in, for tools that have the database but not
    /// the service's code (`jcskills keys retire` counts what each key still seals with them).
    public func recordSealedTables(_ tables: [SealedTable]) async throws {
        let text = String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
        guard try await setting(Self.sealedTablesSetting) != text else { return }
        try await setSetting(Self.sealedTablesSetting, to: text,
                             context: AuditContext(principal: "jcskills://\(service)", method: "maintenance.Reseal", requestID: "-"))
    }

    /// The tables the service recorded with ``recordSealedTables(_:)``, or nil when it never did.
    public func recordedSealedTables() async throws -> [SealedTable]? {
        guard let text = try await setting(Self.sealedTablesSetting) else { return nil }
        do {
            return try JSONDecoder().decode([SealedTable].self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupted, "the recorded sealed tables cannot be read: \(error)")
        }
    }

    private func setting(_ name: String) async throws -> String? {
        try await query { db in try await SettingsTable.value(name, service: service, in: db) }
    }

    private func setSetting(_ name: String, to value: String, context: AuditContext) async throws {
        try await transaction(context) { tx in
            try await SettingsTable.record(name, value, service: service, replacing: true, in: tx)
        }
    }

    private static func walkKeyColumn(_ index: Int) -> String { "walk_key_\(index)" }

    private static func walkKey(of row: StoreRow, _ table: SealedTable) throws -> [StoreValue] {
        try table.key.indices.map { try row.value(walkKeyColumn($0)) }
    }

    /// Calls `body` with `table`'s rows holding sealed values in key order, `batch` at a time,
    /// each batch read in one statement (the key and the sealed columns).
    private func walk(_ table: SealedTable, batch: Int, _ body: ([StoreRow]) async throws -> Void) async throws {
        let keys = table.key.enumerated().map { "\($1) AS \(Self.walkKeyColumn($0))" }
        let select = "SELECT \((keys + table.columns.map(\.name)).joined(separator: ", ")) FROM \(table.name)"
        let fixed = [table.serviceColumn.map { "\($0) = ?" }, table.condition].compactMap { $0 }
        let fixedValues: [StoreValue] = table.serviceColumn == nil ? [] : [.text(service)]
        // Row-value comparison walks a composite key in its order (SQLite 3.15+, PostgreSQL).
        let after = table.key.count == 1 ? "\(table.key[0]) > ?" : "(\(table.key.joined(separator: ", "))) > (\(table.key.map { _ in "?" }.joined(separator: ", ")))"
        let order = " ORDER BY \(table.key.joined(separator: ", ")) LIMIT \(batch)"
        var last: [StoreValue]?
        while true {
            try Task.checkCancellation()
            let conditions = fixed + (last == nil ? [] : [after])
            let sql = select + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + order
            let rows = try await query { db in try await db.nativeRows(sql, fixedValues + (last ?? [])) }
            guard let final = rows.last else { return }
            last = try Self.walkKey(of: final, table)
            try await body(rows)
            if rows.count < batch { return }
        }
    }
}
