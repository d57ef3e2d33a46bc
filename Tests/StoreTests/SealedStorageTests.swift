import Foundation
import JCSkillsProtocol
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

private let personsMigration = Migration(1, "persons") { d in [
    """
    CREATE TABLE persons (
        id \(d.autoIncrementPrimaryKey),
        id_number_sealed \(d.bytes) NOT NULL,
        id_number_index \(d.bytes) NOT NULL UNIQUE,
        name_sealed \(d.bytes) NOT NULL,
        phone_sealed \(d.bytes) NOT NULL,
        phone_index \(d.bytes) NOT NULL,
        county TEXT NOT NULL)
    """,
    "CREATE INDEX persons_phone ON persons (phone_index)",
] }

private struct Person {
    var idNumber: String
    var name: String
    var phone: String
    var county: String
}

private let people: [Person] = (0..<60).map { n in
    let county = ["140502", "140521", "140522", "140524", "140525", "140581"][n % 6]
    let first17 = county + "19\(60 + n % 40)0\(1 + n % 9)1\(n % 10)" + String(format: "%03d", n * 7)
    let idNumber = first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17)!)
    let surnames = ["王", "李", "张", "刘", "陈", "欧阳", "司马", "赵"]
    let given = ["建国", "秀英", "志强", "丽娟", "海燕", "晓明", "娜娜", "卫东"]
    let name = surnames[n % surnames.count] + given[(n / surnames.count) % given.count]
    return Person(idNumber: idNumber, name: name, phone: "139\(String(format: "%08d", 40_000_000 + n * 7_777))",
                  county: county)
}

@Suite(.timeLimit(.minutes(2)))
struct SealedStorageTests {
    let personal = PersonalData(keys: .generate())

    /// Registers each person with an idempotent write whose response quotes the person, as a
    /// real registry response would; returns the responses.
    @discardableResult
    private func register(_ people: [Person], in store: Store) async throws -> [IdempotentResult] {
        var results: [IdempotentResult] = []
        for person in people {
            let index = personal.blindIndex(person.idNumber, for: .idNumber)
            let key = "register-" + index.prefix(8).map { String(format: "%02x", $0) }.joined()
            let response = Data("registered \(person.name) \(person.idNumber) \(person.phone)".utf8)
            results.append(try await store.idempotent(key: key, context: testContext, requestDigest: index) { tx in
                try await tx.insert(into: "persons")
                    .columns("id_number_sealed", "id_number_index", "name_sealed", "phone_sealed", "phone_index", "county")
                    .values(SQLBind(personal.seal(person.idNumber, as: .idNumber)), SQLBind(index),
                            SQLBind(personal.seal(person.name, as: .name)), SQLBind(personal.seal(person.phone, as: .phone)),
                            SQLBind(personal.blindIndex(person.phone, for: .phone)), SQLBind(person.county))
                    .run()
                // The audit row names the person by blind index, never by ID number.
                try await tx.audit(entity: "person", id: index.prefix(8).map { String(format: "%02x", $0) }.joined())
                return response
            })
        }
        return results
    }

    private func findByIDNumber(_ idNumber: String, in store: Store) async throws -> (name: String, phone: String)? {
        let index = personal.blindIndex(idNumber, for: .idNumber)
        guard let row = try await store.read({ db in
            try await db.select().columns("name_sealed", "phone_sealed").from("persons")
                .where("id_number_index", .equal, index).first()
        }) else { return nil }
        return (try personal.open(row.decode(column: "name_sealed", as: Data.self), as: .name),
                try personal.open(row.decode(column: "phone_sealed", as: Data.self), as: .phone))
    }

    @Test(arguments: TestDatabases.backends)
    func lookUpByIDNumberFindsTheSealedPerson(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [personsMigration], configure: { $0.personalData = personal }) {
            store in
            let first = try await register(people, in: store)
            let wanted = people[17]
            let found = try #require(try await findByIDNumber(wanted.idNumber.lowercased(), in: store))
            #expect(found.name == wanted.name)
            #expect(found.phone == wanted.phone)
            #expect(Masking.idNumber(wanted.idNumber).hasPrefix(String(wanted.idNumber.prefix(6)) + "********"))
            #expect(try await findByIDNumber("110101199001011237", in: store) == nil)
            // A retried registration replays the stored (sealed at rest) response.
            let again = try await register([people[17]], in: store)
            #expect(again.first?.replayed == true)
            #expect(again.first?.response == first[17].response)
            // The blind index de-duplicates: the same ID number under a new request is refused.
            let duplicate = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.insert(into: "persons")
                        .columns("id_number_sealed", "id_number_index", "name_sealed", "phone_sealed", "phone_index", "county")
                        .values(SQLBind(personal.seal(people[3].idNumber, as: .idNumber)),
                                SQLBind(personal.blindIndex(people[3].idNumber, for: .idNumber)),
                                SQLBind(personal.seal("李四", as: .name)), SQLBind(personal.seal("13900000000", as: .phone)),
                                SQLBind(personal.blindIndex("13900000000", for: .phone)), SQLBind("140524"))
                        .run()
                }
            }
            #expect(duplicate?.kind == .alreadyExists)
        }
    }

    /// The threat: someone walks off with the database files. They must learn no ID number,
    /// name or phone number from them.
    @Test
    func theDatabaseFilesRevealNoPersonalData() async throws {
        try await withTestDatabase(.sqlite) { location in
            guard case .sqlite(let path) = location else { return }
            var configuration = testConfiguration("registry", location)
            configuration.personalData = personal
            try await withOpenStore(configuration, migrations: [personsMigration]) { store in
                try await register(people, in: store)
                #expect(try await findByIDNumber(people[42].idNumber, in: store)?.name == people[42].name)
                // While the store is open the latest commits live in the write-ahead log.
                let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
                #expect(wal.count > 0)
                try expectNoPersonalData(in: [("database", Data(contentsOf: URL(fileURLWithPath: path))), ("wal", wal)])
            }
            // After close everything is checkpointed into the main file.
            var files = [("database", try Data(contentsOf: URL(fileURLWithPath: path)))]
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                files.append((suffix, try Data(contentsOf: URL(fileURLWithPath: path + suffix))))
            }
            #expect(files[0].1.count > 32_768)
            try expectNoPersonalData(in: files)
            // And the data is really there: reopen and find someone.
            let found = try await withOpenStore(configuration, migrations: [personsMigration]) { store in
                try await findByIDNumber(people[5].idNumber, in: store)
            }
            #expect(found?.phone == people[5].phone)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aDifferentKeyFileIsRefusedAtStartUp(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            var configuration = testConfiguration("registry", location)
            configuration.personalData = personal
            try await withOpenStore(configuration, migrations: [personsMigration]) { _ in }
            // Same keys plus a rotated sealing key: same index key, so accepted.
            configuration.personalData = PersonalData(keys: personal.keys.addingKey())
            try await withOpenStore(configuration, migrations: [personsMigration]) { _ in }
            configuration.personalData = PersonalData(keys: .generate())
            let error = await storeError { try await withOpenStore(configuration, migrations: [personsMigration]) { _ in } }
            #expect(error?.kind == .invalidConfiguration)
            #expect(error?.message.contains(personal.keys.fingerprint) == true)
        }
    }

    private func expectNoPersonalData(in files: [(String, Data)]) throws {
        for (file, bytes) in files {
            for person in people {
                for (what, value) in [("ID number", person.idNumber), ("name", person.name), ("phone", person.phone)] {
                    #expect(bytes.range(of: Data(value.utf8)) == nil, "\(what) \(value) in clear in the \(file) file")
                }
            }
        }
    }
}
