import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// Card numbers' sequence (Services/Registry/Service/Schema/CardNumbers.swift): after the
/// upgrade to PostgreSQL's sequence, numbers go on from where the counter row stopped, and on
/// both backends concurrent registrations get distinct, increasing numbers.
@Suite("Registry: card numbers", .timeLimit(.minutes(2)))
struct CardNumberTests {
    @Test(arguments: TestDatabases.backends)
    func numbersGoOnFromTheCounterAfterTheUpgrade(backend: TestBackend) async throws {
        try await withMigration(
            backend, service: "registry", before: RegistrySchema.migrations.filter { $0.version < CardNumbers.migration.version }, after: RegistrySchema.migrations,
            seed: { tx in try await tx.nativeExecute("UPDATE card_sequence SET next_value = 41 WHERE id = 1") },
            check: { store in
                let personal = PersonalData(keys: .generate())
                let service = RegistryDefinition.makeService(store: store, personal: personal, clock: { RegistryHarness.now })
                let cards = try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                    try await withDomainClient(endpoint) { client in
                        try await withThrowingTaskGroup(of: String.self) { group in
                            for n in 1...6 {
                                group.addTask {
                                    try await client.unary(RegistryService.registerPerson,
                                                           .sample(id: TestIDs.make(birth: "19900101", sequence: 700 + n))).cardNumber
                                }
                            }
                            return try await group.reduce(into: []) { $0.append($1) }
                        }
                    }
                }
                #expect(cards.map { Int($0.suffix(8))! }.sorted() == Array(42...47), "\(cards)")
                if case .postgres = backend {
                    // The counter row is gone: a replica of the release before fails rather than reuse numbers.
                    let left = try await store.read { db in try await db.nativeRows("SELECT to_regclass('card_sequence')::text AS t") }
                    #expect(try left.first?.optionalString("t") == nil)
                }
            })
    }
}
