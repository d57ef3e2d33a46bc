import JCSkillsProtocol
import JCSkillsTestSupport
import Testing

/// The import commits in transactions of its own size (several client batches each) while it
/// reads on; these check the counts across those transaction boundaries.
@Suite("Registry: an import larger than one transaction")
struct RegistryLargeImportTests {
    @Test(arguments: TestDatabases.backends)
    func everyRowIsCountedOnceAcrossTransactions(backend: TestBackend) async throws {
        var rows = try RegistryImportTests.rows(persons: 11_000, seed: 11, invalidEvery: 1_000)
        // Duplicates of rows committed in the first transaction, sent after it.
        for source in [rows[1], rows[4_998], rows[5_000]] {
            var duplicate = source
            duplicate.line = UInt32(rows.count + 2)
            rows.append(duplicate)
        }
        let rejected = UInt64(rows.filter { ($0.line - 1) % 1_000 == 0 && $0.line <= 11_001 }.count)

        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let first = try await RegistryImportTests.importRows(rows, client, batch: 500)
                #expect(first.received == 11_003)
                #expect(first.rejected == rejected)
                #expect(first.alreadyRegistered == 3)
                #expect(first.accepted == 11_000 - rejected)

                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.registered == first.accepted)

                let again = try await RegistryImportTests.importRows(rows, client, batch: 700)
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == first.accepted + 3)
            }
        }
    }
}
