import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The registry's person queries, written once for SQLite and PostgreSQL.
struct PersonRepository: Sendable {
    let store: Store
    let personal: PersonalData
    let clock: @Sendable () -> Date
    var ageRule = LabourForceAgeRule.standard
    /// Shared by the copies of one service's repository: a first load leaves it out (``FirstLoad``).
    var idIndex = IDNumberIndex()

    // MARK: Reading

    func find(_ lookup: PersonLookup, in db: any SQLDatabase) async throws -> PersonRow? {
        let (statement, key) = try keyedRead(lookup)
        return try await db.nativeRows(statement.sql(keys: 1), [key]).first.map(PersonRow.init)
    }

    /// The person `lookup` names, read outside any transaction: on PostgreSQL in one statement
    /// with the look-ups arriving meanwhile (``Store/rows(_:key:)``).
    func find(_ lookup: PersonLookup) async throws -> PersonRow? {
        let (statement, key) = try keyedRead(lookup)
        return try await store.rows(statement, key: key).first.map(PersonRow.init)
    }

    /// By the ID number's blind index, else by card number.
    private func keyedRead(_ lookup: PersonLookup) throws -> (KeyedStatement, StoreValue) {
        if !lookup.idNumber.isEmpty {
            try idIndex.requireBuilt()
            return (Self.byIndex, .bytes(personal.blindIndex(lookup.idNumber.uppercased(), for: .idNumber)))
        }
        if !lookup.cardNumber.isEmpty {
            return (Self.byCard, .text(lookup.cardNumber))
        }
        throw RPCError(.invalidArgument, Messages.RegistryRefusals.giveIDNumberOrCard)
    }

    /// The persons of `lookups`, in order (nil where nobody is registered), in two statements
    /// a thousand look-ups — by blind index, by card number — rather than one each: a class
    /// list's verification asked a thousand at a time, and one statement each made every
    /// message of the list wait on a thousand hand-offs to a reader (docs/NUMBERS.md, "The demo data").
    func find(_ lookups: [PersonLookup], in db: any SQLDatabase) async throws -> [PersonRow?] {
        var indexes: [Data?] = []
        indexes.reserveCapacity(lookups.count)
        for lookup in lookups {
            if !lookup.idNumber.isEmpty {
                indexes.append(personal.blindIndex(lookup.idNumber.uppercased(), for: .idNumber))
            } else if !lookup.cardNumber.isEmpty {
                indexes.append(nil)
            } else {
                throw RPCError(.invalidArgument, Messages.RegistryRefusals.giveIDNumberOrCard)
            }
        }
        var byIndex: [Data: PersonRow] = [:]
        let wantedIndexes = Set(indexes.compactMap { $0 })
        if !wantedIndexes.isEmpty { try idIndex.requireBuilt() }
        for row in try await db.nativeRows(in: wantedIndexes.map(StoreValue.bytes), { list in
            "SELECT id_index, \(PersonRow.selectList) FROM persons WHERE id_index IN \(list)"
        }) {
            byIndex[try row.data("id_index")] = try PersonRow(row: row)
        }
        var byCard: [String: PersonRow] = [:]
        let wantedCards = Set(zip(lookups, indexes).compactMap { $1 == nil ? $0.cardNumber : nil })
        if !wantedCards.isEmpty {
            for row in try await db.nativeRows(in: wantedCards.map(StoreValue.text), { list in
                "SELECT \(PersonRow.selectList) FROM persons WHERE card_number IN \(list)"
            }) {
                let person = try PersonRow(row: row)
                byCard[person.cardNumber] = person
            }
        }
        return zip(lookups, indexes).map { lookup, index in
            if let index { byIndex[index] } else { byCard[lookup.cardNumber] }
        }
    }

    // Constant statement text, bound natively: the look-up's hot path (SQLKit's serialiser
    // and encoder were a quarter of a look-up's time).
    private static let byIndex = KeyedStatement(PersonRow.selectList, from: "persons", key: "id_index")
    private static let byCard = KeyedStatement(PersonRow.selectList, from: "persons", key: "card_number")

