import Foundation
import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Logging
import Testing
@testable import CompetitionService
@testable import EvaluationService
@testable import RegistryService
@testable import TrainingService

/// The services' sealed columns sealed again after a key rotation (Sources/ServiceKit/SealingKeyUpkeep.swift).
@Suite("Operations: personal data sealed again after a key rotation", .timeLimit(.minutes(2)))
struct SealingKeyUpkeepTests {
    /// Every `*_sealed` column of a service's schema is in its declared list, and nothing else:
    /// a column added later without being declared would keep values under a retired key.
    @Test(arguments: [
        ("registry", RegistrySchema.migrations, RegistrySchema.sealedTables),
        ("evaluation", EvaluationSchema.migrations, EvaluationSchema.sealedTables),
        ("training", TrainingSchema.migrations, TrainingSchema.sealedTables),
        ("competition", CompetitionSchema.migrations, CompetitionSchema.sealedTables),
    ])
    func theDeclaredColumnsAreTheSchemasSealedColumns(service: String, migrations: [Migration], tables: [SealedTable]) async throws {
        try await withTestStore(.sqlite, service: service, migrations: migrations) { store in
            let rows = try await store.read { db in
                try await db.nativeRows("""
                    SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type = 'table' AND m.name NOT LIKE 'jcs\\_%' ESCAPE '\\' AND p.name LIKE '%\\_sealed' ESCAPE '\\'
                    """)
            }
            let inSchema = Set(try rows.map { "\(try $0.string("t")).\(try $0.string("c"))" })
            let declared = Set(tables.flatMap { table in table.columns.map { "\(table.name).\($0.name)" } })
            #expect(inSchema == declared)
            #expect(!declared.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aRotatedKeySealsNothingAfterThePass(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let ids = (1...3).map { TestIDs.make(birth: "19900101", sequence: 600 + $0) }
            try await registry.client("admin") { client in
                for id in ids { _ = try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "轮换\(id.suffix(2))")) }
            }
            let upkeep = SealingKeyUpkeep(store: registry.store, personal: registry.personal, tables: RegistrySchema.sealedTables,
                                          logger: Logger(label: "test.reseal"))
            #expect(try await upkeep.pass())
            #expect(try await registry.store.sealingKeysInUse(RegistrySchema.sealedTables) == [1: 9])

            try registry.personal.replaceKeys(with: registry.personal.keys.addingKey())
            #expect(try await upkeep.pass())
            #expect(try await registry.store.sealingKeysInUse(RegistrySchema.sealedTables) == [2: 9])
            try await registry.client("admin") { client in
                for id in ids {
                    let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: id))
                    #expect(person.name == "轮换\(id.suffix(2))")
                }
            }
        }
    }
}
