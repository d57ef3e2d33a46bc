import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// The import commits in transactions of its own size (several client batches each) while it
/// reads on; these check the counts across those transaction boundaries.
@Suite("Registry: an import larger than one transaction")
struct RegistryLargeImportTests {
    @Test(arguments: TestDatabases.backends)
    func everyRowIsCountedOnceAcrossTransactions(backend: TestBackend) async throws {
        // Transactions of 5,000 rows (not the 20,000 a service uses), so that a second one follows the first.
        var rows = try RegistryImportTests.rows(persons: 6_000, seed: 11, invalidEvery: 1_000)
        // Duplicates of rows committed in the first transaction, sent after it.
        for source in [rows[1], rows[4_998], rows[5_000]] {
            var duplicate = source
            duplicate.line = UInt32(rows.count + 2)
            rows.append(duplicate)
        }
        let rejected = UInt64(rows.filter { ($0.line - 1) % 1_000 == 0 && $0.line <= 6_001 }.count)

        try await RegistryHarness.with(backend, imports: PersonImportSettings(rowsPerTransaction: 5_000, firstLoadAfter: 0)) { registry in
            try await registry.client("admin") { client in
                let first = try await Self.importRows(rows, client, batch: 500)
                #expect(first.received == 6_003)
                #expect(first.rejected == rejected)
                #expect(first.alreadyRegistered == 3)
                #expect(first.accepted == 6_000 - rejected)

                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.daily.reduce(0) { $0 + $1.count } == first.accepted)

                let again = try await Self.importRows(rows, client, batch: 700)
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == first.accepted + 3)
            }
        }
    }

    /// As ``RegistryImportTests/importRows(_:_:batch:)``, with room for a debug build on a
    /// loaded machine: the default 30 s deadline measured the machine, not the import.
    static func importRows(_ rows: [PersonImportRow], _ client: RPCClient, batch: Int) async throws -> ImportSummary {
        try await client.clientStreaming(RegistryService.importPersons, options: CallOptions(timeout: .seconds(180))) { writer in
            for start in stride(from: 0, to: rows.count, by: batch) {
                try await writer.send(PersonImportBatch(rows: Array(rows[start..<min(start + batch, rows.count)])))
            }
        }
    }
}
