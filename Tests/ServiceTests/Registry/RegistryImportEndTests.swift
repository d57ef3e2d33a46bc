import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing

@Suite("Registry: an enterprise or demand import that ends early is audited")
struct RegistryImportEndTests {
    struct GiveUp: Error {}

    /// Only the persons' import recorded how an import call ended without its answer; an
    /// enterprise or demand import the client gave up on (or lost) left no trace of the call.
    @Test(arguments: TestDatabases.backends)
    func enterpriseAndDemandImportsThatEndEarlyAreAudited(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                var enterprise = Enterprise()
                enterprise.creditCode = TestCreditCodes.make(41)
                enterprise.name = "晋城测试企业41"
                enterprise.county = 140524
                enterprise.industry = "制造业"
                enterprise.staffCount = 80
                _ = try? await client.clientStreaming(RegistryService.importEnterprises) { writer in
                    try await writer.send(EnterpriseImportBatch(rows: [EnterpriseImportRow(line: 2, enterprise: enterprise)]))
                    try await Task.sleep(for: .milliseconds(300))
                    throw GiveUp()
                }
                var demand = Demand()
                demand.creditCode = enterprise.creditCode
                demand.occupation = "6-18-02-04"
                demand.level = .level4
                demand.year = 2021
                demand.headcount = 3
                _ = try? await client.clientStreaming(RegistryService.importDemand) { writer in
                    try await writer.send(DemandImportBatch(rows: [DemandImportRow(line: 2, demand: demand), DemandImportRow(line: 3, demand: demand)]))
                    try await Task.sleep(for: .milliseconds(300))
                    throw GiveUp()
                }
            }
            for (method, rows) in [(RegistryService.importEnterprises.path, 1), (RegistryService.importDemand.path, 2)] {
                var ended: [AuditEntry] = []
                for _ in 0..<100 where ended.isEmpty {
                    ended = try await registry.store.auditLog(AuditQuery(method: method, limit: 100)).entries
                        .filter { $0.outcome == StatusCode.cancelled.name }
                    if ended.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(ended.count == 1, "\(method)")
                // The client's own reason when the handler was reading the stream; the
                // cancellation's when it was writing a batch (a busy machine).
                let reasons = ["the client cancelled the call", "the call was cancelled"]
                #expect(reasons.map { "import ended after \(rows) rows: \($0)" }.contains(ended.first?.detail ?? ""), "\(method): \(ended.first?.detail ?? "")")
            }
        }
    }
}
