import Foundation
@testable import JCSkillsLoad
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// Checks the store's bulk-insert benchmark (`jcskills-load store`) works end to end on a small
/// scale; the numbers themselves come from running it in release mode (BENCHMARKS.md), not from
/// tests.
@Suite(.timeLimit(.minutes(2)))
struct BenchmarkSmokeTests {
    @Test(arguments: TestDatabases.backends)
    func bulkInsertWritesEveryRow(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let result = try await runBulkInsertBenchmark(location: location, rows: 2_345, batchSize: 1_000,
                                                          rowsPerStatement: 300, concurrency: 2)
            #expect(result.rows == 2_345)
            let (rows, auditRows) = try await withOpenStore(testConfiguration("benchmark", location), migrations: []) {
                store in
                try await store.read { db in
                    (try await db.raw("SELECT COUNT(*) AS n FROM bench_persons").first(decodingColumn: "n", as: Int.self),
                     try await db.raw("SELECT COUNT(*) AS n FROM jcs_audit_log WHERE entity = 'bench_persons'")
                        .first(decodingColumn: "n", as: Int.self))
                }
            }
            #expect(rows == 2_345)
            #expect(auditRows == 3)
        }
    }
}

@Suite
struct SyntheticIDNumberTests {
    /// The benchmark's ID numbers are well-formed (ISO 7064 MOD 11-2 check character,
    /// computed here independently) and distinct, so its unique index never refuses a row.
    @Test
    func idNumbersAreValidAndDistinct() {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let checks = Array("10X98765432".utf8)
        var seen = Set<String>()
        var malformed: [String] = []
        // Every 37th of the first 1.1 million: past the benchmark's million rows, and cheap.
        for n in stride(from: 0, to: 1_100_000, by: 37) {
            let (id, county, year) = SyntheticIDNumber.make(n)
            let digits = Array(id.utf8)
            let sum = zip(digits.prefix(17), weights).reduce(0) { $0 + Int($1.0 &- 48) * $1.1 }
            if digits.count != 18 || !id.hasPrefix(county + String(year)) || digits.last != checks[sum % 11] {
                malformed.append(id)
            }
            seen.insert(id)
        }
        #expect(malformed.isEmpty, "e.g. \(malformed.prefix(3))")
        #expect(seen.count == (1_100_000 + 36) / 37)
    }
}
