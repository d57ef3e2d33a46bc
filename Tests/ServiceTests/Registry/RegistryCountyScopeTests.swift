import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// A county office writes only its own county's enterprises and their demand: it may neither
/// take another county's enterprise into its own (nor rename it on the way), nor write demand
/// for it — through the single call or an import.
@Suite("Registry: county offices write only their own enterprises and demand", .timeLimit(.minutes(2)))
struct RegistryCountyScopeTests {
    static let county = "jcskills://county/140524"

    static func enterprise(_ number: Int, county: Int32, name: String? = nil) -> Enterprise {
        var enterprise = Enterprise()
        enterprise.creditCode = TestCreditCodes.make(number)
        enterprise.name = name ?? "晋城测试企业\(number)"
        enterprise.county = county
        enterprise.industry = "制造业"
        enterprise.staffCount = 120
        return enterprise
    }

    static func demand(_ number: Int, headcount: UInt32, occupation: String = "6-18-02-04") -> Demand {
        var demand = Demand()
        demand.creditCode = TestCreditCodes.make(number)
        demand.occupation = occupation
        demand.level = .level4
        demand.year = 2021
        demand.headcount = headcount
        return demand
    }

    @Test(arguments: TestDatabases.backends)
    func anotherCountysEnterpriseCannotBeTakenRenamedOrGivenDemand(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            // The registry office registers one enterprise in 140525 (with demand), one in 140524.
            let theirs = Self.enterprise(1, county: 140525, name: "泽州原名企业")
            let ours = Self.enterprise(2, county: 140524)
            try await registry.client("admin") { client in
                _ = try await client.unary(RegistryService.registerEnterprise, theirs)
                _ = try await client.unary(RegistryService.registerEnterprise, ours)
                let summary = try await client.clientStreaming(RegistryService.importDemand) { writer in
                    try await writer.send(DemandImportBatch(rows: [DemandImportRow(line: 2, demand: Self.demand(1, headcount: 7))]))
                }
                #expect(summary.accepted == 1)
            }
            let before = try await registry.store.auditLog(AuditQuery(principal: Self.county)).entries.count

            try await registry.client("county-140524") { client in
                // The single call: moved into 140524 and renamed; or renamed where it is.
                for attempt in [Self.enterprise(1, county: 140524, name: "陵川冒名企业"), Self.enterprise(1, county: 140525, name: "陵川冒名企业")] {
                    let error = await #expect(throws: RPCError.self) { try await client.unary(RegistryService.registerEnterprise, attempt) }
                    #expect(error?.code == .permissionDenied, "\(String(describing: error))")
                }
                // The import: a move, a new enterprise elsewhere, its own rename, a new one of its own.
                let imported = try await client.clientStreaming(RegistryService.importEnterprises) { writer in
                    try await writer.send(EnterpriseImportBatch(rows: [
                        EnterpriseImportRow(line: 2, enterprise: Self.enterprise(1, county: 140524, name: "陵川冒名企业")),
                        EnterpriseImportRow(line: 3, enterprise: Self.enterprise(3, county: 140581)),
                        EnterpriseImportRow(line: 4, enterprise: Self.enterprise(2, county: 140524, name: "陵川改名企业")),
                        EnterpriseImportRow(line: 5, enterprise: Self.enterprise(4, county: 140524)),
                    ]))
                }
                #expect(imported.received == 4)
                #expect(imported.rejected == 2)
                #expect(imported.alreadyRegistered == 1)
                #expect(imported.accepted == 1)
                #expect(Set(imported.errors.map(\.line)) == [2, 3])
                let moved = try #require(imported.errors.first { $0.line == 2 })
                #expect(moved.column == "credit_code" && moved.reason.contains("registered in county 140525"), "\(moved)")

                // Demand: for the other county's enterprise refused row by row, for its own accepted.
                let demand = try await client.clientStreaming(RegistryService.importDemand) { writer in
                    try await writer.send(DemandImportBatch(rows: [
                        DemandImportRow(line: 2, demand: Self.demand(1, headcount: 900)),
                        DemandImportRow(line: 3, demand: Self.demand(1, headcount: 5, occupation: "4-01-02-01")),
                        DemandImportRow(line: 4, demand: Self.demand(2, headcount: 3)),
                    ]))
                }
                #expect(demand.received == 3 && demand.accepted == 1 && demand.rejected == 2)
                #expect(demand.errors.map(\.line).sorted() == [2, 3])
                #expect(demand.errors.allSatisfy { $0.column == "credit_code" && $0.reason.contains("county 140525") })

                // Own-county writes still work through the single call.
                let renamed = try await client.unary(RegistryService.registerEnterprise, Self.enterprise(2, county: 140524, name: "陵川再改名企业"))
                #expect(renamed.enterprise.name == "陵川再改名企业")
            }

            // Nothing of the other county's enterprise changed.
            try await registry.client("admin") { client in
                let stored = try await client.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: theirs.creditCode))
                #expect(stored.enterprise.county == 140525)
                #expect(stored.enterprise.name == "泽州原名企业")
                #expect(stored.demand.map(\.headcount) == [7])
                let own = try await client.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: ours.creditCode))
                #expect(own.enterprise.name == "陵川再改名企业" && own.demand.map(\.headcount) == [3])
                let elsewhere = await #expect(throws: RPCError.self) {
                    try await client.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: TestCreditCodes.make(3)))
                }
                #expect(elsewhere?.code == .notFound)
                #expect(try await client.unary(RegistryService.getEnterprise, EnterpriseLookup(creditCode: TestCreditCodes.make(4))).enterprise.county == 140524)
            }

            // Every refusal is in the audit log: the two calls, and one row per import batch that had any.
            let entries = try await registry.store.auditLog(AuditQuery(principal: Self.county)).entries
            let denied = entries.dropLast(before).filter { $0.outcome == "PERMISSION_DENIED" }
            #expect(denied.filter { $0.method.hasSuffix("RegisterEnterprise") }.count == 2)
            let importRefusals = denied.filter { $0.method.hasSuffix("ImportEnterprises") }
            #expect(importRefusals.count == 1)
            #expect(importRefusals.first?.detail?.contains(theirs.creditCode) == true)
            #expect(importRefusals.first?.detail?.hasPrefix("2 rows") == true)
            #expect(denied.filter { $0.method.hasSuffix("ImportDemand") }.count == 1)
        }
    }
}
