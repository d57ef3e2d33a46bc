import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Synchronization
import Testing
@testable import EvaluationService
@testable import RegistryService

/// kill -9 of a service in the middle of its writes, started again on the same port and data.
///
/// A client in this process, over mutual TLS on 127.0.0.1, sends unary writes each with its
/// own idempotency key (`idempotency-key` metadata, SPEC.md) and streaming imports alongside,
/// sending every call again on UNAVAILABLE until it is acknowledged. The service process is
/// SIGKILLed four times mid-workload — each time aiming at a write committed but not yet acknowledged
/// (``killingDuring(_:killAfter:untilCaughtAtMost:progress:committed:_:)``), up to four times more
/// until one kill has caught such a write — and once after the last
/// acknowledgement, each time started again at once. Then the database is recounted: every
/// acknowledged write must be there once (`lost` and `duplicated` both 0), the service's own
/// counters must agree with the rows, and an SQLite file must pass `PRAGMA integrity_check`.
@Suite("Faults: kill -9 during writes", .serialized, .timeLimit(.minutes(2)))
struct KillNineTests {
    static let unaryWrites = 240
    static let importBatches = 6
    static let rowsPerImport = 200
    /// After how many acknowledged unary writes the service is killed mid-workload. Four kills:
    /// each catches a write between its commit and its answer only now and then (with two, no
    /// kill caught one in about one run in eight, 2026-12-05), and one catch is what shows the
    /// keys at work.
    static let killAfter = [unaryWrites / 8, 2 * unaryWrites / 8, 3 * unaryWrites / 8, 4 * unaryWrites / 8]
    /// Kills added after those when none of them caught a write in flight: four planned kills all
    /// missed in one run of 13 (2026-12-05, the 20-run loop), so up to four more, one right after
    /// another, while the second half of the writes runs (the planned ones come in the first).
    static let extraKills = 4

    /// What a run gave: the unary writes' answers in order, the imports' summaries, the kills.
    struct Run<Answer: Sendable>: Sendable {
        var answers: [Answer] = []
        var summaries: [ImportSummary] = []
        var report = KillReport()
        var retried = 0
        var importsRetried = 0

        /// The import rows' part of the recount: summaries that add up, and a line for the report.
        func importTally<Key: Hashable>(_ name: String, acknowledged keys: [Key], stored: [Key: Int]) -> FaultTally {
            var tally = FaultTally(name: name, retried: importsRetried)
            tally.recount(acknowledged: keys, stored: stored)
            let summed = summaries.reduce(0) { $0 + Int($1.accepted + $1.alreadyRegistered) }
            let rejected = summaries.reduce(0) { $0 + Int($1.rejected) }
            if summed != keys.count || rejected != 0 {
                tally.anomalies.append("summaries acknowledged \(summed) rows and rejected \(rejected)")
            }
            return tally
        }

        func summaryLine(_ name: String, integrity: String?, since started: ContinuousClock.Instant) -> String {
            "\(name): \(report.kills) kills (\(report.duringImport) during an import, \(report.extraKills) added), "
                + "\(report.committedUnacknowledged) writes committed but unacknowledged when killed, "
                + "\(summaries.reduce(0) { $0 + Int($1.alreadyRegistered) }) import rows found already there on a retry, "
                + "integrity_check \(integrity ?? "n/a (PostgreSQL)"), \(ContinuousClock.now - started)"
        }
    }

