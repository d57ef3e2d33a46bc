import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import SQLKit

/// The registry's person queries, written once for SQLite and PostgreSQL.
struct PersonRepository: Sendable {
    let store: Store
    let personal: PersonalData
    let clock: @Sendable () -> Date

    // MARK: Reading

    func find(_ lookup: PersonLookup, in db: any SQLDatabase) async throws -> PersonRow? {
        let query = db.select().columns(PersonRow.columns.map { SQLColumn($0) }).from("persons")
        if !lookup.idNumber.isEmpty {
            let index = personal.blindIndex(lookup.idNumber.uppercased(), for: .idNumber)
            return try await query.where("id_index", .equal, SQLBind(index)).first().map(PersonRow.init)
        }
        if !lookup.cardNumber.isEmpty {
            return try await query.where("card_number", .equal, SQLBind(lookup.cardNumber)).first().map(PersonRow.init)
        }
        throw RPCError(.invalidArgument, "person: give an ID number or a card number")
    }

    func require(_ lookup: PersonLookup, in db: any SQLDatabase) async throws -> PersonRow {
        guard let row = try await find(lookup, in: db) else {
            throw RPCError(.notFound, "no registered person with \(lookup.idNumber.isEmpty ? "card \(lookup.cardNumber)" : "that ID number")")
        }
        return row
    }

    func cardNumber(forIndex index: Data, in db: any SQLDatabase) async throws -> String? {
        try await db.select().column("card_number").from("persons").where("id_index", .equal, SQLBind(index))
            .first(decodingColumn: "card_number", as: String.self)
    }

    // MARK: Registering

    /// Registers one person. ALREADY_EXISTS (with the existing card number) for an ID number
    /// that already has a card.
    func register(_ person: ValidatedPerson, context: AuditContext) async throws -> PersonRow {
        try await store.transaction(context) { tx in try await registerInTransaction(person, tx: tx) }
    }

    /// The registration's writes, inside a transaction the caller owns (the idempotent path
    /// stores its answer in the same one).
    func registerInTransaction(_ person: ValidatedPerson, tx: StoreTransaction) async throws -> PersonRow {
        let index = personal.blindIndex(person.idNumber, for: .idNumber)
        if let card = try await cardNumber(forIndex: index, in: tx) {
            throw RPCError(.alreadyExists, "this ID number already has card \(card)", metadata: [MetadataEntry("card-number", card)])
        }
        let first = try await allocateCards(1, in: tx)
        let card = Self.cardNumber(county: person.residenceCounty, sequence: first)
        try await insert([(person, index, card)], into: tx)
        let row = try await require(PersonLookup(cardNumber: card), in: tx)
        var deltas = CounterDeltas()
        deltas.add(row)
        deltas.registered(on: person.registeredOn)
        try await deltas.write(to: tx)
        try await tx.audit(entity: "person", id: card)
        return row
    }

    /// Persons of a county (0: all) in id order after `after`, for exports.
    func page(county: Int32, includeInactive: Bool, after: Int64, limit: Int) async throws -> [PersonRow] {
        try await store.read { db in
            var query = db.select().columns(PersonRow.columns.map { SQLColumn($0) }).from("persons")
                .where("id", .greaterThan, SQLBind(after))
            if county != 0 { query = query.where("residence_county", .equal, SQLBind(county)) }
            if !includeInactive { query = query.where("status", .equal, SQLBind(RegistrationStatus.active.rawValue)) }
            return try await query.orderBy("id").limit(limit).all().map(PersonRow.init)
        }
    }

    struct BatchOutcome: Sendable {
        var accepted = 0
        /// Lines whose ID number already had a card (or appeared earlier in the same batch).
        var alreadyRegistered: [UInt32] = []
    }

    /// Registers a batch in one transaction: one existence query, one multi-row insert and one
    /// upsert per touched counter. Rows whose ID number already has a card are skipped, so
    /// importing a file twice adds nothing.
    func registerBatch(_ people: [(line: UInt32, person: ValidatedPerson)], context: AuditContext) async throws -> BatchOutcome {
        guard !people.isEmpty else { return BatchOutcome() }
        let indexed = people.map { ($0.line, $0.person, personal.blindIndex($0.person.idNumber, for: .idNumber)) }
        return try await store.transaction(context) { tx in
            let existing = try await tx.select().column("id_index").from("persons")
                .where("id_index", .in, SQLBind.group(indexed.map { $0.2 }))
                .all(decodingColumn: "id_index", as: Data.self)
            var seen = Set(existing)
            var outcome = BatchOutcome()
            var fresh: [(ValidatedPerson, Data)] = []
            for (line, person, index) in indexed {
                if seen.contains(index) {
                    outcome.alreadyRegistered.append(line)
                } else {
                    seen.insert(index)
                    fresh.append((person, index))
                }
            }
            guard !fresh.isEmpty else { return outcome }
            let first = try await allocateCards(fresh.count, in: tx)
            let rows = fresh.enumerated().map { offset, entry in
                (entry.0, entry.1, Self.cardNumber(county: entry.0.residenceCounty, sequence: first + Int64(offset)))
            }
            try await insert(rows, into: tx)
            var deltas = CounterDeltas()
            for (person, _, _) in rows {
                deltas.add(PersonRow(validated: person))
                deltas.registered(on: person.registeredOn)
            }
            try await deltas.write(to: tx)
            try await tx.audit(entity: "person", id: nil, detail: "imported \(rows.count) persons, cards \(rows.first!.2)…\(rows.last!.2)")
            outcome.accepted = rows.count
            return outcome
        }
    }

