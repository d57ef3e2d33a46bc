import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Testing

private let peopleMigration = Migration(1, "people") { d in [
    "CREATE TABLE people (id \(d.autoIncrementPrimaryKey), id_sealed \(d.bytes) NOT NULL, name_sealed \(d.bytes) NOT NULL)",
    "CREATE TABLE places (code TEXT NOT NULL PRIMARY KEY, keeper_sealed \(d.bytes) NOT NULL)",
] }

private let tables = [
    SealedTable("people", key: "id", [.init("id_sealed", .idNumber), .init("name_sealed", .name)]),
    SealedTable("places", key: "code", [.init("keeper_sealed", .name)]),
]

/// A key rotation followed by a pass that seals everything again (Sources/Store/PersonalData/Store+Reseal.swift),
/// the store's stored answers of idempotent writes included: afterwards the old key opens nothing
/// that is stored, and the values read the same.
@Suite("Sealing again with the current key after a rotation", .timeLimit(.minutes(2)))
struct ResealTests {
    @Test(arguments: TestDatabases.backends)
    func everyValueMovesToTheNewKeyAndReadsTheSame(backend: TestBackend) async throws {
        let first = SealingKeys.generate()
        let personal = PersonalData(keys: first)
        try await withTestStore(backend, migrations: [peopleMigration], configure: { $0.personalData = personal }) { store in
            // 1,201 people (three reads of 500 and one of 201) and 7 places, sealed with key 1.
            let names = (0..<1_201).map { "人员\($0)" }
            try await store.transaction(testContext, grouping: .alone) { tx in
                for (n, name) in names.enumerated() {
                    try await tx.nativeExecute("INSERT INTO people (id_sealed, name_sealed) VALUES (?, ?)", [
                        .bytes(personal.seal("1405241990010\(String(format: "%05d", n))", as: .idNumber)), .bytes(personal.seal(name, as: .name)),
                    ])
                }
                for code in "ABCDEFG" {
                    try await tx.nativeExecute("INSERT INTO places (code, keeper_sealed) VALUES (?, ?)", [.text(String(code)), .bytes(personal.seal("看守\(code)", as: .name))])
                }
            }
            // Five stored answers of idempotent writes from two callers (not text: bytes are sealed again as they are).
            for n in 0..<5 {
                let caller = AuditContext(principal: "jcskills://caller-\(n % 2)", method: "test.Write", requestID: "r\(n)")
                _ = try await store.idempotent(key: "k-\(n)", context: caller, requestDigest: Data([UInt8(n)])) { _ in Data([0xFF, 0x00, UInt8(n)]) }
            }
            #expect(try await store.sealingKeysInUse(tables) == [1: 1_201 * 2 + 7 + 5])

            try personal.replaceKeys(with: first.addingKey())
            #expect(try await store.needsReseal())
            // Written after the rotation: already under key 2, left alone by the pass.
            try await store.transaction(testContext) { tx in
                try await tx.nativeExecute("INSERT INTO places (code, keeper_sealed) VALUES (?, ?)", [.text("H"), .bytes(personal.seal("看守H", as: .name))])
            }
            let report = try await store.resealAll(tables, batch: 500, pause: .zero)
            #expect(report.key == 2 && report.resealed == 1_201 * 2 + 7 + 5 && report.rows == 1_201 + 8 + 5 && report.changedMeanwhile == 0)
            #expect(try await store.sealingKeysInUse(tables) == [2: 1_201 * 2 + 8 + 5])
            #expect(try await !store.needsReseal())

            // Key 1 is gone from this key set, and everything still opens, unchanged.
            let onlyNew = PersonalData(keys: SealingKeys(indexKey: first.indexKey, sealingKeys: [2: personal.keys.sealingKeys[2]!]))
            let rows = try await store.read { db in try await db.nativeRows("SELECT id, name_sealed FROM people ORDER BY id") }
            #expect(try rows.map { try onlyNew.open(try $0.data("name_sealed"), as: .name) } == names)
            let keeper = try await store.read { db in try await db.nativeRows("SELECT keeper_sealed FROM places WHERE code = 'C'") }
            #expect(try onlyNew.open(try keeper[0].data("keeper_sealed"), as: .name) == "看守C")

            // Done for key 2: a second pass rewrites nothing.
            #expect(try await store.resealAll(tables, pause: .zero).resealed == 0)

            // Key 1 retired from the running store's keys: a retried call still gets its first answer.
            try personal.replaceKeys(with: personal.keys.retiring([1]))
            for n in 0..<5 {
                let caller = AuditContext(principal: "jcskills://caller-\(n % 2)", method: "test.Write", requestID: "r\(n)")
                let replay = try await store.idempotent(key: "k-\(n)", context: caller, requestDigest: Data([UInt8(n)])) { _ in Data() }
                #expect(replay.replayed && replay.response == Data([0xFF, 0x00, UInt8(n)]))
            }

            // Two at a time: the stored answers' three-column key walked in order, batch after batch.
            try personal.replaceKeys(with: personal.keys.addingKey())
            let small = try await store.resealAll(tables, batch: 2, pause: .zero)
            #expect(small.key == 3 && small.resealed == 1_201 * 2 + 8 + 5 && small.rows == 1_201 + 8 + 5)
            #expect(try await store.sealingKeysInUse(tables) == [3: 1_201 * 2 + 8 + 5])
        }
    }

    /// What `jcskills keys retire` opens: a database its service set up, no migrations, the key
    /// file checked; the tables the service recorded read back.
    @Test(arguments: TestDatabases.backends)
    func anExistingStoreOpensForTheKeyTool(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            var configuration = testConfiguration("test", location)
            configuration.personalData = PersonalData(keys: .generate())
            let early = await #expect(throws: StoreError.self) { try await Store.withExisting(configuration) { _ in } }
            #expect(early?.kind == .unavailable && early?.message.contains("has not") == true, "\(String(describing: early))")

            try await withOpenStore(configuration, migrations: [peopleMigration]) { store in
                #expect(try await store.recordedSealedTables() == nil)
                try await store.recordSealedTables(tables)
            }
            try await Store.withExisting(configuration) { (store: Store) async throws in
                #expect(try await store.recordedSealedTables() == tables)
                #expect(try await store.sealingKeysInUse(tables) == [:])
            }

            var wrongKeys = configuration
            wrongKeys.personalData = PersonalData(keys: .generate())
            let refused = await #expect(throws: StoreError.self) { try await Store.withExisting(wrongKeys) { _ in } }
            #expect(refused?.message.contains("not the one this database was written with") == true, "\(String(describing: refused))")
        }
    }
}