    func require(_ lookup: PersonLookup, in db: any SQLDatabase) async throws -> PersonRow {
        try Self.found(try await find(lookup, in: db), lookup)
    }

    /// ``require(_:in:)`` outside any transaction, as ``find(_:)`` reads.
    func require(_ lookup: PersonLookup) async throws -> PersonRow {
        try Self.found(try await find(lookup), lookup)
    }

    private static func found(_ row: PersonRow?, _ lookup: PersonLookup) throws -> PersonRow {
        guard let row else {
            throw RPCError(.notFound, lookup.idNumber.isEmpty ? Messages.RegistryRefusals.noPersonWithCard(lookup.cardNumber) : Messages.RegistryRefusals.noPersonWithIDNumber)
        }
        return row
    }

    func cardNumber(forIndex index: Data, in db: any SQLDatabase) async throws -> String? {
        try idIndex.requireBuilt()
        return try await db.nativeRows("SELECT card_number FROM persons WHERE id_index = ?", [.bytes(index)]).first?.string("card_number")
    }

    // MARK: Registering

    /// Registers one person in the caller's transaction (with an idempotency key, the store
    /// keeps the answer in the same one). ALREADY_EXISTS (with the existing card number) for an
    /// ID number that already has a card.
    func registerInTransaction(_ person: ValidatedPerson, tx: StoreTransaction) async throws -> PersonRow {
        let sealedPerson = sealed(person)
        if let card = try await cardNumber(forIndex: sealedPerson.index, in: tx) {
            throw RPCError(.alreadyExists, Messages.RegistryRefusals.alreadyHasCard(card), metadata: [MetadataEntry("card-number", card)])
        }
        let card = Self.cardNumber(county: person.residenceCounty, sequence: try await CardNumbers.allocate(1, in: tx, dialect: store.dialect)[0])
        try await insert([(sealedPerson, card)], into: tx)
        let row = try await require(PersonLookup(cardNumber: card), in: tx)
        var deltas = CounterDeltas()
        deltas.add(row)
        deltas.registered(on: person.registeredOn, in: person.residenceCounty, agesOut: person.agesOut)
        try await deltas.write(to: tx)
        try await tx.audit(entity: "person", id: card)
        return row
    }

    /// Persons of a county (0: all) in id order after `after`, for exports.
    func page(county: Int32, includeInactive: Bool, after: Int64, limit: Int) async throws -> [PersonRow] {
        try await store.read { db in
            var sql = "SELECT \(PersonRow.selectList) FROM persons WHERE id > ?"
            var values: [StoreValue] = [.integer(after)]
            if county != 0 {
                let codes = JinchengDivisions.standard.recordCodes(countingIn: county)
                sql += " AND residence_county IN " + placeholderList(codes.count)
                values += codes.map(StoreValue.init)
            }
            if !includeInactive {
                sql += " AND status = ?"
                values.append(StoreValue(RegistrationStatus.active.rawValue))
            }
            sql += " ORDER BY id LIMIT ?"
            values.append(StoreValue(limit))
            return try await db.nativeRows(sql, values).map(PersonRow.init)
        }
    }

    struct BatchOutcome: Sendable {
        var accepted = 0
        /// Lines whose ID number already had a card (or appeared earlier in the same batch).
        var alreadyRegistered: [UInt32] = []
        /// Rows per residence county as given, for the import's data-quality figures (``ImportTally``).
        var acceptedByCounty: [Int32: Int] = [:]
        var alreadyRegisteredByCounty: [Int32: Int] = [:]
    }

    /// Rows per transaction of a bulk import (``ImportPipeline``). The ID-number index is
    /// random, so each row of a transaction lands on its own index page until the transaction
    /// is large enough to share them: importing 1.5 M persons went from 30.8k to 34.2k rows/s
    /// when 5,000 became 20,000 (measured 2026-11-26, in the git history of BENCHMARKS.md).
    static let importRowsPerTransaction = 20_000

