import JCSkillsStore
import JCSkillsTestSupport

/// The shape of every migration test: rows written with the schema as it stood before a
/// migration (`before`), then the store opened with `after`, which runs the rest, and handed
/// to `check`.
func withMigration(
    _ backend: TestBackend, service: String, before: [Migration], after: [Migration],
    seed: (StoreTransaction) async throws -> Void, check: (Store) async throws -> Void
) async throws {
    try await withTestDatabase(backend) { location in
        var configuration = StoreConfiguration(service: service, location: location)
        configuration.maintenanceInterval = nil
        configuration.logger.logLevel = .warning
        let old = try await Store.open(configuration, migrations: before)
        do {
            try await old.transaction(AuditContext(principal: "test", method: "test/Migrate", requestID: "migration")) { tx in
                try await seed(tx)
            }
        } catch {
            await old.close()
            throw error
        }
        await old.close()
        let new = try await Store.open(configuration, migrations: after)
        do {
            try await check(new)
        } catch {
            await new.close()
            throw error
        }
        await new.close()
    }
}
