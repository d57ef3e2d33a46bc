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
/// and −1 on the day after its last. Today's figure equals the count of active persons of
/// labour-force age, so the series has no step where the past meets the present.
///
/// The same changes are summed per month in `registered_months`, for the counties and the city
/// (``city``): the figure for a day is its county's months before the day's month plus the
/// county's days of that month up to the day — about a hundred rows, where summing the days
/// read thousands (the age-out rows reach decades ahead) and made the gateway's Totals at city
/// scale miss their target. The city's days are its counties' days, not rows of their own: an
/// import batch writes about one row per person for the days they age out on, and a second,
/// city row for each was a tenth of the import's time.
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

    /// The city's rows of `registered_months`.
    static let city: Int32 = 0

    /// Adds `deltas` to both tables in the caller's transaction: the counties' days, and their
    /// sums per month for each county and for the city (`monthly`: false before migration 6,
    /// which sums the months from the days, created the table).
    static func write(_ deltas: [Key: Int], to db: any SQLDatabase, monthly: Bool = true) async throws {
        try await db.addDeltas(into: "registered_days", keys: ["county", "day"], delta: "delta", rows: rows(deltas))
        guard monthly else { return }
        var months: [Key: Int] = [:]
        for (key, delta) in deltas {
            months[Key(county: key.county, day: key.day / 100), default: 0] += delta
            months[Key(county: city, day: key.day / 100), default: 0] += delta
        }
        try await db.addDeltas(into: "registered_months", keys: ["county", "month"], delta: "delta", rows: rows(months))
    }

    /// In key order: the upserts then walk the table's B-tree from one end to the other
    /// instead of jumping about it.
    private static func rows(_ deltas: [Key: Int]) -> [(key: [StoreValue], delta: Int64)] {
        deltas.filter { $0.value != 0 }.sorted { ($0.key.county, $0.key.day) < ($1.key.county, $1.key.day) }
            .map { ([StoreValue($0.key.county), StoreValue($0.key.day)], Int64($0.value)) }
    }

    /// An SQL expression for the figure on `day` in `county` (``city``: the whole city), and
    /// its values.
    static func figure(county: Int32, on day: Int32) -> (expression: String, values: [StoreValue]) {
        let counties = county == city ? JinchengDivisions.countyCodes : [county]
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as an integer.
        let expression = [
            "CAST(COALESCE((SELECT SUM(delta) FROM registered_months WHERE county = ? AND month < ?), 0)",
            "+ COALESCE((SELECT SUM(delta) FROM registered_days WHERE county IN \(placeholderList(counties.count))",
            "AND day >= ? AND day <= ?), 0) AS BIGINT)",
        ].joined(separator: " ")
        return (expression, [.init(county), .init(day / 100)] + counties.map(StoreValue.init) + [.init(day / 100 * 100), .init(day)])
    }

    /// The figures on `day` of several counties (not ``city``) as rows (`part`, `k`: the
    /// county, `n`), each row's `part` the one given: two rows a county at most (its months',
    /// its days'), to be added up — what ``figure(county:on:)`` gives each of them.
    ///
    /// The months are summed county by county, each sum a probe of `registered_months_sum`:
    /// one `GROUP BY` over `county IN (…)` was planned (generically, as prepared reads are) as a
    /// scan of the whole table, whose every row registrations keep updating — at city scale 598
    /// pages for 4,010 rows, 2.7 ms against 0.4 ms, the largest statement of PostgreSQL's `Totals`
    /// (BENCHMARKS.md note 29).
    static func figures(counties: [Int32], on day: Int32, part: Int) -> (statement: String, values: [StoreValue]) {
        let codes = Array(repeating: "SELECT CAST(? AS INTEGER) AS county", count: counties.count).joined(separator: " UNION ALL ")
        let statement = [
            "SELECT \(part) AS part, c.county AS k, CAST(COALESCE((SELECT SUM(m.delta) FROM registered_months m",
            "WHERE m.county = c.county AND m.month < ?), 0) AS BIGINT) AS n FROM (\(codes)) AS c",
            "UNION ALL SELECT \(part), county, CAST(SUM(delta) AS BIGINT) FROM registered_days",
            "WHERE county IN \(placeholderList(counties.count)) AND day >= ? AND day <= ? GROUP BY county",
        ].joined(separator: " ")
        let values = counties.map(StoreValue.init)
        return (statement, [.init(day / 100)] + values + values + [.init(day / 100 * 100), .init(day)])
    }

    /// The table recomputed from each person's registration date and the history of their
    /// status and county (``PersonRepository/save``; the day of each change is the day it was
    /// recorded), each span ending when the person ages out by `agesOut` — nil where the ID
    /// numbers cannot be opened (the migration that added the table: ``LabourForceAging`` then
    /// rebuilds it at the service's start, with the keys).
    static func rebuild(_ db: any SQLDatabase, agesOut: (@Sendable (Data) throws -> Int32?)? = nil, monthly: Bool = true) async throws {
        try await db.raw("DELETE FROM registered_days").run()
        if monthly { try await db.raw("DELETE FROM registered_months").run() }
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
        try await write(deltas, to: db, monthly: monthly)
    }
}
