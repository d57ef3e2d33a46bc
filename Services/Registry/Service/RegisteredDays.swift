import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// "Registered on a day" for every county and every day: registered by that day, not moved to
/// another county, moved away or left the labour force by it, and not yet older than the
/// labour-force ages (docs/NUMBERS.md).
///
/// Kept as +1/−1 per county and day in `registered_days`: a person counts in a county over a
/// span of days — from their registration, move or return, until their next change or the day
/// they age out (``LabourForceAgeRule/leavesOn(birthDate:)``) — written as +1 on its first day
/// and −1 on the day after its last. The figure for a day is the sum of the county's rows up to
/// it — a few thousand rows whatever the number of persons — and today's equals the count of
/// active persons of labour-force age, so the series has no step where the past meets the
/// present.
enum RegisteredDays {
    struct Key: Hashable, Sendable {
        var county: Int32
        var day: Int32
    }

    /// Adds `sign` to `county` over the days from `day` until `end` (not included; nil: for
    /// good). Nothing when the span is empty: the person had aged out by `day`.
    static func add(_ sign: Int, county code: Int32, from day: Int32, until end: Int32?, into deltas: inout [Key: Int]) {
        if let end, day >= end { return }
        let county = JinchengDivisions.standard.countingCounty(of: code)
        deltas[Key(county: county, day: day), default: 0] += sign
        if let end { deltas[Key(county: county, day: end), default: 0] -= sign }
    }

    /// The changes that turn where `old` counted into where `new` does, from `day` until the
    /// person ages out on `agesOut`.
    static func move(from old: PersonRow, to new: PersonRow, on day: Int32, agesOut: Int32?, into deltas: inout [Key: Int]) {
        guard old.isActive != new.isActive || (new.isActive && old.countedCounty != new.countedCounty) else { return }
        if old.isActive { add(-1, county: old.countedCounty, from: day, until: agesOut, into: &deltas) }
        if new.isActive { add(1, county: new.countedCounty, from: day, until: agesOut, into: &deltas) }
    }

    /// The city's rows, under county 0: the city's figure for a day is then a range of the
    /// primary key too. (Without them it summed every county's rows up to the day — all of the
    /// table, whose future age-out rows outnumber the rest — and the gateway's Totals at city
    /// scale fell to a quarter of their calls per second.)
    static let city: Int32 = 0

    /// Adds `deltas` to the table in the caller's transaction, and their sums per day to the city's rows.
    static func write(_ deltas: [Key: Int], to db: any SQLDatabase) async throws {
        var all = deltas
        for (key, delta) in deltas where key.county != city { all[Key(county: city, day: key.day), default: 0] += delta }
        try await db.addDeltas(into: "registered_days", keys: ["county", "day"], delta: "delta",
                               rows: all.filter { $0.value != 0 }.map { ([StoreValue($0.key.county), StoreValue($0.key.day)], Int64($0.value)) })
    }

    /// The table recomputed from each person's registration date and the history of their
    /// status and county (``PersonRepository/save``; the day of each change is the day it was
    /// recorded), each span ending when the person ages out by `agesOut` — nil where the ID
    /// numbers cannot be opened (the migration that added the table: ``LabourForceAging`` then
    /// rebuilds it at the service's start, with the keys).
    static func rebuild(_ db: any SQLDatabase, agesOut: (@Sendable (Data) throws -> Int32?)? = nil) async throws {
        try await db.raw("DELETE FROM registered_days").run()
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
                SELECT id, residence_county, details, id_sealed FROM persons WHERE id > \(bind: after) ORDER BY id LIMIT 10000
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
                let end = try agesOut?(try row.decode(column: "id_sealed", as: Data.self))
                var active = true
                add(1, county: county, from: details.registeredOn, until: end, into: &deltas)
                for change in changes {
                    if change.field == "status" {
                        let nowActive = Int32(change.new) == RegistrationStatus.active.rawValue
                        if nowActive != active { add(nowActive ? 1 : -1, county: county, from: change.day, until: end, into: &deltas) }
                        active = nowActive
                    } else if let moved = Int32(change.new) {
                        if active {
                            add(-1, county: county, from: change.day, until: end, into: &deltas)
                            add(1, county: moved, from: change.day, until: end, into: &deltas)
                        }
                        county = moved
                    }
                }
            }
        }
        try await write(deltas, to: db)
    }
}
