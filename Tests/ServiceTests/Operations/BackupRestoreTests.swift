import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `jcskills backup` and `jcskills restore` against a running registry process over mutual TLS:
/// a backup taken while the service runs — and one while it writes — wiped, restored, and the
/// service started again reports the same figures over its protocol.
@Suite("Operations: backup → wipe → restore", .serialized, .timeLimit(.minutes(3)))
struct BackupRestoreTests {
    /// The figures the registry reports, with the moment they were read taken out.
    static func figures(_ client: RPCClient) async throws -> RegistrationStatistics {
        var statistics = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: false))
        statistics.asOf = 0
        return statistics
    }

    /// The restored registry answers as the one backed up did: the same figures, the same person.
    static func expectSame(_ endpoint: Endpoint, figures before: RegistrationStatistics, person: PersonView, id: String) async throws {
        try await withFaultClient(endpoint) { client in
            let figures = try await Self.figures(client)
            let again = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: id))
            #expect(figures == before)
            #expect(again == person)
        }
    }

    static func register(_ client: RPCClient, ids: ArraySlice<String>, tag: String) async throws {
        for (offset, id) in zip(ids.indices, ids) {
            _ = try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "备份\(offset)", county: offset % 2 == 0 ? 140524 : 140525),
                                       options: CallOptions(idempotencyKey: "\(tag)-\(offset)"))
        }
    }

    @Test("figures after backup, wipe and restore equal those before; a backup under writes is a consistent snapshot")
    func backupWipeRestore() async throws {
        let home = try makeTemporaryDirectory("jcskills-backup")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let service = try ServiceProcess("jcskills-registry", home: home)
        defer { service.kill() }
        try await service.start()
        let ids = faultTestIDs(400)
        let quiet = "\(home)/backup-quiet", busy = "\(home)/backup-busy"

        let (before, person, written) = try await withFaultClient(service.endpoint) { client in
            try await Self.register(client, ids: ids[0..<200], tag: "fill")
            let before = try await Self.figures(client)
            let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: ids[7]))
            // A backup while the service runs, its connections open.
            let taken = try await runTool(["backup", "registry", "--data", service.dataDirectory, "--out", quiet])
            #expect(taken.status == 0, "\(taken.output)")
            #expect(taken.output.contains("verified"), "\(taken.output)")

            // A backup while a writer commits beside it: the copy holds a prefix of the writes.
            let acknowledged = Atomic(0)
            let writer = Task {
                for (offset, id) in zip(200..., ids[200..<400]) {
                    _ = try await client.unary(RegistryService.registerPerson, .sample(id: id, name: "并发\(offset)"),
                                               options: CallOptions(idempotencyKey: "busy-\(offset)"))
                    acknowledged.add(1, ordering: .relaxed)
                }
            }
            while acknowledged.load(ordering: .relaxed) < 20 { try await Task.sleep(for: .milliseconds(5)) }
            let atStart = acknowledged.load(ordering: .relaxed)
            let underWrites = try await runTool(["backup", "registry", "--data", service.dataDirectory, "--out", busy])
            let atEnd = acknowledged.load(ordering: .relaxed)
            #expect(underWrites.status == 0, "\(underWrites.output)")
            try await writer.value
            return (before, person, atStart...(atEnd + 1))
        }

        // Refused while the service runs, whatever the flags.
        let live = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", quiet, "--force"])
        #expect(live.status != 0 && live.output.contains("in use"), "\(live.output)")
        #expect(await service.stop() == 0)

        // Refused over existing data without --force; refused from a damaged copy.
        let existing = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", quiet])
        #expect(existing.status != 0 && existing.output.contains("--force"), "\(existing.output)")
        let damaged = "\(home)/backup-damaged"
        try FileManager.default.copyItem(atPath: quiet, toPath: damaged)
        let handle = try #require(FileHandle(forUpdatingAtPath: "\(damaged)/registry.sqlite"))
        try handle.seek(toOffset: 9000)
        handle.write(Data([0xFF, 0x00, 0xFF]))
        try handle.close()
        let refused = try await runTool(["restore", "registry", "--data", "\(home)/elsewhere", "--from", damaged])
        #expect(refused.status != 0 && refused.output.contains("checksum"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: "\(home)/elsewhere/registry.sqlite"))

        // Wipe, restore the quiet backup, start: the same figures, the same person.
        try FileManager.default.removeItem(atPath: service.dataDirectory)
        let restored = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", quiet])
        #expect(restored.status == 0, "\(restored.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: "\(service.dataDirectory)/sealing.keys")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try await service.start()
        try await Self.expectSame(service.endpoint, figures: before, person: person, id: ids[7])
        #expect(await service.stop() == 0)

        // Wipe, restore the backup taken under writes: every write before it started, none
        // after it ended, and the counters agree with the persons found.
        try FileManager.default.removeItem(atPath: service.dataDirectory)
        let restoredBusy = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", busy])
        #expect(restoredBusy.status == 0, "\(restoredBusy.output)")
        try await service.start()
        try await withFaultClient(service.endpoint) { client in
            let figures = try await Self.figures(client)
            let extra = Int(figures.registered) - Int(before.registered)
            #expect(written.contains(extra), "\(extra) of the concurrent writes in the copy; \(written) acknowledged around it")
            var found = 0
            for id in ids[200..<400] {
                if (try? await client.unary(RegistryService.getPerson, PersonLookup(idNumber: id))) != nil { found += 1 }
            }
            #expect(found == extra, "the counters say \(extra) concurrent registrations, \(found) persons are there")
        }
        #expect(await service.stop() == 0)
    }

    /// The same on PostgreSQL, through `pg_dump` and `pg_restore`: the service's database named
    /// in `JCSKILLS_DATABASE_URL` as deploy/kubernetes names it, the "wipe" a dropped database
    /// and a lost data directory (its sealing keys come back from the backup).
    @Test("PostgreSQL: backup, drop the database, restore into an empty one: the same figures",
          .enabled(if: TestDatabases.postgresServerURL != nil, "needs PostgreSQL (scripts/test starts one)"))
    func postgresBackupWipeRestore() async throws {
        let serverURL = try #require(TestDatabases.postgresServerURL)
        let home = try makeTemporaryDirectory("jcskills-backup-pg")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try await withTestDatabase(.postgres(serverURL: serverURL)) { location in
            guard case .postgres(let url) = location else { return }
            let name = try #require(URLComponents(string: url)?.path.split(separator: "/").last.map(String.init))
            let service = try ServiceProcess("jcskills-registry", home: home, environment: [ServiceSettings.databaseVariable: url])
            defer { service.kill() }
            try await service.start()
            let ids = faultTestIDs(150)
            let (before, person) = try await withFaultClient(service.endpoint) { client in
                try await Self.register(client, ids: ids[...], tag: "pg")
                return (try await Self.figures(client), try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: ids[7])))
            }
            let backup = "\(home)/backup"
            let environment = [ServiceSettings.databaseVariable: url]
            let taken = try await runTool(["backup", "registry", "--data", service.dataDirectory, "--out", backup], environment: environment)
            #expect(taken.status == 0 && taken.output.contains("verified"), "\(taken.output)")
            #expect(FileManager.default.fileExists(atPath: "\(backup)/registry.pgdump"))
            let live = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", backup, "--force"], environment: environment)
            #expect(live.status != 0 && live.output.contains("in use"), "\(live.output)")
            #expect(await service.stop() == 0)

            try await PostgresProvisioning.dropDatabase(named: name, serverURL: serverURL)
            _ = try await PostgresProvisioning.createDatabase(named: name, serverURL: serverURL)
            try FileManager.default.removeItem(atPath: service.dataDirectory)
            let restored = try await runTool(["restore", "registry", "--data", service.dataDirectory, "--from", backup], environment: environment)
            #expect(restored.status == 0, "\(restored.output)")
            try await service.start()
            try await Self.expectSame(service.endpoint, figures: before, person: person, id: ids[7])
            #expect(await service.stop() == 0)
        }
    }
}

/// Runs the built `jcskills` with `arguments` in English; its exit status and all it printed.
func runTool(_ arguments: [String], seconds: Double = 60, environment: [String: String] = [:]) async throws -> (status: Int32?, output: String) {
    let log = try makeTemporaryDirectory("jcskills-tool")
    defer { try? FileManager.default.removeItem(atPath: log) }
    let process = try launch("jcskills", arguments + ["--lang", "en"], log: "\(log)/output", environment: environment)
    let status = await waitForExit(process, seconds: seconds)
    if status == nil {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
    return (status, (try? String(contentsOfFile: "\(log)/output", encoding: .utf8)) ?? "")
}
