import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import JCSkillsLoad

/// The competition workload against the real executables (registry, evaluation, competition):
/// its judges' identities, generated workers and mark sheets must pass the services' own rules,
/// or the timings would measure refusals.
@Suite("Competition workload against the services")
struct CompetitionLoadTests {
    @Test("a small competition: every mark recorded, every event closed and its results streamed, experts named and promoted; then results and counts")
    func aSmallCompetitionRunsThrough() async throws {
        let home = try makeTemporaryDirectory("jcskills-load-competition")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registryPort = try freeLoopbackPort()
        let evaluationPort = try freeLoopbackPort()
        let competitionPort = try freeLoopbackPort()
        let common = ["--metrics", "off", "--tls", TestPKI.shared.directory, "--log-level", "warning"]
        let registry = try launch("jcskills-registry", ["--listen", "127.0.0.1:\(registryPort)", "--data", "\(home)/registry"] + common,
                                  log: "\(home)/registry.log")
        defer { if registry.isRunning { registry.terminate() } }
        let evaluation = try launch("jcskills-evaluation", [
            "--listen", "127.0.0.1:\(evaluationPort)", "--peer", "registry=127.0.0.1:\(registryPort)", "--data", "\(home)/evaluation",
        ] + common, log: "\(home)/evaluation.log")
        defer { if evaluation.isRunning { evaluation.terminate() } }
        let competition = try launch("jcskills-competition", [
            "--listen", "127.0.0.1:\(competitionPort)", "--peer", "registry=127.0.0.1:\(registryPort)",
            "--peer", "evaluation=127.0.0.1:\(evaluationPort)", "--data", "\(home)/competition",
        ] + common, log: "\(home)/competition.log")
        defer { if competition.isRunning { competition.terminate() } }

        @Sendable func target(_ port: Int) -> LoadTarget {
            LoadTarget(endpoint: Endpoint(host: "127.0.0.1", port: port), tls: TestPKI.shared.files("admin"))
        }
        for port in [registryPort, evaluationPort, competitionPort] { try await waitUntilServing(target(port).endpoint) }
        // Paced, not flat out: the rest of a parallel test run shares the two cores.
        let plan = LoadPlan(concurrency: 4, rate: 200, warmup: .zero, duration: .seconds(1))

        // Registered workers, promoted through the evaluation service.
        let workers = CompetitionWorkload(participants: 60, events: 3, sheetEntries: 7, group: .registeredWorkers,
                                          pkiDirectory: TestPKI.shared.directory, registry: target(registryPort), evaluation: target(evaluationPort))
        let report = try await withTimeout(.seconds(120)) { try await LoadSession.run(workers, target: target(competitionPort), plan: plan) }
        let log = (try? String(contentsOfFile: "\(home)/competition.log", encoding: .utf8)) ?? ""
        #expect(report.errors.isEmpty, "\(report.errors); log: \(log)")
        let operations = try #require(report.operations)
        #expect(operations.map(\.name) == ["results", "counts"] && operations.allSatisfy { $0.calls > 0 })
        let scenario = try #require(workers.scenario)
        #expect(scenario.marks == 60 * CompetitionWorkload.marksPerEntry)
        // Each judge's sheets: 20 competitors in sheets of 7.
        #expect(scenario.sheets == 3 * 3 * 3)
        #expect(scenario.results == 60 && scenario.judges == 9)
        #expect(scenario.setupSeconds > 0 && scenario.markingSeconds > 0 && scenario.endToEndSeconds >= scenario.markingSeconds)
        #expect(scenario.marksPerSecond > 0 && scenario.submitMarks.p50 > 0 && scenario.resultsStream.p99 > 0)
        #expect(scenario.participantsCounted == 60)
        // The top three of each event (more on a tie at the cut-off), each promoted or on the way.
        #expect(scenario.technicalExperts >= 9)
        #expect(scenario.levelPromotions + scenario.promotionsPending == scenario.technicalExperts, "\(scenario)")
        #expect(scenario.table(in: .en).contains("marks/s"))

        // Students: no registry, no promotions; the judges' identities of the first run reused.
        let students = CompetitionWorkload(participants: 10, events: 2, group: .students, pkiDirectory: TestPKI.shared.directory,
                                           registry: nil, evaluation: nil)
        let second = try await withTimeout(.seconds(60)) {
            try await LoadSession.run(students, target: target(competitionPort), plan: LoadPlan(concurrency: 2, warmup: .zero, requests: 20))
        }
        #expect(second.errors.isEmpty, "\(second.errors)")
        #expect(students.scenario?.marks == 10 * CompetitionWorkload.marksPerEntry)
        #expect(students.scenario?.results == 10)
    }
}
