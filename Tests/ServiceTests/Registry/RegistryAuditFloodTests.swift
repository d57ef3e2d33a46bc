import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// Refused calls carrying a 15 KB request id once grew the registry's append-only audit table
/// by 378 MiB per 20,000 calls: what the table keeps of a caller's strings is capped.
@Suite("Registry: refused calls with huge request ids leave small audit rows", .timeLimit(.minutes(2)))
struct RegistryAuditFloodTests {
    @Test(arguments: TestDatabases.backends)
    func refusalsWithAHugeRequestIDAreAuditedCapped(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            let huge = String(repeating: "f", count: 15_000)
            let calls = 40
            try await registry.client("training") { client in
                for _ in 0..<calls {
                    // Training may verify a person but never read one: refused by the policy.
                    let error = await #expect(throws: RPCError.self) {
                        try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: "JC1405240000001"),
                                               options: CallOptions(requestID: huge))
                    }
                    #expect(error?.code == .permissionDenied)
                }
            }
            // The auditor writes refusals in the background: wait for them, bounded.
            var entries: [AuditEntry] = []
            for _ in 0..<100 {
                entries = try await registry.store.auditLog(AuditQuery(principal: "jcskills://training", limit: 1000)).entries
                if entries.count >= calls { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(entries.count == calls)
            var stored = 0
            for entry in entries {
                #expect(entry.outcome == "PERMISSION_DENIED")
                #expect(entry.requestID.utf8.count <= AuditFieldLimits.requestID)
                // Cut and marked (or, should the RPC layer one day replace such ids, not the caller's at all).
                #expect(!entry.requestID.hasPrefix("f") || entry.requestID.hasSuffix("…[cut, 15000 bytes]"))
                stored += [entry.principal, entry.method, entry.requestID, entry.entity ?? "", entry.entityID ?? "",
                           entry.outcome, entry.detail ?? ""].map(\.utf8.count).reduce(0, +)
            }
            // Under 1 KiB a row here, against 15 KB a call before.
            #expect(stored < calls * 1_024, "\(stored) bytes for \(calls) rows")
        }
    }

    /// A person's history is an audit trail too: the caller's request id and reason are capped there.
    @Test(arguments: TestDatabases.backends)
    func historyRowsKeepCappedRequestIDsAndReasons(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let card = try await client.unary(RegistryService.registerPerson, .sample(id: TestIDs.make(birth: "19900101", sequence: 31))).cardNumber
                var update = PersonUpdate()
                update.person = PersonLookup(cardNumber: card)
                update.phone = "13987654321"
                update.employment = .unemployed
                update.reason = String(repeating: "因", count: 5_000)  // 15,000 bytes
                _ = try await client.unary(RegistryService.updatePerson, update, options: CallOptions(requestID: String(repeating: "f", count: 15_000)))
                let history = try await client.unary(RegistryService.personHistory, PersonLookup(cardNumber: card))
                #expect(history.entries.count == 2)
                for entry in history.entries {
                    #expect(entry.requestID.utf8.count <= AuditFieldLimits.requestID)
                    #expect(entry.reason.utf8.count <= AuditFieldLimits.detail)
                    #expect(entry.reason.hasPrefix("因因") && entry.reason.hasSuffix("因…[cut, 15000 bytes]"))
                }
            }
        }
    }
}