    /// Registers a batch in one transaction: one existence query, one multi-row insert and one
    /// upsert per touched counter. Rows whose ID number already has a card are skipped, so
    /// importing a file twice adds nothing.
    ///
    /// Rows come sealed (``sealed(_:)``), so the writer — which look-ups' audit rows also wait
    /// for — is held for the database work only, and an import seals while the previous
    /// transaction runs.
    ///
    /// With `firstLoad`, a transaction may leave the ID-number index out for the rest of the
    /// import (``FirstLoad``); the transactions after it find the rows already in from the
    /// load's own keys.
    func registerBatch(
        _ prepared: [(line: UInt32, person: SealedPerson)], context: AuditContext, firstLoad: FirstLoad? = nil
    ) async throws -> BatchOutcome {
        guard !prepared.isEmpty else { return BatchOutcome() }
        let (outcome, keys, started) = try await store.transaction(context, grouping: .alone) { tx in
            let loading = firstLoad?.isLoading ?? false
            var seen = loading ? [] : try await existingIndexes(prepared.map(\.1.index), in: tx)
            var outcome = BatchOutcome()
            var fresh: [SealedPerson] = []
            for (line, person) in prepared {
                if seen.contains(person.index) || (loading && firstLoad!.contains(person.index)) {
                    outcome.alreadyRegistered.append(line)
                    outcome.alreadyRegisteredByCounty[person.person.residenceCounty, default: 0] += 1
                } else {
                    seen.insert(person.index)
                    fresh.append(person)
                }
            }
            guard !fresh.isEmpty else { return (outcome, [Data](), false) }
            let numbers = try await CardNumbers.allocate(fresh.count, in: tx, dialect: store.dialect)
            let rows = zip(fresh, numbers).map { person, number in
                (person, Self.cardNumber(county: person.person.residenceCounty, sequence: number))
            }
            try await insert(rows, into: tx)
            var deltas = CounterDeltas()
            for (sealed, _) in rows {
                deltas.add(PersonRow(validated: sealed.person))
                deltas.registered(on: sealed.person.registeredOn, in: sealed.person.residenceCounty, agesOut: sealed.person.agesOut)
            }
            try await deltas.write(to: tx)
            try await tx.audit(entity: "person", id: nil, detail: "imported \(rows.count) persons, cards \(rows.first!.1)…\(rows.last!.1)")
            outcome.accepted = rows.count
            for person in fresh { outcome.acceptedByCounty[person.person.residenceCounty, default: 0] += 1 }
            guard let firstLoad, !loading else { return (outcome, loading ? fresh.map(\.index) : [], false) }
            guard try await firstLoad.shouldStart(adding: rows.count, in: tx, dialect: store.dialect) else { return (outcome, [], false) }
            let keys = try await tx.nativeRows("SELECT id_index FROM persons").map { try $0.data("id_index") }
            try await idIndex.leaveOut(in: tx)
            return (outcome, keys, true)
        }
        firstLoad?.committed(rows: outcome.accepted, keys: keys, started: started)
        return outcome
    }

    /// A validated person with its personal fields sealed, ready to insert.
    struct SealedPerson: Sendable {
        var person: ValidatedPerson
        var index: Data
        var idSealed: Data
        var nameSealed: Data
        var phoneSealed: Data
    }

    /// `person` with its personal fields sealed and its ID number's blind index, ready to insert.
    func sealed(_ person: ValidatedPerson) -> SealedPerson {
        SealedPerson(person: person, index: personal.blindIndex(person.idNumber, for: .idNumber),
                     idSealed: personal.seal(person.idNumber, as: .idNumber),
                     nameSealed: personal.seal(person.name, as: .name), phoneSealed: personal.seal(person.phone, as: .phone))
    }

    /// Which of `indexes` already have a card.
    private func existingIndexes(_ indexes: [Data], in db: any SQLDatabase) async throws -> Set<Data> {
        try idIndex.requireBuilt()
        var found = Set<Data>()
        for start in stride(from: 0, to: indexes.count, by: 1_000) {
            let chunk = indexes[start..<min(start + 1_000, indexes.count)]
            let placeholders = placeholderList(chunk.count)
            for row in try await db.nativeRows("SELECT id_index FROM persons WHERE id_index IN \(placeholders)", chunk.map(StoreValue.bytes)) {
                found.insert(try row.data("id_index"))
            }
        }
        return found
    }

