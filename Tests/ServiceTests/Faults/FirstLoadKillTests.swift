import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// kill -9 of the registry while a first load has the ID-number index left out
/// (``FirstLoad``): the next start builds the index before it serves, and the file imported
/// again adds exactly the persons the killed import had not committed.
@Suite("Faults: kill -9 during a first load", .timeLimit(.minutes(3)))
struct FirstLoadKillTests {
    @Test
    func theNextStartBuildsTheIndexAndNothingIsLostOrDoubled() async throws {
        let home = try makeTemporaryDirectory("jcskills-first-load-kill")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let config = "\(home)/registry.yaml"
        try "registry:\n  first_load_after_rows: 1000\n".write(toFile: config, atomically: true, encoding: .utf8)
        // The service commits imports 20,000 rows at a time: the first transaction goes in with
        // the index, leaves it out as it commits; the second goes in without it; the last 5,000
        // are still waiting for more when the service is killed.
        let rows = try RegistryImportTests.rows(persons: 45_000, seed: 31)
        let committedWhenKilled = 40_000
        try await withTestDatabase(.sqlite) { location in
            let service = try ServiceProcess("jcskills-registry", home: home, arguments: location.databaseArgument + ["--config", config])
            defer { service.kill() }
            try await service.start()
            try await withOpenStore(testConfiguration("registry", location), migrations: RegistrySchema.migrations) { watch in
                let persons = { try await watch.read { db in try await db.nativeRows("SELECT count(*) AS n FROM persons").first!.int64("n") } }
                let indexed = { try await watch.read { db in try await IDNumberIndex.exists(in: db, dialect: .sqlite) } }
                try await withFaultClient(service.endpoint) { client in
                    _ = await #expect(throws: (any Error).self) {
                        try await client.clientStreaming(RegistryService.importPersons, options: CallOptions(timeout: .seconds(120))) { writer in
                            for start in stride(from: 0, to: rows.count, by: 1_000) {
                                try await writer.send(PersonImportBatch(rows: Array(rows[start..<(start + 1_000)])))
                            }
                            var waited = 0
                            while try await persons() < committedWhenKilled, waited < 12_000 {
                                waited += 1
                                try await Task.sleep(for: .milliseconds(10))
                            }
                            #expect(try await !indexed(), "the load did not leave the index out")
                            service.kill()
                        }
                    }
                }
                #expect(try await persons() == Int64(committedWhenKilled))
                #expect(try await !indexed())

                try await service.start()
                #expect(try await indexed(), "the start did not build the index")
                try await withFaultClient(service.endpoint) { client in
                    let again = try await client.clientStreaming(RegistryService.importPersons, options: CallOptions(timeout: .seconds(120))) { writer in
                        for start in stride(from: 0, to: rows.count, by: 1_000) {
                            try await writer.send(PersonImportBatch(rows: Array(rows[start..<(start + 1_000)])))
                        }
                    }
                    #expect(again.accepted == UInt64(rows.count - committedWhenKilled))
                    #expect(again.alreadyRegistered == UInt64(committedWhenKilled))
                    let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: rows[30_000].person.idNumber))
                    #expect(person.name == rows[30_000].person.name)
                }
                #expect(try await persons() == Int64(rows.count))
                // The registrations per day, kept with every write, agree with the rows.
                let counted = try await watch.read { db in
                    try await db.nativeRows("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM daily_registrations").first!.int64("n")
                }
                #expect(counted == Int64(rows.count))
                #expect(try await integrityCheck(watch) == "ok")
            }
            #expect(await service.stop() == 0, "\(service.log)")
        }
    }
}
