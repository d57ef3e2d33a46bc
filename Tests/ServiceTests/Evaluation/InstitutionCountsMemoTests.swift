import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import EvaluationService

/// The institutions' figures in `Counts` are kept per county and day for a few seconds
/// (``CountQueries``, ``FigureMemo``): a write through the service is seen at once, a write
/// another replica made (here, straight into the database) only after a write here or the age limit.
@Suite("Evaluation: the institutions' figures are memoised, and forgotten on an institution write")
struct InstitutionCountsMemoTests {
    @Test
    func anInstitutionWriteHereIsSeenAtOnceAnotherReplicasOnlyAfterIt() async throws {
        try await EvaluationHarness.with(.sqlite) { harness in
            try await harness.client { client in
                func active(_ county: Int32 = 0) async throws -> UInt64 {
                    try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: 0))
                        .institutions.filter { $0.status == .active }.reduce(0) { $0 + $1.count }
                }
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "M-1", county: 140525, scope: []))
                #expect(try await active() == 1)
                // Another replica registers one: this service's memo still answers.
                try await harness.store.transaction(AuditContext(principal: "test", method: "test/Replica", requestID: "-"), grouping: .alone) { tx in
                    try await tx.nativeExecute("""
                        INSERT INTO institutions (code, name, type, county, status, enterprise_code, updated_ms)
                        VALUES ('M-2', 'replica', ?, 140525, ?, '', 0)
                        """, [StoreValue(InstitutionType.socialOrganisation.rawValue), StoreValue(InstitutionStatus.active.rawValue)])
                }
                #expect(try await active() == 1)
                #expect(try await active(140525) == 2, "another county-and-day entry is read afresh")
                // A write here forgets every entry.
                _ = try await client.unary(EvaluationService.setInstitutionStatus, InstitutionStatusChange(code: "M-1", status: .suspended, reason: "audit"))
                #expect(try await active() == 1)
                #expect(try await active(140525) == 1)
            }
        }
    }
}
