import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import EvaluationService
@testable import RegistryService

/// Every refusal is audited (README.md, "Security"), whether a method's policy refused the call
/// or its handler did — before, inside or without a transaction — and each once. The gateway
/// refuses no identified caller (every method is open to any identity the CA issued).
@Suite("Services: every refusal on record", .timeLimit(.minutes(2)))
struct RefusalAuditTests {
    /// The audit rows of `principal` with `outcome`, once `count` have arrived (the policy's
    /// are written in the background), bounded.
    static func refusals(in store: Store, of principal: String, atLeast count: Int) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for _ in 0..<100 {
            entries = try await store.auditLog(AuditQuery(principal: principal, limit: 1000)).entries
                .filter { $0.outcome == "PERMISSION_DENIED" }
            if entries.count >= count { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return entries
    }

    @Test(arguments: TestDatabases.backends)
    func registryRefusals(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let idNumber = TestIDs.make(address: "140581", birth: "19900101", sequence: 7)
            try await registry.client("admin") { client in
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(address: "140581", birth: "19850101", sequence: 8), county: 140581))
            }
            try await registry.client("county-140524") { client in
                // The handler, before any transaction: a person of another county.
                let register = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.registerPerson, .sample(id: idNumber, county: 140581))
                }
                #expect(register?.code == .permissionDenied)
                // The handler, on a read: the whole city's export.
                let export = await #expect(throws: RPCError.self) {
                    try await client.serverStreaming(RegistryService.exportPersons, ExportRequest()) { stream in for try await _ in stream {} }
                }
                #expect(export?.code == .permissionDenied)
            }
            try await registry.client("training") { client in
                // The policy: training may verify, not read.
                let read = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: idNumber))
                }
                #expect(read?.code == .permissionDenied)
            }
            let county = try await Self.refusals(in: registry.store, of: "jcskills://county/140524", atLeast: 2)
            #expect(county.map(\.method).sorted() == [RegistryService.exportPersons.path, RegistryService.registerPerson.path])
            let training = try await Self.refusals(in: registry.store, of: "jcskills://training", atLeast: 1)
            #expect(training.map(\.method) == [RegistryService.getPerson.path])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func evaluationRefusals(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let scope = [ScopeEntry(occupation: "6-18-02-04", levels: [.level4])]
            try await harness.client("admin") { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "ELSEWHERE", county: 140581, scope: scope))
            }
            try await harness.client("county-140524") { client in
                // The handler, before the transaction: an institution of another county.
                let register = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution, .sample(code: "MINE", county: 140581, scope: scope))
                }
                #expect(register?.code == .permissionDenied)
                // The handler, inside the transaction: taking over another county's institution.
                let takeOver = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution, .sample(code: "ELSEWHERE", county: 140524, scope: scope))
                }
                #expect(takeOver?.code == .permissionDenied)
            }
            let entries = try await Self.refusals(in: harness.store, of: "jcskills://county/140524", atLeast: 2)
            // Once each: the store leaves refusals to the server's auditor.
            #expect(entries.map(\.method) == Array(repeating: EvaluationService.registerInstitution.path, count: 2))
        }
    }
}