    /// Card numbers: `JC`, the county of first registration, an eight-digit city-wide sequence.
    static func cardNumber(county: Int32, sequence: Int64) -> String {
        let digits = String(sequence)
        return "JC\(county)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Reserves `count` card sequence numbers; returns the first.
    private func allocateCards(_ count: Int, in db: any SQLDatabase) async throws -> Int64 {
        guard let end = try await db.raw("""
            UPDATE card_sequence SET next_value = next_value + \(bind: Int64(count)) WHERE id = 1 RETURNING next_value
            """).first(decodingColumn: "next_value", as: Int64.self)
        else { throw RPCError(.internal, "the card sequence is missing") }
        return end - Int64(count) + 1
    }

    private func insert(_ rows: [(ValidatedPerson, Data, String)], into db: any SQLDatabase) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        // 10 binds a row: 1,000 rows stay well under both backends' bind limits.
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            let chunk = rows[start..<min(start + 1_000, rows.count)].map { person, index, card in
                PersonInsert.Row(
                    card: card, index: index,
                    idSealed: personal.seal(person.idNumber, as: .idNumber),
                    nameSealed: personal.seal(person.name, as: .name),
                    phoneSealed: personal.seal(person.phone, as: .phone),
                    county: person.residenceCounty,
                    details: Data(PersonDetails(validated: person).wireBytes()))
            }
            try await db.execute(sql: PersonInsert(rows: chunk, now: now)) { _ in }
        }
    }

    // MARK: Changing

    /// Saves a changed row (optimistic: fails with ABORTED if someone changed it meanwhile),
    /// moves its counters and records each changed field in its history.
    func save(_ updated: PersonRow, replacing old: PersonRow, changes: [HistoryChange], reason: String, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let changed = try await tx.raw("""
            UPDATE persons SET phone_sealed = \(bind: updated.phoneSealed), residence_county = \(bind: updated.residenceCounty),
                status = \(bind: updated.status.rawValue), details = \(bind: Data(updated.details.wireBytes())),
                version = \(bind: old.version + 1), updated_ms = \(bind: now)
            WHERE id = \(bind: old.id) AND version = \(bind: old.version)
            RETURNING id
            """).all()
        guard !changed.isEmpty else {
            throw RPCError(.aborted, "the person's record changed while this update was made; read it again and retry")
        }
        var deltas = CounterDeltas()
        deltas.remove(old)
        deltas.add(updated)
        try await deltas.write(to: tx)
        for change in changes {
            try await tx.insert(into: "person_history")
                .columns("person_id", "at_ms", "principal", "request_id", "field", "old_value", "new_value", "reason")
                .values(SQLBind(old.id), SQLBind(now), SQLBind(tx.context.principal), SQLBind(tx.context.requestID),
                        SQLBind(change.field), SQLBind(change.old), SQLBind(change.new), SQLBind(reason))
                .run()
        }
        try await tx.audit(entity: "person", id: old.cardNumber, detail: changes.map(\.field).joined(separator: ","))
    }

    func history(of person: PersonRow, in db: any SQLDatabase) async throws -> [HistoryEntry] {
        try await db.select().columns("at_ms", "principal", "request_id", "field", "old_value", "new_value", "reason")
            .from("person_history").where("person_id", .equal, SQLBind(person.id)).orderBy("id")
            .all().map { row in
                var entry = HistoryEntry()
                entry.at = try row.decode(column: "at_ms", as: Int64.self)
                entry.principal = try row.decode(column: "principal", as: String.self)
                entry.requestID = try row.decode(column: "request_id", as: String.self)
                entry.field = try row.decode(column: "field", as: String.self)
                entry.oldValue = try row.decode(column: "old_value", as: String.self)
                entry.newValue = try row.decode(column: "new_value", as: String.self)
                entry.reason = try row.decode(column: "reason", as: String.self)
                return entry
            }
    }
}

/// One field's change, as the history keeps it (personal fields masked).
struct HistoryChange: Sendable {
    var field: String
    var old: String
    var new: String
}

/// `INSERT INTO persons … VALUES (…), (…)` written straight into the serializer: one pass over
/// the values, no builder expression tree (the store's bulk-insert benchmark does the same).
struct PersonInsert: SQLExpression {
    struct Row: Sendable {
        var card: String
        var index: Data
        var idSealed: Data
        var nameSealed: Data
        var phoneSealed: Data
        var county: Int32
        var details: Data
    }

    var rows: [Row]
    var now: Int64

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("""
            INSERT INTO persons (card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county, status, details, version, updated_ms) VALUES 
            """)
        let active = RegistrationStatus.active.rawValue
        for (offset, row) in rows.enumerated() {
            serializer.write(offset == 0 ? "(" : ", (")
            serializer.write(bind: row.card)
            serializer.write(", ")
            serializer.write(bind: row.index)
            serializer.write(", ")
            serializer.write(bind: row.idSealed)
            serializer.write(", ")
            serializer.write(bind: row.nameSealed)
            serializer.write(", ")
            serializer.write(bind: row.phoneSealed)
            serializer.write(", ")
            serializer.write(bind: row.county)
            serializer.write(", ")
            serializer.write(bind: active)
            serializer.write(", ")
            serializer.write(bind: row.details)
            serializer.write(", 1, ")
            serializer.write(bind: now)
            serializer.write(")")
        }
    }
}
