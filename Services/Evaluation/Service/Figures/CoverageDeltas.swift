import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The `coverage_deltas` table kept in step with one holder's certificates.
///
/// "Distinct persons with a valid certificate on D" is COUNT(DISTINCT) over every certificate
/// issued before D — linear in certificates. Instead each write recomputes where the written
/// holder counts on every day (``Place``: the city, and one county) before and after, and
/// records the difference as +1/−1 per day (and summed per month). The count as of D is then a
/// sum over the months before D's month and D's month's days: bounded by months, not by
/// certificates or days.
struct CoverageDeltas: Sendable {
    /// A certificate's contribution: valid from `start` up to the day before `end`.
    struct Span: Sendable {
        var county: Int32
        var highSkill: Bool
        var start: Int32
        var end: Int32
    }

    struct Key: Hashable, Sendable {
        var scope: Int32
        var highSkill: Bool
        var day: Int32
    }

    /// The +1/−1 changes that turn `before`'s coverage into `after`'s.
    static func changes(before: [Span], after: [Span]) -> [Key: Int64] {
        var deltas: [Key: Int64] = [:]
        add(before: before, after: after, into: &deltas)
        return deltas.filter { $0.value != 0 }
    }

    /// Adds the changes that turn `before`'s coverage into `after`'s to `deltas`, where they may
    /// cancel out (``write(_:to:)`` skips zeros). An import adds up those of 30,000 holders a
    /// batch, so this builds no dictionary per holder.
    static func add(before: [Span], after: [Span], into deltas: inout [Key: Int64]) {
        var scratch: [Int32] = []
        add(before, sign: -1, into: &deltas, scratch: &scratch)
        add(after, sign: 1, into: &deltas, scratch: &scratch)
    }

    /// Where one person counts on each day their spans cover (docs/NUMBERS.md, "One county
    /// per person"): in the city, and in the county of their most recent valid certificate —
    /// the latest issued of those valid that day; of two issued the same day, the lower county
    /// code — so that the counties always add up to the city. High-skill: the same county, on
    /// the days they hold a high-skill certificate.
    struct Place: Equatable {
        var county: Int32
        var highSkill: Bool
    }

    /// `sign` where the person starts counting in a scope and −`sign` where they stop, for all
    /// holders and for the high-skill ones, following ``Place`` from one boundary of their
    /// spans to the next.
    private static func add(_ spans: [Span], sign: Int64, into deltas: inout [Key: Int64], scratch: inout [Int32]) {
        scratch.removeAll(keepingCapacity: true)
        for span in spans where span.start < span.end {
            scratch.append(span.start)
            scratch.append(span.end)
        }
        guard !scratch.isEmpty else { return }
        scratch.sort()
        func emit(_ scope: Int32, _ highSkill: Bool, _ day: Int32, _ delta: Int64) {
            // An open end never reaches a date anyone asks about: no row for it.
            guard day != EvaluationSchema.openEnded else { return }
            deltas[Key(scope: scope, highSkill: highSkill, day: day), default: 0] += delta
        }
        var current: Place?
        var previousDay: Int32?
        for day in scratch where day != previousDay {
            previousDay = day
            let next = place(on: day, spans)
            guard next != current else { continue }
            if let old = current {
                emit(0, false, day, -sign)
                emit(old.county, false, day, -sign)
                if old.highSkill {
                    emit(0, true, day, -sign)
                    emit(old.county, true, day, -sign)
                }
            }
            if let new = next {
                emit(0, false, day, sign)
                emit(new.county, false, day, sign)
                if new.highSkill {
                    emit(0, true, day, sign)
                    emit(new.county, true, day, sign)
                }
            }
            current = next
        }
    }

    /// Where the spans place their person from `day` to their next boundary; nil when none is
    /// valid that day.
    static func place(on day: Int32, _ spans: [Span]) -> Place? {
        var latest: Span?
        var highSkill = false
        for span in spans where span.start <= day && day < span.end {
            highSkill = highSkill || span.highSkill
            if let best = latest, (best.start, -best.county) >= (span.start, -span.county) { continue }
            latest = span
        }
        return latest.map { Place(county: $0.county, highSkill: highSkill) }
    }

    /// Adds `deltas` to the daily, the monthly and the yearly table (``EvaluationSchema``,
    /// migrations 3 and 14), with multi-row upserts in the caller's transaction.
    static func write(_ deltas: [Key: Int64], to db: any SQLDatabase) async throws {
        guard !deltas.isEmpty else { return }
        try await upsert(Array(deltas), table: "coverage_deltas", column: "day", in: db)
        var monthly: [Key: Int64] = [:]
        var yearly: [Key: Int64] = [:]
        for (key, delta) in deltas {
            monthly[Key(scope: key.scope, highSkill: key.highSkill, day: key.day / 100), default: 0] += delta
            yearly[Key(scope: key.scope, highSkill: key.highSkill, day: key.day / 10_000), default: 0] += delta
        }
        try await upsert(monthly.filter { $0.value != 0 }.map { ($0.key, $0.value) }, table: "coverage_monthly", column: "month", in: db)
        try await upsert(yearly.filter { $0.value != 0 }.map { ($0.key, $0.value) }, table: "coverage_yearly", column: "year", in: db)
    }

