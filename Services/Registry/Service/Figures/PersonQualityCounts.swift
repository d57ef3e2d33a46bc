import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Two of the data-quality figures (docs/QUALITY.md), per counted county, kept by every write
/// through ``CounterDeltas`` so they equal a recount of the persons table without reading it:
/// active persons past the labour-force age (their status was never changed after
/// ``LabourForceAging`` moved them out of the cells) and active persons without a phone.
/// Counting these at read time would mean opening every sealed row.
enum PersonQualityCounts {
    /// One county's change, per measure.
    struct Delta: Sendable, Equatable {
        var pastAge = 0
        var missingPhone = 0
    }

    static let pastAge = "past_age"
    static let missingPhone = "missing_phone"
    /// Single registrations refused as duplicates (``DuplicateRegistrations``).
    static let duplicateRegistrations = "duplicate_registrations"

    /// Moves `person`'s contribution by `sign` (1: starts counting, -1: stops).
    static func apply(_ person: PersonRow, sign: Int, into deltas: inout [Int32: Delta]) {
        guard person.isActive else { return }
        let pastAge = person.ageBand == AgeBand.beyondLabourForce
        let missingPhone = person.phoneMissing
        guard pastAge || missingPhone else { return }
        var delta = deltas[person.countedCounty] ?? Delta()
        if pastAge { delta.pastAge += sign }
        if missingPhone { delta.missingPhone += sign }
        deltas[person.countedCounty] = delta
    }

    static func write(_ deltas: [Int32: Delta], to db: any SQLDatabase) async throws {
        var rows: [(key: [StoreValue], delta: Int64)] = []
        for (county, delta) in deltas {
            rows.append(([StoreValue(county), .text(pastAge)], Int64(delta.pastAge)))
            rows.append(([StoreValue(county), .text(missingPhone)], Int64(delta.missingPhone)))
        }
        try await db.addDeltas(into: "person_quality_counts", keys: ["county", "measure"], delta: "count", rows: rows)
    }

    /// The measures of `county` (0: summed over the city).
    static func read(county: Int32, in db: any SQLDatabase) async throws -> (pastAge: UInt64, missingPhone: UInt64, duplicates: UInt64) {
        var sql: SQLQueryString = "SELECT measure, CAST(SUM(count) AS BIGINT) AS n FROM person_quality_counts"
        if county != 0 { sql = sql + " WHERE county = \(bind: county)" }
        sql = sql + " GROUP BY measure"
        var result: (pastAge: UInt64, missingPhone: UInt64, duplicates: UInt64) = (0, 0, 0)
        for row in try await db.raw(sql).all() {
            let count = UInt64(max(0, try row.decode(column: "n", as: Int64.self)))
            switch try row.decode(column: "measure", as: String.self) {
            case pastAge: result.pastAge = count
            case missingPhone: result.missingPhone = count
            case duplicateRegistrations: result.duplicates = count
            default: continue
            }
        }
        return result
    }

    /// The migration that adds the table and counts the persons already stored, a page at a
    /// time as migration 7 (``TrainingModes``) reads them.
    static let migration = Migration(8, "data-quality figures: imports, rejections, past age, missing phones") { db, dialect in
        for statement in QualityTables.statements(dialect) {
            try await db.execute(sql: SQLRaw(statement)) { _ in }
        }
        var deltas: [Int32: Delta] = [:]
        var after: Int64 = 0
        while true {
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: PersonRow.selectList) FROM persons
                WHERE id > \(bind: after) AND status = \(bind: RegistrationStatus.active.rawValue) ORDER BY id LIMIT 10000
                """).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                after = try row.decode(column: "id", as: Int64.self)
                let person = try PersonRow(
                    id: after, residenceCounty: row.decode(column: "residence_county", as: Int32.self),
                    status: RegistrationStatus(rawValue: row.decode(column: "status", as: Int32.self)),
                    details: PersonDetails(wireBytes: Array(row.decode(column: "details", as: Data.self))),
                    phoneSealed: row.decode(column: "phone_sealed", as: Data.self))
                apply(person, sign: 1, into: &deltas)
            }
        }
        try await write(deltas, to: db)
    }
}