    /// Starts `executable` on `location`, runs the unary writes (`write(client, index)`, each with
    /// the idempotency key `keyPrefix<index>`) four at a time with the imports alongside, kills the
    /// service four times in the middle and once right after the last acknowledgement, starts it again
    /// each time, and leaves it running for `finish`, which asks it what it counts and stops it.
    static func run<Answer: Sendable, Batch: Sendable, Counted: Sendable>(
        _ executable: String, on location: StoreLocation, home: String, arguments: [String] = [],
        service name: String, migrations: [Migration], keyPrefix: String,
        setUp: @Sendable (RPCClient) async throws -> Void = { _ in },
        write: @escaping @Sendable (RPCClient, Int) async throws -> Answer,
        imports: [Batch], send: @escaping @Sendable (RPCClient, Batch) async throws -> ImportSummary,
        counted: @Sendable (RPCClient) async throws -> Counted
    ) async throws -> (run: Run<Answer>, counted: Counted, dataDirectory: String) {
        let service = try ServiceProcess(executable, home: home, arguments: location.databaseArgument + arguments)
        defer { service.kill() }
        try await service.start()
        let progress = WorkloadProgress()
        progress.holdFrom.store(unaryWrites - 8, ordering: .relaxed)
        let results = Mutex(Run<Answer>())
        var run = try await withFaultClient(service.endpoint) { client in
            try await setUp(client)
            let workload: @Sendable () async throws -> Void = {
                async let answers = writeAll(unaryWrites, to: service.endpoint, concurrency: 4, progress: progress) { index in try await write(client, index) }
                async let summaries = importAll(imports, to: service.endpoint, pace: unaryWrites / importBatches, progress: progress) { batch in
                    try await send(client, batch)
                }
                let (a, s) = try await (answers, summaries)
                results.withLock {
                    $0.answers = a
                    $0.summaries = s
                }
            }
            return try await withOpenStore(testConfiguration(name, location), migrations: migrations) { watch in
                var report = try await killingDuring(service, killAfter: killAfter, untilCaughtAtMost: extraKills, progress: progress, committed: {
                    try await committedKeys(watch, service: name, prefix: keyPrefix)
                }, workload)
                service.kill()
                report.kills += 1
                try await service.start()
                var run = results.withLock { $0 }
                run.report = report
                return run
            }
        }
        run.retried = progress.retried.load(ordering: .relaxed)
        run.importsRetried = progress.importsRetried.load(ordering: .relaxed)
        #expect(run.report.kills == killAfter.count + run.report.extraKills + 1, "\(run.report)")
        #expect(run.report.committedUnacknowledged > 0, "no kill caught a write committed but not yet acknowledged: \(run.report)")
        let counted = try await withFaultClient(service.endpoint, counted)
        #expect(await service.stop() == 0, "\(service.log)")
        return (run, counted, service.dataDirectory)
    }

    @Test("registry: RegisterPerson with idempotency keys and ImportPersons", arguments: TestDatabases.backends)
    func registry(backend: TestBackend) async throws {
        let started = ContinuousClock.now
        let home = try makeTemporaryDirectory("jcskills-kill9-registry")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let ids = faultTestIDs(Self.unaryWrites + Self.importBatches * Self.rowsPerImport)
        let unaryIDs = Array(ids[..<Self.unaryWrites])
        let imports = stride(from: Self.unaryWrites, to: ids.count, by: Self.rowsPerImport).map { start in
            PersonImportBatch(rows: (start..<(start + Self.rowsPerImport)).map { index in
                PersonImportRow(line: UInt32(index), person: .sample(id: ids[index], name: "导入\(index)"))
            })
        }
        try await withTestDatabase(backend) { location in
            let (run, statistics, data) = try await Self.run(
                "jcskills-registry", on: location, home: home, service: "registry", migrations: RegistrySchema.migrations,
                keyPrefix: "kill9-register-",
                write: { client, index in
                    try await client.unary(RegistryService.registerPerson, .sample(id: unaryIDs[index], name: "登记\(index)"),
                                           options: CallOptions(idempotencyKey: "kill9-register-\(index)")).cardNumber
                },
                imports: imports, send: { client, batch in try await importOnce(client, RegistryService.importPersons, batch) },
                // The service's own count, from the counters kept with every write.
                counted: { client in try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true)) })

