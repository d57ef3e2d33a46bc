import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// A first import into an empty registry leaves the ID-number index out once it has put
/// enough persons in, and builds it when it ends (``FirstLoad``, ``IDNumberIndex``). Here in
/// transactions of 500 rows, the load starting after 1,000.
@Suite("Registry: a first load builds the ID-number index after its rows")
struct RegistryFirstLoadTests {
    static let settings = PersonImportSettings(rowsPerTransaction: 500, firstLoadAfter: 1_000)

    /// 3,000 persons, every 500th invalid, and three repeated later in the file: one from the
    /// transactions before the load started, one from the load, one from the same transaction.
    static func rows() throws -> [PersonImportRow] {
        var rows = try RegistryImportTests.rows(persons: 3_000, seed: 21, invalidEvery: 500)
        for source in [rows[10], rows[1_600], rows[2_990]] {
            var repeated = source
            repeated.line = UInt32(rows.count + 2)
            rows.append(repeated)
        }
        return rows
    }

    static func builds(_ store: Store) async throws -> [String] {
        try await store.read { db in
            try await db.nativeRows("SELECT detail FROM jcs_audit_log WHERE method = 'maintenance.BuildIDNumberIndex' ORDER BY id")
                .map { try $0.string("detail") }
        }
    }

    static func indexExists(_ store: Store) async throws -> Bool {
        try await store.read { db in try await IDNumberIndex.exists(in: db, dialect: store.dialect) }
    }

    /// The same file gives the same summary and the same figures as an import that never
    /// leaves the index out; on SQLite the index was left out and built once, over every row;
    /// PostgreSQL keeps it (other replicas may write meanwhile).
    @Test(arguments: TestDatabases.backends)
    func aFirstLoadAnswersAsAnOrdinaryImportDoes(backend: TestBackend) async throws {
        let rows = try Self.rows()
        let ordinary = try await RegistryHarness.with(backend, imports: PersonImportSettings(rowsPerTransaction: 500, firstLoadAfter: 0)) { registry in
            try await registry.client("admin") { client in
                let summary = try await RegistryLargeImportTests.importRows(rows, client, batch: 250)
                let statistics = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                #expect(try await Self.builds(registry.store).isEmpty)
                return (summary, statistics.registered)
            }
        }
        try await RegistryHarness.with(backend, imports: Self.settings) { registry in
            try await registry.client("admin") { client in
                let summary = try await RegistryLargeImportTests.importRows(rows, client, batch: 250)
                #expect(summary == ordinary.0)
                #expect(summary.alreadyRegistered == 3)
                let statistics = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                #expect(statistics.registered == ordinary.1)

                #expect(try await Self.indexExists(registry.store))
                let builds = try await Self.builds(registry.store)
                #expect(builds == (backend == .sqlite ? ["built over \(summary.accepted) persons"] : []))

                let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: rows[1_600].person.idNumber))
                #expect(person.name == rows[1_600].person.name)
                let again = try await RegistryLargeImportTests.importRows(rows, client, batch: 250)
                #expect(again.accepted == 0 && again.alreadyRegistered == summary.accepted + 3)
            }
        }
    }

    /// While the index is left out, look-ups and registrations by ID number are refused with
    /// UNAVAILABLE (look-ups by card number are answered); the import goes on and finds the
    /// persons it loaded before; once it ends they are back.
    @Test
    func whileTheIndexIsLeftOutWhatNeedsItIsRefused() async throws {
        let rows = try Self.rows()
        let (before, after) = (Array(rows[..<1_500]), Array(rows[1_500...]))
        try await RegistryHarness.with(.sqlite, imports: Self.settings) { registry in
            try await registry.client("admin") { client in
                let summary = try await client.clientStreaming(RegistryService.importPersons, options: CallOptions(timeout: .seconds(120))) { writer in
                    try await writer.send(PersonImportBatch(rows: before))
                    // Bounded: the first 1,000 rows commit in two transactions, the second of which drops the index.
                    var waited = 0
                    while try await Self.indexExists(registry.store) {
                        waited += 1
                        #expect(waited < 3_000, "the index was never left out")
                        if waited >= 3_000 { return }
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    try await registry.client("county-140524") { other in
                        let byID = await #expect(throws: RPCError.self) {
                            try await other.unary(RegistryService.getPerson, PersonLookup(idNumber: before[3].person.idNumber))
                        }
                        #expect(byID?.code == .unavailable)
                        let registering = await #expect(throws: RPCError.self) {
                            try await other.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 7)))
                        }
                        #expect(registering?.code == .unavailable)
                    }
                    let card = try await registry.store.read { db in
                        try await db.nativeRows("SELECT card_number FROM persons ORDER BY id LIMIT 1").first!.string("card_number")
                    }
                    #expect(try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: card)).cardNumber == card)
                    // Repeats of persons loaded before, sent after the index was left out.
                    try await writer.send(PersonImportBatch(rows: after))
                }
                #expect(summary.alreadyRegistered == 3)
                #expect(try await Self.indexExists(registry.store))
                let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: before[3].person.idNumber))
                #expect(person.name == before[3].person.name)
            }
        }
    }

    /// A start finds the index missing — its first load killed — and builds it before serving;
    /// a second build finds it there and does nothing.
    @Test
    func aStartBuildsAnIndexAKilledLoadLeftOut() async throws {
        try await RegistryHarness.with(.sqlite, imports: Self.settings) { registry in
            let summary = try await registry.client("admin") { client in
                try await RegistryLargeImportTests.importRows(Array(try Self.rows()[..<1_200]), client, batch: 300)
            }
            try await registry.store.transaction(AuditContext(principal: "test", method: "test/Kill", requestID: "-"), grouping: .alone) { tx in
                try await tx.nativeExecute("DROP INDEX \(IDNumberIndex.name)")
            }
            let index = IDNumberIndex()
            try await index.build(in: registry.store, logger: .init(label: "test"))
            #expect(try await Self.indexExists(registry.store))
            try await index.build(in: registry.store, logger: .init(label: "test"))
            // Once at the import's end, once at the "start"; not at the second.
            #expect(try await Self.builds(registry.store) == Array(repeating: "built over \(summary.accepted) persons", count: 2))
        }
    }
}

