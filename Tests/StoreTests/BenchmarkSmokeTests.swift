import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// Checks the benchmark works end to end on a small scale; the numbers themselves come from
/// running it in release mode (see the README), not from tests.
@Suite(.timeLimit(.minutes(2)))
struct BenchmarkSmokeTests {
    @Test(arguments: TestDatabases.backends)
    func bulkInsertWritesEveryRow(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let result = try await runBulkInsertBenchmark(location: location, rows: 2_345, batchSize: 1_000,
                                                          rowsPerStatement: 300, concurrency: 2)
            #expect(result.rows == 2_345)
            #expect(result.rowsPerSecond > 0)
            let (rows, auditRows) = try await withOpenStore(testConfiguration("benchmark", location), migrations: []) {
                store in
                (try await store.count("bench_persons"),
                 try await store.count("jcs_audit_log", where: "entity = 'bench_persons'"))
            }
            #expect(rows == 2_345)
            #expect(auditRows == 3)
        }
    }
}

/// The full benchmark, on demand: set `JCSKILLS_STORE_BENCHMARK_ROWS` (e.g. 1000000) and run
/// `scripts/test -c release --filter StoreBenchmark`. Skipped otherwise: benchmarks are not tests.
@Suite
struct StoreBenchmark {
    static var rows: Int? {
        ProcessInfo.processInfo.environment["JCSKILLS_STORE_BENCHMARK_ROWS"].flatMap { Int($0) }
    }

    @Test(.enabled(if: rows != nil), arguments: TestDatabases.backends)
    func bulkInsert(backend: TestBackend) async throws {
        let rows = try #require(Self.rows)
        try await withTestDatabase(backend) { location in
            let result = try await runBulkInsertBenchmark(location: location, rows: rows)
            print("BENCHMARK \(result)")
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
