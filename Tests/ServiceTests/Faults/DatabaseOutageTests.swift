import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// The database goes away under a running service and comes back.
///
/// The registry and the evaluation service run as processes on a PostgreSQL cluster the test
/// owns (one database, as replicas or neighbours may share one). The test stops the cluster
/// (`pg_ctl stop -m fast`: every session ends, new connections are refused), and each kind of
/// call — a write with an idempotency key, a read, an aggregate, an import — must answer
/// UNAVAILABLE, promptly: not INTERNAL, and not wait for its deadline. Then the cluster starts
/// again on the same port, and the same processes, never restarted, must serve again: the
/// refused write, sent again with its key, is acknowledged once.
@Suite("Faults: the database goes away and comes back", .serialized, .timeLimit(.minutes(2)))
struct DatabaseOutageTests {
    /// How long a refusal may take: the database is down, not slow.
    static let promptly: Duration = .seconds(5)

    /// One call of the outage: a name for the report, and the call.
    struct Probe: Sendable {
        let name: String
        let call: @Sendable (RPCClient) async throws -> Void
    }

    @Test("registry and evaluation answer UNAVAILABLE while PostgreSQL is down and serve again once it is back",
          .enabled(if: LocalPostgres.available, "PostgreSQL's server programs (initdb, pg_ctl) are not installed"))
    func unavailableThenRecovered() async throws {
        let started = ContinuousClock.now
        let postgres = try await LocalPostgres()
        defer { postgres.remove() }
        try await postgres.start()
        let home = try makeTemporaryDirectory("jcskills-db-outage")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registry = try ServiceProcess("jcskills-registry", home: "\(home)/registry", arguments: ["--database", postgres.url])
        defer { registry.kill() }
        let evaluation = try ServiceProcess("jcskills-evaluation", home: "\(home)/evaluation", arguments: [
            "--database", postgres.url, "--peer", "registry=\(registry.endpoint.host):\(registry.endpoint.port)",
        ])
        defer { evaluation.kill() }
        try await registry.start()
        try await evaluation.start()
        let pids = [registry.process?.processIdentifier, evaluation.process?.processIdentifier]

        let ids = faultTestIDs(12)
        let institution = "OUTAGE-INST"
        try await withFaultClient(registry.endpoint) { registryClient in
            try await withFaultClient(evaluation.endpoint) { evaluationClient in
                // Before: both serve.
                let card = try await registryClient.unary(
                    RegistryService.registerPerson, .sample(id: ids[0]), options: CallOptions(idempotencyKey: "outage-register-0")
                ).cardNumber
                _ = try await evaluationClient.unary(EvaluationService.registerInstitution, .sample(
                    code: institution, scope: [ScopeEntry(occupation: "6-18-02-04", levels: [.level4])]))
                let certificate = try await evaluationClient.unary(
                    EvaluationService.issueCertificate, .sample(institution: institution, id: ids[1]),
                    options: CallOptions(idempotencyKey: "outage-issue-1")
                ).number

                let registryProbes = [
                    Probe(name: "registry RegisterPerson") { client in
                        _ = try await client.unary(RegistryService.registerPerson, .sample(id: ids[2]),
                                                   options: CallOptions(idempotencyKey: "outage-register-2"))
                    },
                    Probe(name: "registry GetPerson") { client in
                        _ = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: card))
                    },
                    Probe(name: "registry Statistics") { client in
                        _ = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                    },
                    Probe(name: "registry ImportPersons") { client in
                        let rows = (3..<6).map { PersonImportRow(line: UInt32($0), person: .sample(id: ids[$0])) }
                        let summary = try await importOnce(client, RegistryService.importPersons, PersonImportBatch(rows: rows))
                        guard summary.accepted + summary.alreadyRegistered == 3 else { throw RPCError(.internal, "import summary \(summary)") }
                    },
                ]
                let evaluationProbes = [
                    Probe(name: "evaluation IssueCertificate") { client in
                        _ = try await client.unary(EvaluationService.issueCertificate, .sample(institution: institution, id: ids[6]),
                                                   options: CallOptions(idempotencyKey: "outage-issue-6"))
                    },
                    Probe(name: "evaluation GetCertificate") { client in
                        _ = try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: certificate))
                    },
                    Probe(name: "evaluation Counts") { client in
                        _ = try await client.unary(EvaluationService.counts, CountsRequest(county: 0, asOf: 0))
                    },
                    Probe(name: "evaluation ImportCertificates") { client in
                        let rows = (7..<10).map {
                            CertificateImportRow(line: UInt32($0), number: "OUTAGE-H\($0)",
                                                 certificate: .sample(institution: "OLD-1", id: ids[$0], county: 140524), preSystem: false)
                        }
                        let summary = try await importOnce(client, EvaluationService.importCertificates, CertificateImportBatch(rows: rows))
                        guard summary.accepted + summary.alreadyRegistered == 3 else { throw RPCError(.internal, "import summary \(summary)") }
                    },
                ]
                let probes = registryProbes.map { ($0, registryClient) } + evaluationProbes.map { ($0, evaluationClient) }

                // The outage: every call refused as UNAVAILABLE, promptly.
                try await postgres.stop()
                for (probe, client) in probes {
                    let clock = ContinuousClock.now
                    var outcome = "OK"
                    do {
                        try await probe.call(client)
                    } catch let error as RPCError {
                        outcome = "\(error.code.name): \(error.message)"
                        #expect(error.code == .unavailable, "\(probe.name) during the outage: \(outcome)")
                    }
                    let took = ContinuousClock.now - clock
                    print("fault: database down: \(probe.name) -> \(outcome) in \(took)")
                    #expect(outcome != "OK", "\(probe.name) succeeded with the database down")
                    #expect(took < Self.promptly, "\(probe.name) took \(took) to answer during the outage")
                }

                // Back: the same processes serve again; the refused calls, sent again as they
                // were (the writes with their keys), are acknowledged.
                try await postgres.start()
                for (probe, client) in probes {
                    let clock = ContinuousClock.now
                    var refusals = 0
                    try await untilAcknowledged(client.endpoints[0], within: .seconds(20), onRetry: { refusals += 1 }) { try await probe.call(client) }
                    print("fault: database back: \(probe.name) -> OK after \(refusals) more UNAVAILABLE, \(ContinuousClock.now - clock)")
                }
            }
        }
        #expect([registry.process?.processIdentifier, evaluation.process?.processIdentifier] == pids)
        #expect(registry.process?.isRunning == true && evaluation.process?.isRunning == true, "a service did not survive the outage")
        print("fault: database outage test took \(ContinuousClock.now - started)")
        #expect(await registry.stop() == 0, "\(registry.log)")
        #expect(await evaluation.stop() == 0, "\(evaluation.log)")
    }
}