@Suite("Registry: migration 10 names the ID-number index")
struct RegistryIDNumberIndexMigrationTests {
    /// Persons written under migration 9's table keep their ids and cards; the index is named
    /// (so that a first load can drop it) and still refuses a second row of one ID number; on
    /// SQLite ids still never come back (AUTOINCREMENT's high-water mark survives the copy).
    @Test(arguments: TestDatabases.backends)
    func personsSurviveAndTheIndexStaysUnique(backend: TestBackend) async throws {
        let insert = """
            INSERT INTO persons (id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                status, details, version, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, 140524, 1, ?, 1, 0)
            """
        let sealed = Array(repeating: StoreValue(Data([9])), count: 4)
        try await withMigration(
            backend, service: "registry", before: RegistrySchema.migrations.filter { $0.version < 10 }, after: RegistrySchema.migrations,
            seed: { tx in
                for id in [1, 2, 5, 7] as [Int64] {
                    try await tx.nativeExecute(insert, [StoreValue(id), StoreValue("JC140524\(id)"), StoreValue(Data([UInt8(id)]))] + sealed)
                }
                try await tx.nativeExecute("DELETE FROM persons WHERE id = 7")
            },
            check: { store in
                let rows = try await store.read { db in
                    try await db.nativeRows("SELECT id, card_number FROM persons ORDER BY id").map { "\(try $0.int64("id")):\(try $0.string("card_number"))" }
                }
                #expect(rows == ["1:JC1405241", "2:JC1405242", "5:JC1405245"])
                #expect(try await RegistryFirstLoadTests.indexExists(store))
                let context = AuditContext(principal: "test", method: "test/Insert", requestID: "-")
                await #expect(throws: (any Error).self) {
                    try await store.transaction(context) { tx in
                        try await tx.nativeExecute(insert, [StoreValue(Int64(9)), StoreValue("JC1405249"), StoreValue(Data([2]))] + sealed)
                    }
                }
                if backend == .sqlite {
                    let id = try await store.transaction(context) { tx in
                        try await tx.nativeRows("""
                            INSERT INTO persons (card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                                status, details, version, updated_ms)
                            VALUES ('JC140524new', X'AA', X'09', X'09', X'09', 140524, 1, X'', 1, 0) RETURNING id
                            """).first!.int64("id")
                    }
                    #expect(id == 8)
                }
            })
    }
}
