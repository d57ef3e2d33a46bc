import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The headline numbers as of a date, from tables maintained with every write.
///
/// Cost: skilled workers and high-skill talents are a sum over `coverage_monthly` rows of one
/// scope before the date's month plus that month's `coverage_deltas` days — a few hundred
/// rows whatever the number of certificates. New skilled workers sum the year's days of
/// ``FirstCertificates``.
/// Institutions are a GROUP BY over a table of tens of rows; the baseline a table of at most
/// 6 counties × 9 levels. All in one statement: ``CountsStatement``.
struct CountQueries: Sendable {
    let store: Store

    /// - Parameter today: whether `asOf` is today or later, when the institutions' state is
    ///   their present one and is read from their own table rather than their history.
    func counts(county: Int32, asOf: CalendarDate, year: Int32, today: Bool = false) async throws -> EvaluationCounts {
        let statement = CountsStatement(county: county, day: asOf.yyyymmdd, year: year, current: today)
        return try statement.counts(from: try await store.query { db in try await db.nativeRows(statement.sql, statement.values) })
    }
}