            let personal = try PersonalData(keyFile: "\(data)/\(ServiceStore.keyFileName)")
            let index = { (id: String) in personal.blindIndex(id, for: .idNumber) }
            try await withOpenStore(testConfiguration("registry", location), migrations: RegistrySchema.migrations) { store in
                let rows = try await countBy(store, "SELECT id_index FROM persons", column: "id_index", as: Data.self)
                let cardByIndex = try await cardNumbersByIDIndex(store)
                let counted = try await store.read { db in
                    try await db.raw("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM registration_counts")
                        .first(decodingColumn: "n", as: Int.self) ?? 0
                }
                let integrity = try await integrityCheck(store)
                let total = rows.values.reduce(0, +)

                var register = FaultTally(name: "registry/\(backend) RegisterPerson", retried: run.retried)
                register.recount(acknowledged: unaryIDs.map(index), stored: rows)
                let mismatched = zip(unaryIDs, run.answers).filter { cardByIndex[index($0.0)] != $0.1 }.count
                if mismatched > 0 { register.anomalies.append("\(mismatched) acknowledged card numbers differ from the stored ones") }

                let importedIDs = imports.flatMap { $0.rows.map(\.person.idNumber) }
                var imported = run.importTally("registry/\(backend) ImportPersons rows", acknowledged: importedIDs.map(index), stored: rows)
                let unexpected = total - Set(unaryIDs.map(index)).union(importedIDs.map(index)).count
                if unexpected != 0 { imported.anomalies.append("\(unexpected) rows of no acknowledged write") }
                if counted != total { imported.anomalies.append("counters say \(counted) persons, the table holds \(total)") }
                if Int(statistics.registered) != total { imported.anomalies.append("Statistics says \(statistics.registered) registered, the table holds \(total)") }
                if let integrity, integrity != "ok" { imported.anomalies.append("integrity_check: \(integrity)") }

                register.check(expecting: Self.unaryWrites)
                imported.check(expecting: importedIDs.count)
                print("fault: " + run.summaryLine("registry/\(backend)", integrity: integrity, since: started))
            }
        }
    }

    @Test("evaluation: IssueCertificate with idempotency keys and ImportCertificates", arguments: TestDatabases.backends)
    func evaluation(backend: TestBackend) async throws {
        let started = ContinuousClock.now
        let home = try makeTemporaryDirectory("jcskills-kill9-evaluation")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let institution = "KILL9-INST"
        let ids = faultTestIDs(Self.unaryWrites + Self.importBatches * Self.rowsPerImport)
        let issueIDs = Array(ids[..<Self.unaryWrites])
        let imports = stride(from: Self.unaryWrites, to: ids.count, by: Self.rowsPerImport).map { start in
            CertificateImportBatch(rows: (start..<(start + Self.rowsPerImport)).map { index in
                CertificateImportRow(
                    line: UInt32(index), number: "KILL9-H\(index)",
                    certificate: .sample(institution: "OLD-1", id: ids[index], county: 140524, issuedOn: 20190601), preSystem: false)
            })
        }
        // Issuing asks the registry nothing; a dead port keeps the service from calling a real one.
        let registry = try freeLoopbackPort()
        try await withTestDatabase(backend) { location in
            let (run, counts, data) = try await Self.run(
                "jcskills-evaluation", on: location, home: home, arguments: ["--peer", "registry=127.0.0.1:\(registry)"],
                service: "evaluation", migrations: EvaluationSchema.migrations, keyPrefix: "kill9-issue-",
                setUp: { client in
                    _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                        code: institution, scope: [ScopeEntry(occupation: "6-18-02-04", levels: [.level4])]))
                },
                write: { client, index in
                    try await client.unary(EvaluationService.issueCertificate, .sample(institution: institution, id: issueIDs[index], name: "持证\(index)"),
                                           options: CallOptions(idempotencyKey: "kill9-issue-\(index)")).number
                },
                imports: imports, send: { client, batch in try await importOnce(client, EvaluationService.importCertificates, batch) },
                // Distinct persons holding a valid certificate today, from the per-day changes kept with every write.
                counted: { client in try await client.unary(EvaluationService.counts, CountsRequest(county: 0, asOf: 0)) })

            let personal = try PersonalData(keyFile: "\(data)/\(ServiceStore.keyFileName)")
            try await withOpenStore(testConfiguration("evaluation", location), migrations: EvaluationSchema.migrations) { store in
                let byNumber = try await countBy(store, "SELECT number FROM certificates", column: "number", as: String.self)
                let byHolder = try await countBy(store, "SELECT holder_index FROM certificates", column: "holder_index", as: Data.self)
                let integrity = try await integrityCheck(store)
                let total = byNumber.values.reduce(0, +)

                var issue = FaultTally(name: "evaluation/\(backend) IssueCertificate", retried: run.retried)
                issue.recount(acknowledged: run.answers, stored: byNumber)
                // An issue run twice would give its holder a second certificate under another number.
                issue.duplicated += issueIDs.reduce(0) { $0 + max(0, byHolder[personal.blindIndex($1, for: .idNumber), default: 0] - 1) }
                if Set(run.answers).count != run.answers.count { issue.anomalies.append("the same number was acknowledged for two requests") }

                let importedNumbers = imports.flatMap { $0.rows.map(\.number) }
                var imported = run.importTally("evaluation/\(backend) ImportCertificates rows", acknowledged: importedNumbers, stored: byNumber)
                let unexpected = total - run.answers.count - importedNumbers.count
                if unexpected != 0 { imported.anomalies.append("\(unexpected) certificates of no acknowledged write") }
                if Int(counts.inSystemSkilledWorkers) != ids.count {
                    imported.anomalies.append("Counts says \(counts.inSystemSkilledWorkers) skilled workers, \(ids.count) persons hold a certificate")
                }
                if let integrity, integrity != "ok" { imported.anomalies.append("integrity_check: \(integrity)") }

                issue.check(expecting: Self.unaryWrites)
                imported.check(expecting: importedNumbers.count)
                print("fault: " + run.summaryLine("evaluation/\(backend)", integrity: integrity, since: started))
            }
        }
    }
}
