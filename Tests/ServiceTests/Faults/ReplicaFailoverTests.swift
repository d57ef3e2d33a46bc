import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Synchronization
import Testing
@testable import RegistryService

/// Two replicas of the registry on one PostgreSQL database behind one endpoint list, one of
/// them SIGKILLed under a write load.
///
/// The replicas start at the same moment on an empty database, so both try to migrate it; the
/// migration lock (Sources/Store/Migrations/MigrationRunner.swift) must let one do it and the
/// other find it done. They share one sealing-key file, as replicas must (one copy per data
/// directory, as the Kubernetes init container makes it). One replica reads the database from
/// `--database`, the other from `JCSKILLS_DATABASE_URL`, the way deploy/kubernetes passes it.
///
/// One client in this process lists both endpoints, as a caller's `--peer registry=a,b` does,
/// and sends RegisterPerson calls 16 at a time, each with its own idempotency key, relying on
/// the client's own retries (an UNAVAILABLE call with an idempotency key is sent again on the
/// next endpoint). Both replicas' metrics must show they took calls — the list is balanced —
/// before replica A is killed with SIGKILL a third of the way through. Then the database is
/// recounted: every acknowledged write must be there exactly once with the card number the
/// client was given, and a call may have failed only if it was in flight at the kill.
@Suite("Faults: two registry replicas on one PostgreSQL, one killed", .serialized, .timeLimit(.minutes(3)),
       .enabled(if: TestDatabases.postgresServerURL != nil, "needs PostgreSQL (scripts/test starts one)"))
struct ReplicaFailoverTests {
    static let writes = 600
    static let concurrency = 16
    static let killAfter = writes / 3

    /// What the workload saw, filled in by its tasks.
    struct Outcome: Sendable {
        /// Card numbers by write index, for the writes the service acknowledged.
        var acknowledged: [Int: String] = [:]
        /// The writes that ended in an error, with it.
        var failed: [Int: String] = [:]
        /// Writes that were sent and not yet answered.
        var inFlight: Set<Int> = []
        /// While the kill is under way, every write that starts is in flight at the kill too.
        var killing = false
        /// The writes in flight when the kill began, or started before it ended.
        var inFlightAtKill: Set<Int> = []
    }

    /// Shared by the workload's tasks and the one that kills.
    final class Recorder: Sendable {
        let state = Mutex(Outcome())
    }

