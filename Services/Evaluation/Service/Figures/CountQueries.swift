import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The headline numbers as of a date, from tables maintained with every write.
///
/// Cost: skilled workers and high-skill talents are a sum over `coverage_yearly` rows of one
/// scope before the date's year, that year's `coverage_monthly` rows before its month and that
/// month's `coverage_deltas` days — a few dozen rows whatever the number of certificates. New
/// skilled workers sum the year's days of ``FirstCertificates``.
/// The baseline is a table of at most 6 counties × 9 levels. All in one statement:
/// ``CountsStatement``. Institutions are a GROUP BY over a few hundred rows, with a sort (for a
/// past day, each one's last history row up to it) — at 20 M persons most of a `Counts`' time
/// (BENCHMARKS.md note 23) for figures that change only when an institution is registered or
/// its status set: they are kept per county and day (``institutionMemo``), cleared by those writes.
struct CountQueries: Sendable {
    let institutionMemo = FigureMemo<InstitutionsKey, [InstitutionCount]>()

    struct InstitutionsKey: Hashable, Sendable {
        var county: Int32
        var day: Int32
        var current: Bool
    }

    /// - Parameter today: whether `asOf` is today or later, when the institutions' state is
    ///   their present one and is read from their own table rather than their history.
    func counts(county: Int32, asOf: CalendarDate, year: Int32, today: Bool = false, reading: any RowReading) async throws -> EvaluationCounts {
        let key = InstitutionsKey(county: county, day: asOf.yyyymmdd, current: today)
        let (institutions, generation) = institutionMemo.lookup(key)
        let statement = CountsStatement(county: county, day: asOf.yyyymmdd, year: year, current: today, institutions: institutions == nil)
        var counts = try statement.counts(from: try await reading.rows(statement.sql, statement.values))
        if let institutions {
            counts.institutions = institutions
        } else {
            institutionMemo.store(counts.institutions, for: key, generation: generation)
        }
        return counts
    }

    /// The counts of several counties on one date (``CountyCountsStatement``), each the same as
    /// ``counts(county:asOf:year:today:reading:)`` gives it.
    func counts(counties: [Int32], asOf: CalendarDate, year: Int32, today: Bool, reading: any RowReading) async throws -> [Int32: EvaluationCounts] {
        var memoised: [Int32: [InstitutionCount]] = [:]
        var generations: [Int32: UInt64] = [:]
        for county in counties {
            let (institutions, generation) = institutionMemo.lookup(InstitutionsKey(county: county, day: asOf.yyyymmdd, current: today))
            memoised[county] = institutions
            generations[county] = generation
        }
        let statement = CountyCountsStatement(counties: counties, day: asOf.yyyymmdd, year: year, current: today,
                                              institutions: memoised.count < counties.count)
        var result = try statement.counts(from: try await reading.rows(statement.sql, statement.values))
        for county in counties {
            if let institutions = memoised[county] {
                result[county]?.institutions = institutions
            } else if let counted = result[county]?.institutions, let generation = generations[county] {
                institutionMemo.store(counted, for: InstitutionsKey(county: county, day: asOf.yyyymmdd, current: today), generation: generation)
            }
        }
        return result
    }
}