    /// The persons covered in one scope on `day` as SQL: the years before the day's year, that
    /// year's months before the day's month, that month's days up to the day — at most a few
    /// dozen rows of each table. Binds, in order: ``covered(scope:on:)``.
    static func coveredExpression(highSkill: Bool) -> String {
        let high = highSkill ? 1 : 0
        let sums = ranges.map { "(SELECT COALESCE(SUM(delta), 0) FROM \($0.table) WHERE scope = ? AND high_skill = \(high) AND \($0.condition))" }
        return "CAST(" + sums.joined(separator: " + ") + " AS BIGINT)"
    }

    /// The values ``coveredExpression(highSkill:)`` binds for `scope` on `day`.
    static func covered(scope: Int32, on day: Int32) -> [StoreValue] {
        bounds(on: day).flatMap { [StoreValue(scope)] + $0 }
    }

    /// The rows that make up a date's coverage, table by table: the years before the date's
    /// year, that year's months before its month, that month's days up to the date. Binds, in
    /// order: ``bounds(on:)``.
    static let ranges: [(table: String, condition: String)] = [
        ("coverage_yearly", "year < ?"),
        ("coverage_monthly", "month > ? AND month < ?"),
        ("coverage_deltas", "day > ? AND day <= ?"),
    ]

    /// The values each of ``ranges`` binds on `day`.
    static func bounds(on day: Int32) -> [[StoreValue]] {
        [[StoreValue(day / 10_000)],
         [StoreValue(day / 10_000 * 100), StoreValue(day / 100)],
         [StoreValue(day / 100 * 100), StoreValue(day)]]
    }

    private static func upsert(_ rows: [(key: Key, value: Int64)], table: String, column: String, in db: any SQLDatabase) async throws {
        try await db.addDeltas(into: table, keys: ["scope", "high_skill", column], delta: "delta", rows: rows.map {
            ([StoreValue($0.key.scope), StoreValue($0.key.highSkill ? 1 : 0), StoreValue($0.key.day)], $0.value)
        })
    }

    /// Recomputes the three tables from the certificates: what migration 10 does, once, when a
    /// person who held valid certificates in two counties stopped counting in both. Reads the
    /// certificates a few thousand holders at a time.
    static func rebuild(_ db: any SQLDatabase) async throws {
        try await db.execute(sql: SQLRaw("DELETE FROM coverage_deltas")) { _ in }
        try await db.execute(sql: SQLRaw("DELETE FROM coverage_monthly")) { _ in }
        try await db.execute(sql: SQLRaw("DELETE FROM coverage_yearly")) { _ in }
        let last = try await db.raw("SELECT COALESCE(MAX(holder_seq), 0) AS last FROM certificates")
            .first(decodingColumn: "last", as: Int64.self) ?? 0
        var deltas: [Key: Int64] = [:]
        var low: Int64 = -1
        while low < last {
            let high = low + 5_000
            var spans: [Data: [Span]] = [:]
            for row in try await db.raw("""
                SELECT holder_index, county, high_skill, counts_from, expires_on, ended_on FROM certificates
                WHERE holder_seq > \(bind: low) AND holder_seq <= \(bind: high)
                """).all() {
                spans[try row.decode(column: "holder_index", as: Data.self), default: []].append(Span(
                    county: JinchengDivisions.standard.countingCounty(of: try row.decode(column: "county", as: Int32.self)),
                    highSkill: try row.decode(column: "high_skill", as: Int32.self) != 0,
                    start: try row.decode(column: "counts_from", as: Int32.self),
                    end: min(try row.decode(column: "expires_on", as: Int32.self), try row.decode(column: "ended_on", as: Int32.self))))
            }
            for holder in spans.values { add(before: [], after: holder, into: &deltas) }
            low = high
        }
        try await write(deltas.filter { $0.value != 0 }, to: db)
    }

    /// Distinct persons covered in `scope` on `day`.
    static func count(scope: Int32, highSkill: Bool, on day: Int32, in db: any SQLDatabase) async throws -> UInt64 {
        let rows = try await db.nativeRows("SELECT \(coveredExpression(highSkill: highSkill)) AS n", covered(scope: scope, on: day))
        return UInt64(max(0, try rows.first?.int64("n") ?? 0))
    }
}
