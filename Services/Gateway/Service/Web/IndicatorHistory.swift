import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit
import Synchronization

/// The city's indicator values over time, for the dashboard's charts: one row per indicator
/// at most every `spacing`, written from fresh city answers. Aggregates only.
struct IndicatorHistory: Sendable {
    let store: Store
    let spacing: Duration
    private let lastWritten = LastWrite()

    init(store: Store, spacing: Duration) {
        self.store = store
        self.spacing = spacing
    }

    static let migrations: [Migration] = [
        Migration(1, "indicator history") { _ in [
            """
            CREATE TABLE indicator_history (
                indicator TEXT NOT NULL, at_ms BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (indicator, at_ms))
            """,
        ] },
    ]

    struct Point: Sendable, Equatable {
        var atMs: Int64
        var value: Double
    }

    /// Records the available city values, unless a record was written less than `spacing` ago.
    func record(_ totals: Totals) async {
        guard lastWritten.claim(at: ContinuousClock.now, spacing: spacing) else { return }
        let points = totals.scope.indicators.filter { $0.status != .unavailable }
        guard !points.isEmpty else { return }
        do {
            try await store.transaction(AuditContext(principal: "gateway", method: "history", requestID: "")) { tx in
                var insert = tx.insert(into: "indicator_history").columns("indicator", "at_ms", "value")
                for point in points {
                    insert = insert.values(SQLBind(point.key), SQLBind(totals.generatedMs), SQLBind(point.value))
                }
                try await insert.ignoringConflicts().run()
            }
        } catch {
            // The chart misses a point; the answer itself is unaffected.
        }
    }

    /// At most about `points` points spread over the whole history: older stretches are
    /// averaged per time bucket, so a year of samples draws as quickly as a day.
    func series(_ indicator: String, points: Int = 300) async throws -> [Point] {
        try await store.read { db in
            let span = try await db.select()
                .column(SQLFunction("MIN", args: SQLIdentifier("at_ms")), as: "first")
                .column(SQLFunction("MAX", args: SQLIdentifier("at_ms")), as: "last")
                .from("indicator_history").where("indicator", .equal, SQLBind(indicator)).first()
            guard let span, let first = try span.decode(column: "first", as: Int64?.self),
                  let last = try span.decode(column: "last", as: Int64?.self) else { return [] }
            let bucket = max(1, (last - first) / Int64(max(1, points)) + 1)
            let rows = try await db.raw("""
                SELECT MIN(at_ms) AS at_ms, AVG(value) AS value FROM indicator_history
                WHERE indicator = \(bind: indicator) GROUP BY (at_ms - \(bind: first)) / \(bind: bucket) ORDER BY 1
                """).all()
            return try rows.map { Point(atMs: try $0.decode(column: "at_ms", as: Int64.self), value: try $0.decode(column: "value", as: Double.self)) }
        }
    }
}

/// When history was last written, shared by every concurrent caller.
private final class LastWrite: Sendable {
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    func claim(at now: ContinuousClock.Instant, spacing: Duration) -> Bool {
        last.withLock { last in
            if let previous = last, now - previous < spacing { return false }
            last = now
            return true
        }
    }
}
