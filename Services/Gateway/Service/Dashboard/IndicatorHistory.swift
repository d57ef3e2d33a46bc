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

    func series(_ indicator: String, limit: Int = 500) async throws -> [Point] {
        try await store.read { db in
            try await db.select().columns("at_ms", "value").from("indicator_history")
                .where("indicator", .equal, SQLBind(indicator)).orderBy("at_ms", .descending).limit(limit)
                .all().map { Point(atMs: try $0.decode(column: "at_ms", as: Int64.self), value: try $0.decode(column: "value", as: Double.self)) }
                .reversed()
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
