import Foundation
import JCSkillsStore
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
