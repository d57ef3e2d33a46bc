import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing
@testable import EvaluationService

@Suite("Evaluation: migration 10 recomputes the coverage with one county per person")
struct EvaluationCoverageMigrationTests {
    /// Coverage written by the old rule counted a holder of certificates in two counties in
    /// both; after migration 10 the counties add up to the city on every date.
    @Test(arguments: TestDatabases.backends)
    func countiesAddUpToTheCityAfterTheMigration(backend: TestBackend) async throws {
        try await withMigration(
            backend, service: "evaluation", before: Array(EvaluationSchema.migrations.prefix(9)), after: EvaluationSchema.migrations,
            seed: { tx in
                try await tx.nativeExecute("INSERT INTO holders (holder_index, seq) VALUES (?, 1)", [StoreValue(Data([1]))])
                // One holder: 140524 from 2020-03-01, 140525 from 2021-03-01, both valid on.
                for (number, county, day) in [("B-1", 140524, 20200301), ("B-2", 140525, 20210301)] {
                    try await tx.nativeExecute("""
                        INSERT INTO certificates (number, institution, kind, occupation, level, high_skill, operation_code,
                            holder_index, holder_id_sealed, holder_name_sealed, name_index, employer, county, issued_on,
                            expires_on, ended_on, status, updated_ms, holder_seq)
                        VALUES (?, 'I', 2, '6-18-02-04', 4, 0, '', ?, ?, ?, ?, '', ?, ?, ?, ?, 1, 0, 1)
                        """, [StoreValue(number), StoreValue(Data([1])), StoreValue(Data([9])), StoreValue(Data([9])),
                              StoreValue(Data([9])), StoreValue(county), StoreValue(day),
                              StoreValue(EvaluationSchema.openEnded), StoreValue(EvaluationSchema.openEnded)])
                }
                // What the old rule wrote: the city once, each county from its certificate on.
                for (scope, day) in [(0, 20200301), (140524, 20200301), (140525, 20210301)] {
                    try await tx.nativeExecute("INSERT INTO coverage_deltas (scope, high_skill, day, delta) VALUES (?, 0, ?, 1)",
                                               [StoreValue(scope), StoreValue(day)])
                    try await tx.nativeExecute("INSERT INTO coverage_monthly (scope, high_skill, month, delta) VALUES (?, 0, ?, 1)",
                                               [StoreValue(scope), StoreValue(day / 100)])
                }
            },
            check: { after in
                let queries = CountQueries()
                for day: Int32 in [20200301, 20210228, 20210301, 20250101] {
                    let date = CalendarDate(yyyymmdd: day)!
                    let city = try await queries.counts(county: 0, asOf: date, year: 2021, reading: after).skilledWorkers
                    let first = try await queries.counts(county: 140524, asOf: date, year: 2021, reading: after).skilledWorkers
                    let second = try await queries.counts(county: 140525, asOf: date, year: 2021, reading: after).skilledWorkers
                    #expect(city == 1, "on \(day)")
                    #expect(first + second == city, "on \(day): \(first) + \(second)")
                    #expect(second == (day >= 20210301 ? 1 : 0), "on \(day)")
                }
            })
    }

    /// Migration 14 sums the months per year; a count on any date — in the first year of the
    /// deltas, mid-year, on a year's first and last day, years after — equals the sum of every
    /// daily delta up to it, as it did before the migration.
    @Test(arguments: TestDatabases.backends)
    func yearlySumsGiveTheSameCountsAsTheDays(backend: TestBackend) async throws {
        // Deltas of two scopes over five years, some cancelling within a month or a year.
        let deltas: [(scope: Int32, day: Int32, delta: Int64)] = [
            (0, 20190115, 3), (0, 20190320, -1), (0, 20191231, 2), (0, 20200101, 5), (0, 20200615, -2),
            (0, 20200630, 4), (0, 20210301, -3), (0, 20210302, 3), (0, 20231130, 7),
            (140524, 20190115, 1), (140524, 20200101, 2), (140524, 20210301, -1), (140524, 20221231, 4),
        ]
        func recount(_ scope: Int32, _ day: Int32) -> Int64 {
            deltas.filter { $0.scope == scope && $0.day <= day }.reduce(0) { $0 + $1.delta }
        }
        try await withMigration(
            backend, service: "evaluation", before: Array(EvaluationSchema.migrations.prefix(13)), after: EvaluationSchema.migrations,
            seed: { tx in
                var monthly: [[Int32]: Int64] = [:]
                for entry in deltas {
                    try await tx.nativeExecute("INSERT INTO coverage_deltas (scope, high_skill, day, delta) VALUES (?, 0, ?, ?)",
                                               [StoreValue(entry.scope), StoreValue(entry.day), StoreValue(entry.delta)])
                    monthly[[entry.scope, entry.day / 100], default: 0] += entry.delta
                }
                for (key, delta) in monthly {
                    try await tx.nativeExecute("INSERT INTO coverage_monthly (scope, high_skill, month, delta) VALUES (?, 0, ?, ?)",
                                               [StoreValue(key[0]), StoreValue(key[1]), StoreValue(delta)])
                }
            },
            check: { after in
                let yearly = try await after.rows("SELECT scope, year, delta FROM coverage_yearly WHERE high_skill = 0 ORDER BY scope, year", [])
                let expected = Dictionary(grouping: deltas) { [$0.scope, $0.day / 10_000] }.mapValues { $0.reduce(0) { $0 + $1.delta } }
                #expect(try yearly.map { [try $0.int32("scope"), try $0.int32("year")] } == expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
                for row in yearly { #expect(try row.int64("delta") == expected[[try row.int32("scope"), try row.int32("year")]]) }
                let days: [Int32] = [20181231, 20190115, 20190319, 20190320, 20191231, 20200101, 20200614, 20200630,
                                     20201231, 20210228, 20210301, 20210302, 20221231, 20230101, 20231130, 20260101]
                for scope: Int32 in [0, 140524] {
                    for day in days {
                        let counted = try await after.query { db in try await CoverageDeltas.count(scope: scope, highSkill: false, on: day, in: db) }
                        #expect(Int64(counted) == max(0, recount(scope, day)), "scope \(scope) on \(day)")
                    }
                }
            })
    }
}
