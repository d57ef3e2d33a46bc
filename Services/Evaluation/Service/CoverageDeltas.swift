import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The `coverage_deltas` table kept in step with one holder's certificates.
///
/// "Distinct persons with a valid certificate on D" is COUNT(DISTINCT) over every certificate
/// issued before D — linear in certificates. Instead each write recomputes the written holder's
/// coverage (the union of their certificates' validity intervals, per scope and measure) before
/// and after, and records the difference as +1/−1 per day (and summed per month). The count as
/// of D is then a sum over the months before D's month and D's month's days: bounded by
/// months, not by certificates or days.
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
    /// batch, so this builds no dictionary or array per holder.
    static func add(before: [Span], after: [Span], into deltas: inout [Key: Int64]) {
        var scratch: [(start: Int32, end: Int32)] = []
        add(before, sign: -1, into: &deltas, scratch: &scratch)
        add(after, sign: 1, into: &deltas, scratch: &scratch)
    }

    /// `sign` at the start and −`sign` at the end of each interval of the spans' merged coverage,
    /// in the city (scope 0) and in each of their counties, for all of them and for the
    /// high-skill ones.
    private static func add(_ spans: [Span], sign: Int64, into deltas: inout [Key: Int64],
                            scratch: inout [(start: Int32, end: Int32)]) {
        guard !spans.isEmpty else { return }
        var scopes: [Int32] = [0]
        for span in spans where !scopes.contains(span.county) { scopes.append(span.county) }
        for scope in scopes {
            for highSkill in [false, true] {
                scratch.removeAll(keepingCapacity: true)
                for span in spans where (scope == 0 || span.county == scope) && (!highSkill || span.highSkill) && span.start < span.end {
                    scratch.append((span.start, span.end))
                }
                guard !scratch.isEmpty else { continue }
                scratch.sort { $0.start < $1.start }
                func emit(_ start: Int32, _ end: Int32) {
                    deltas[Key(scope: scope, highSkill: highSkill, day: start), default: 0] += sign
                    // An open end never reaches a date anyone asks about: no row for it.
                    if end != EvaluationSchema.openEnded {
                        deltas[Key(scope: scope, highSkill: highSkill, day: end), default: 0] -= sign
                    }
                }
                var (start, end) = scratch[0]
                for next in scratch.dropFirst() {
                    if next.start <= end {
                        end = max(end, next.end)
                    } else {
                        emit(start, end)
                        (start, end) = next
                    }
                }
                emit(start, end)
            }
        }
    }

    /// Adds `deltas` to the daily and the monthly table (``EvaluationSchema``, migration 3),
    /// with multi-row upserts in the caller's transaction.
    static func write(_ deltas: [Key: Int64], to db: any SQLDatabase) async throws {
        guard !deltas.isEmpty else { return }
        try await upsert(Array(deltas), table: "coverage_deltas", column: "day", in: db)
        var monthly: [Key: Int64] = [:]
        for (key, delta) in deltas {
            monthly[Key(scope: key.scope, highSkill: key.highSkill, day: key.day / 100), default: 0] += delta
        }
        try await upsert(monthly.filter { $0.value != 0 }.map { ($0.key, $0.value) }, table: "coverage_monthly", column: "month", in: db)
    }

    private static func upsert(_ rows: [(key: Key, value: Int64)], table: String, column: String, in db: any SQLDatabase) async throws {
        var values: [StoreValue] = []
        values.reserveCapacity(rows.count * 4)
        for (key, delta) in rows {
            values += [StoreValue(key.scope), StoreValue(key.highSkill ? 1 : 0), StoreValue(key.day), StoreValue(delta)]
        }
        try await db.nativeInsert(into: table, columns: ["scope", "high_skill", column, "delta"], values: values,
                                  suffix: "ON CONFLICT (scope, high_skill, \(column)) DO UPDATE SET delta = \(table).delta + excluded.delta")
    }

    /// Distinct persons covered in `scope` on `day`.
    static func count(scope: Int32, highSkill: Bool, on day: Int32, in db: any SQLDatabase) async throws -> UInt64 {
        // The months before the date's month from the monthly sums, then that month's days.
        let high = highSkill ? 1 : 0
        let sum = try await db.raw("""
            SELECT CAST((SELECT COALESCE(SUM(delta), 0) FROM coverage_monthly
                         WHERE scope = \(bind: scope) AND high_skill = \(bind: high) AND month < \(bind: day / 100))
                      + (SELECT COALESCE(SUM(delta), 0) FROM coverage_deltas
                         WHERE scope = \(bind: scope) AND high_skill = \(bind: high) AND day > \(bind: day / 100 * 100) AND day <= \(bind: day))
                   AS BIGINT) AS n
            """).first(decodingColumn: "n", as: Int64.self) ?? 0
        return UInt64(max(0, sum))
    }
}
