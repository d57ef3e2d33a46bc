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
}