    @Test("every acknowledged write exactly once; failures only among the calls in flight at the kill")
    func aReplicaKilledUnderWrites() async throws {
        let serverURL = try #require(TestDatabases.postgresServerURL)
        let home = try makeTemporaryDirectory("jcskills-replicas")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let ids = faultTestIDs(Self.writes, from: 5_000)

        try await withTestDatabase(.postgres(serverURL: serverURL)) { location in
            guard case .postgres(let url) = location else { return }
            let metricsA = try freeLoopbackPort(), metricsB = try freeLoopbackPort()
            let replicaA = try ServiceProcess("jcskills-registry", home: "\(home)/a",
                                              arguments: ["--database", url, "--metrics", "127.0.0.1:\(metricsA)"])
            let replicaB = try ServiceProcess("jcskills-registry", home: "\(home)/b",
                                              arguments: ["--metrics", "127.0.0.1:\(metricsB)"],
                                              environment: [ServiceSettings.databaseVariable: url])
            defer {
                replicaA.kill()
                replicaB.kill()
            }
            try shareSealingKeys(home: home, with: [replicaA, replicaB])
            async let startedA: Void = replicaA.start()
            async let startedB: Void = replicaB.start()
            _ = try await (startedA, startedB)

            let outcome = Recorder()
            let progress = WorkloadProgress()
            let path = RegistryService.registerPerson.path
            var servedBeforeKill: [Int] = []
            try await withTestClient(endpoints: [replicaA.endpoint, replicaB.endpoint], configure: {
                $0.maximumAttempts = 4
                $0.defaultTimeout = .seconds(20)
                $0.initialBackoff = .milliseconds(50)
                $0.maximumBackoff = .milliseconds(500)
            }) { client in
                let killed = AsyncSignal()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<Self.concurrency {
                        group.addTask {
                            while true {
                                let index = progress.nextWrite.add(1, ordering: .relaxed).oldValue
                                guard index < Self.writes else {
                                    // Never left waiting: the assertions below say what went wrong.
                                    killed.fire()
                                    return
                                }
                                outcome.state.withLock {
                                    $0.inFlight.insert(index)
                                    if $0.killing { $0.inFlightAtKill.insert(index) }
                                }
                                do {
                                    let card = try await client.unary(
                                        RegistryService.registerPerson, .sample(id: ids[index], name: "副本\(index)"),
                                        options: CallOptions(idempotencyKey: "replica-register-\(index)")).cardNumber
                                    outcome.state.withLock {
                                        $0.inFlight.remove(index)
                                        $0.acknowledged[index] = card
                                    }
                                    if progress.acknowledged.add(1, ordering: .relaxed).newValue == Self.killAfter { killed.fire() }
                                } catch {
                                    outcome.state.withLock {
                                        $0.inFlight.remove(index)
                                        $0.failed[index] = "\(error)"
                                    }
                                }
                            }
                        }
                    }
                    await killed.wait()
                    // Both replicas must have had a share of the calls: a list that sends
                    // everything to its first endpoint would fail over but never balance.
                    servedBeforeKill = try await [metricsA, metricsB].asyncMap { try await Self.callsStarted(path, metricsPort: $0) }
                    outcome.state.withLock {
                        $0.killing = true
                        $0.inFlightAtKill = $0.inFlight
                    }
                    replicaA.kill()
                    outcome.state.withLock { $0.killing = false }
                    try await group.waitForAll()
                }
            }

            let seen = outcome.state.withLock { $0 }
            #expect(servedBeforeKill.allSatisfy { $0 > 0 }, "calls started on replicas A and B before the kill: \(servedBeforeKill)")
            #expect(seen.inFlightAtKill.count >= 1 && seen.inFlightAtKill.count <= Self.concurrency * 2, "\(seen.inFlightAtKill.count) calls in flight at the kill")
            let outside = Set(seen.failed.keys).subtracting(seen.inFlightAtKill)
            #expect(outside.isEmpty, "calls that failed without being in flight at the kill: \(outside.sorted().prefix(10).map { "\($0): \(seen.failed[$0]!)" })")
            #expect(seen.acknowledged.count + seen.failed.count == Self.writes)
            // With an idempotency key, a call cut off by the kill is sent again on the replica
            // left (the dead one is backed off after one refused connect), within its 4 attempts.
            #expect(seen.failed.isEmpty, "\(seen.failed.count) calls failed despite the client's retries: \(seen.failed.values.prefix(3))")

            // Replica B alone answers for the whole database, and the rows agree with what was acknowledged.
            let statistics = try await withTestClient(replicaB.endpoint) {
                try await $0.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
            }
            #expect(await replicaB.stop() == 0, "\(replicaB.log)")

            let personal = try PersonalData(keyFile: "\(replicaB.dataDirectory)/\(ServiceStore.keyFileName)")
            let index = { (id: String) in personal.blindIndex(id, for: .idNumber) }
            try await withOpenStore(testConfiguration("registry", location), migrations: RegistrySchema.migrations) { store in
                let rows = try await countBy(store, "SELECT id_index FROM persons", column: "id_index", as: Data.self)
                let cards = try await cardNumbersByIDIndex(store)
                var tally = FaultTally(name: "registry/postgres two replicas, one SIGKILLed")
                let acknowledged = seen.acknowledged.keys.sorted()
                tally.recount(acknowledged: acknowledged.map { index(ids[$0]) }, stored: rows)
                let wrongCards = acknowledged.filter { cards[index(ids[$0])] != seen.acknowledged[$0] }
                if !wrongCards.isEmpty { tally.anomalies.append("\(wrongCards.count) acknowledged card numbers differ from the stored ones") }
                // Only a failed call may have left a row the client was not told of.
                let total = rows.values.reduce(0, +)
                let failedStored = seen.failed.keys.filter { rows[index(ids[$0])] != nil }.count
                if total != acknowledged.count + failedStored { tally.anomalies.append("\(total) rows for \(acknowledged.count) acknowledged writes") }
                if Int(statistics.registered) != total { tally.anomalies.append("Statistics says \(statistics.registered), the table holds \(total)") }
                tally.check(expecting: seen.acknowledged.count)
                print("fault: two replicas: calls started before the kill A \(servedBeforeKill[0]), B \(servedBeforeKill[1]); "
                      + "\(seen.inFlightAtKill.count) in flight at the kill, \(seen.failed.count) failed")
            }
        }
    }

    /// The same sealing keys for every replica, one copy in each data directory (mode 0600, as
    /// the store insists).
    private func shareSealingKeys(home: String, with replicas: [ServiceProcess]) throws {
        let original = "\(home)/\(ServiceStore.keyFileName)"
        _ = try SealingKeys.create(at: original)
        for replica in replicas {
            let copy = "\(replica.dataDirectory)/\(ServiceStore.keyFileName)"
            try FileManager.default.copyItem(atPath: original, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
        }
    }

    /// `jcskills_rpc_server_started_total` for `path` on a replica's Prometheus endpoint.
    static func callsStarted(_ path: String, metricsPort: Int) async throws -> Int {
        let text = try await httpGet(port: metricsPort, path: "/metrics")
        let line = text.split(separator: "\n").first { $0.hasPrefix("jcskills_rpc_server_started_total") && $0.contains("\"\(path)\"") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) } ?? 0
    }
}