    /// Card numbers: `JC`, the county of first registration, an eight-digit city-wide sequence
    /// number (``CardNumbers``).
    static func cardNumber(county: Int32, sequence: Int64) -> String {
        let digits = String(sequence)
        return "JC\(county)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    private func insert(_ rows: [(SealedPerson, String)], into db: any SQLDatabase) async throws {
        let now = StoreValue(Int64(clock().timeIntervalSince1970 * 1000))
        let active = StoreValue(RegistrationStatus.active.rawValue)
        var values: [StoreValue] = []
        values.reserveCapacity(rows.count * Self.insertColumns.count)
        // In blind-index order: the index is keyed by an HMAC, so file order would land every
        // row on a different page; sorted, neighbours share pages (cards keep file order).
        let keys = rows.map { PersonalData.orderKey(ofBlindIndex: $0.0.index) }
        for offset in rows.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let (sealed, card) = rows[offset]
            values += [
                .text(card), .bytes(sealed.index), .bytes(sealed.idSealed), .bytes(sealed.nameSealed),
                .bytes(sealed.phoneSealed), StoreValue(sealed.person.residenceCounty), active,
                .bytes(Data(PersonDetails(validated: sealed.person).wireBytes())), .integer(1), now,
            ]
        }
        try await db.nativeInsert(into: "persons", columns: Self.insertColumns, types: Self.insertTypes, values: values)
    }

    private static let insertColumns = [
        "card_number", "id_index", "id_sealed", "name_sealed", "phone_sealed", "residence_county", "status", "details",
        "version", "updated_ms",
    ]
    /// Typed: on PostgreSQL one prepared statement for a registration and an import's thousand rows alike.
    private static let insertTypes: [StoreColumnType] = [
        .text, .bytes, .bytes, .bytes, .bytes, .integer, .integer, .bytes, .integer, .integer,
    ]

    // MARK: Changing

    /// The person's birth date, from their sealed ID number (opened in memory only: the
    /// registry stores no birth date).
    func birthDate(of row: PersonRow) throws -> CalendarDate {
        try ResidentIDNumber.parse(try personal.open(row.idSealed, as: .idNumber)).birthDate
    }

    /// Saves a changed row (optimistic: fails with ABORTED if someone changed it meanwhile),
    /// moves its counters and records each changed field in its history. The row's age band is
    /// worked out afresh for the day of the change.
    func save(_ proposed: PersonRow, replacing old: PersonRow, changes: [HistoryChange], reason: String, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let day = CalendarDate(unixMilliseconds: now)!
        let birth = try birthDate(of: old)
        var updated = proposed
        updated.details.ageBand = AgeBand.band(birthDate: birth, on: day, rule: ageRule)
        let changed = try await tx.raw("""
            UPDATE persons SET phone_sealed = \(bind: updated.phoneSealed), residence_county = \(bind: updated.residenceCounty),
                status = \(bind: updated.status.rawValue), details = \(bind: Data(updated.details.wireBytes())),
                version = \(bind: old.version + 1), updated_ms = \(bind: now)
            WHERE id = \(bind: old.id) AND version = \(bind: old.version)
            RETURNING id
            """).all()
        guard !changed.isEmpty else {
            throw RPCError(.aborted, Messages.RegistryRefusals.changedMeanwhile)
        }
        var deltas = CounterDeltas()
        deltas.changed(from: old, to: updated, on: day.yyyymmdd, agesOut: ageRule.leavesOn(birthDate: birth).yyyymmdd)
        try await deltas.write(to: tx)
        // The history is an audit trail too: who, which call and why are capped as in the audit log.
        typealias Limit = AuditFieldLimits
        let principal = Limit.cut(tx.context.principal, to: Limit.principal)
        let requestID = Limit.cut(tx.context.requestID, to: Limit.requestID)
        let reason = Limit.cut(reason, to: Limit.detail)
        for change in changes {
            try await tx.insert(into: "person_history")
                .columns("person_id", "at_ms", "principal", "request_id", "field", "old_value", "new_value", "reason")
                .values(SQLBind(old.id), SQLBind(now), SQLBind(principal), SQLBind(requestID),
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
