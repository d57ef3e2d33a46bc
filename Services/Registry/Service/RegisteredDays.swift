import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// "Registered on a day" for every county and every day: registered by that day, and not moved
/// to another county, moved away or left the labour force by it (docs/NUMBERS.md).
///
/// Kept as +1/−1 per county and day in `registered_days`: +1 in the county of registration on
/// the registration date, −1 and +1 on the day of a move between counties, −1 on the day a
/// person moves away or leaves, +1 on the day they come back. The figure for a day is the sum
/// of the county's rows up to it — a few hundred rows a year whatever the number of persons —
/// and today's equals the count of active persons, so the series has no step where the past
/// meets the present.
enum RegisteredDays {
    struct Key: Hashable, Sendable {
        var county: Int32
        var day: Int32
    }

    /// The changes that turn where `old` counted into where `new` does, from `day` on.
    static func move(from old: PersonRow, to new: PersonRow, on day: Int32, into deltas: inout [Key: Int]) {
        guard old.isActive != new.isActive || (new.isActive && old.residenceCounty != new.residenceCounty) else { return }
        if old.isActive { deltas[Key(county: old.residenceCounty, day: day), default: 0] -= 1 }
        if new.isActive { deltas[Key(county: new.residenceCounty, day: day), default: 0] += 1 }
    }

    /// Adds `deltas` to the table in the caller's transaction.
    static func write(_ deltas: [Key: Int], to db: any SQLDatabase) async throws {
        try await db.addDeltas(into: "registered_days", keys: ["county", "day"], delta: "delta",
                               rows: deltas.map { ([StoreValue($0.key.county), StoreValue($0.key.day)], Int64($0.value)) })
    }

    /// The table for persons registered before it existed, from each person's registration
    /// date and the history of their status and county (``PersonRepository/save``): the day
    /// of each change is the day it was recorded. Run once, by the migration that adds it.
    static func backfill(_ db: any SQLDatabase) async throws {
        var events: [Int64: [(field: String, old: String, new: String, day: Int32)]] = [:]
        let history = try await db.raw("""
            SELECT person_id, field, old_value, new_value, at_ms FROM person_history
            WHERE field = 'status' OR field = 'residence_county' ORDER BY person_id, id
            """).all()
        for row in history {
            let day = CalendarDate(unixMilliseconds: try row.decode(column: "at_ms", as: Int64.self))?.yyyymmdd ?? 0
            events[try row.decode(column: "person_id", as: Int64.self), default: []].append((
                try row.decode(column: "field", as: String.self), try row.decode(column: "old_value", as: String.self),
                try row.decode(column: "new_value", as: String.self), day))
        }
        var deltas: [Key: Int] = [:]
        var after: Int64 = 0
        while true {
            let rows = try await db.raw("""
                SELECT id, residence_county, details FROM persons WHERE id > \(bind: after) ORDER BY id LIMIT 10000
                """).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                after = id
                let details = try PersonDetails(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
                let changes = events[id] ?? []
                // Where they registered: before their first move, if any.
                let current = try row.decode(column: "residence_county", as: Int32.self)
                var county = changes.first { $0.field == "residence_county" }.flatMap { Int32($0.old) } ?? current
                var active = true
                deltas[Key(county: county, day: details.registeredOn), default: 0] += 1
                for change in changes {
                    if change.field == "status" {
                        let nowActive = Int32(change.new) == RegistrationStatus.active.rawValue
                        if nowActive != active { deltas[Key(county: county, day: change.day), default: 0] += nowActive ? 1 : -1 }
                        active = nowActive
                    } else if let moved = Int32(change.new) {
                        if active {
                            deltas[Key(county: county, day: change.day), default: 0] -= 1
                            deltas[Key(county: moved, day: change.day), default: 0] += 1
                        }
                        county = moved
                    }
                }
            }
        }
        try await write(deltas, to: db)
    }
}
