import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: institution and certificate rules, each refusal naming its rule")
struct EvaluationRuleTests {
    static let welder = "6-18-02-04"
    static let electrician = "6-31-01-03"

    @Test(arguments: TestDatabases.backends)
    func enterpriseBodiesNeedThreeHundredStaffFromTheRegistry(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let large = TestCreditCodes.make(1)
            let small = TestCreditCodes.make(2)
            try await harness.registerEnterprise(large, staff: 300)
            try await harness.registerEnterprise(small, staff: 299)
            try await harness.client { client in
                let scope = [ScopeEntry(occupation: Self.welder, levels: [.level5, .level4])]
                let refused = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "E-SMALL", type: .enterpriseBody, enterprise: small, scope: scope))
                }
                #expect(refused?.code == .failedPrecondition)
                #expect(refused?.message.hasPrefix("enterprise_body_staff") == true)
                #expect(refused?.message.contains("299") == true)

                let unknown = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "E-NONE", type: .enterpriseBody, enterprise: TestCreditCodes.make(3), scope: scope))
                }
                #expect(unknown?.message.hasPrefix("enterprise_body_staff") == true)

                let body = try await client.unary(EvaluationService.registerInstitution,
                                                  .sample(code: "E-LARGE", type: .enterpriseBody, enterprise: large, scope: scope))
                #expect(body.status == .active)
                #expect(body.institution.enterpriseCreditCode == large)
                let read = try await client.unary(EvaluationService.getInstitution, InstitutionLookup(code: "E-LARGE"))
                #expect(read.institution.scope == scope)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func configuredThresholdApplies(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend, minimumStaff: 500) { harness in
            let code = TestCreditCodes.make(4)
            try await harness.registerEnterprise(code, staff: 400)
            try await harness.client { client in
                let refused = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "E-400", type: .enterpriseBody, enterprise: code, scope: []))
                }
                #expect(refused?.message.contains("at least 500") == true)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func unreachableRegistryIsUnavailableNotAPass(backend: TestBackend) async throws {
        // Port 1 on 127.0.0.1: nothing listens, the connection is refused at once.
        try await EvaluationHarness.withEvaluation(backend, registry: Endpoint(host: "127.0.0.1", port: 1)) { endpoint, _ in
            try await withTestClient(endpoint, as: "admin") { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "E-X", type: .enterpriseBody, enterprise: TestCreditCodes.make(5), scope: []))
                }
                #expect(error?.code == .unavailable)
                #expect(error?.message.contains("registry") == true)
                let missing = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.getInstitution, InstitutionLookup(code: "E-X"))
                }
                #expect(missing?.code == .notFound)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func issuingNeedsAnActiveInstitutionWithinItsScope(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "S-1", scope: [
                    ScopeEntry(occupation: Self.welder, levels: [.level5, .level4, .level3]),
                    ScopeEntry(occupation: "6-30-05-01", levels: []),
                ]))
                let id = TestIDs.make(birth: "19900101", sequence: 11)
                func refusal(_ issue: CertificateIssue) async -> RPCError? {
                    await #expect(throws: RPCError.self) { try await client.unary(EvaluationService.issueCertificate, issue) }
                }
                let level = await refusal(.sample(institution: "S-1", level: .level2, id: id))
                #expect(level?.code == .failedPrecondition)
                #expect(level?.message.hasPrefix("filed_scope") == true)
                let occupation = await refusal(.sample(institution: "S-1", occupation: Self.electrician, id: id))
                #expect(occupation?.message.hasPrefix("filed_scope") == true)

                let noLevel = await refusal(.sample(institution: "S-1", kind: .specialAbility, occupation: "6-30-05-01", level: .level4, id: id))
                #expect(noLevel?.message.hasPrefix("level_for_kind") == true)
                let needsLevel = await refusal(.sample(institution: "S-1", kind: .vocationalQualification, level: .unspecified, id: id))
                #expect(needsLevel?.message.hasPrefix("level_for_kind") == true)

                let issued = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "S-1", level: .level3, id: id))
                #expect(issued.certificate.state == .valid)
                #expect(issued.certificate.county == 140524)
                #expect(issued.certificate.holderIDMasked == Masking.idNumber(id))
                #expect(!issued.certificate.holderIDMasked.contains("19900101"))
                let ability = try await client.unary(EvaluationService.issueCertificate,
                                                     .sample(institution: "S-1", kind: .specialAbility, occupation: "6-30-05-01", level: .unspecified, id: id))
                #expect(ability.certificate.expiresOn == 0)

                let suspended = try await client.unary(EvaluationService.setInstitutionStatus,
                                                       InstitutionStatusChange(code: "S-1", status: .suspended, reason: "inspection"))
                #expect(suspended.status == .suspended)
                let inactive = await refusal(.sample(institution: "S-1", level: .level4, id: id))
                #expect(inactive?.code == .failedPrecondition)
                #expect(inactive?.message.hasPrefix("institution_active") == true)
                _ = try await client.unary(EvaluationService.setInstitutionStatus, InstitutionStatusChange(code: "S-1", status: .active))
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "S-1", level: .level4, id: TestIDs.make(birth: "19900101", sequence: 13)))
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func enterpriseBodiesCertifyOnlyTheirOwnEmployees(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let own = TestCreditCodes.make(6)
            let other = TestCreditCodes.make(7)
            try await harness.registerEnterprise(own, staff: 1_200)
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                    code: "E-OWN", type: .enterpriseBody, enterprise: own, scope: [ScopeEntry(occupation: Self.welder, levels: [.level4])]))
                let id = TestIDs.make(birth: "19880505", sequence: 21)
                for employer in [other, ""] {
                    let refused = await #expect(throws: RPCError.self) {
                        try await client.unary(EvaluationService.issueCertificate, .sample(institution: "E-OWN", id: id, employer: employer))
                    }
                    #expect(refused?.code == .failedPrecondition)
                    #expect(refused?.message.hasPrefix("enterprise_body_employees") == true)
                }
                let issued = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "E-OWN", id: id, employer: own))
                #expect(issued.certificate.employerCreditCode == own)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func upgradeSupersedesTheLowerLevel(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "S-2", scope: [
                    ScopeEntry(occupation: Self.welder, levels: [.level4, .level3]),
                    ScopeEntry(occupation: Self.electrician, levels: [.level4]),
                ]))
                let id = TestIDs.make(birth: "19920303", sequence: 31)
                let lower = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "S-2", level: .level4, id: id, issuedOn: 20200601))
                let otherOccupation = try await client.unary(EvaluationService.issueCertificate,
                                                             .sample(institution: "S-2", occupation: Self.electrician, level: .level4, id: id, issuedOn: 20200601))
                let upper = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "S-2", level: .level3, id: id, issuedOn: 20220601))
                #expect(upper.superseded == [lower.number])

                let gateway = CertificateVerificationRequest(number: lower.number, holderName: "王晓明")
                #expect(try await client.unary(EvaluationService.verifyCertificate, gateway).state == .superseded)
                let untouched = CertificateVerificationRequest(number: otherOccupation.number, holderName: "王晓明")
                #expect(try await client.unary(EvaluationService.verifyCertificate, untouched).state == .valid)

                // Before the upgrade the lower certificate counted; after it the person is high-skill, still once.
                let before = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20220531))
                #expect(before.skilledWorkers == 1)
                #expect(before.highSkill == 0)
                let after = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20220601))
                #expect(after.skilledWorkers == 1)
                #expect(after.highSkill == 1)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func verificationRevealsOnlyTheState(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            let number = try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "S-3", scope: [ScopeEntry(occupation: Self.welder, levels: [.level4])]))
                return try await client.unary(EvaluationService.issueCertificate,
                                              .sample(institution: "S-3", id: TestIDs.make(birth: "19950707", sequence: 41), name: "李红")).number
            }
            // Any identified caller may verify; the answer is the state and nothing else.
            try await harness.client("training") { client in
                let right = try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderName: "李红"))
                #expect(right.state == .valid)
                let wrongName = try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderName: "李明"))
                #expect(wrongName.state == .unknown)
                let wrongNumber = try await client.unary(EvaluationService.verifyCertificate, .init(number: "JCC202199999999", holderName: "李红"))
                #expect(wrongNumber.state == .unknown)
                let denied = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.revokeCertificate, .init(number: number, reason: "x"))
                }
                #expect(denied?.code == .permissionDenied)
            }
            try await harness.client { client in
                let revoked = try await client.unary(EvaluationService.revokeCertificate, .init(number: number, reason: "forged exam record"))
                #expect(revoked.state == .revoked)
                #expect(try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderName: "李红")).state == .revoked)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func countyOfficesManageOnlyTheirOwnCounty(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "Z-1", county: 140525, scope: []))
            }
            try await harness.client("county-140524") { client in
                let own = try await client.unary(EvaluationService.registerInstitution, .sample(code: "L-1", county: 140524, scope: []))
                #expect(own.status == .active)
                let elsewhere = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution, .sample(code: "L-2", county: 140525, scope: []))
                }
                #expect(elsewhere?.code == .permissionDenied)
                // Re-registering another county's institution under its own county would move it: refused.
                let takeover = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution, .sample(code: "Z-1", county: 140524, scope: []))
                }
                #expect(takeover?.code == .permissionDenied)
                let status = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.setInstitutionStatus, InstitutionStatusChange(code: "Z-1", status: .suspended))
                }
                #expect(status?.code == .permissionDenied)
            }
        }
    }

    /// An occupation's levels (家政服务员 stops at 二级) were enforced nowhere: an institution
    /// could file, and issue, a 一级 高级技师 certificate for domestic service.
    @Test(arguments: TestDatabases.backends)
    func anOccupationsLevelsBoundScopesAndCertificates(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                let domestic = "4-10-01-06"
                let scope = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.registerInstitution, .sample(code: "D-1", scope: [
                        ScopeEntry(occupation: domestic, levels: SkillLevel.standard),
                    ]))
                }
                #expect(scope?.code == .invalidArgument)
                #expect(scope?.message.contains("家政服务员") == true)
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "D-1", scope: [
                    ScopeEntry(occupation: domestic, levels: [.level5, .level4, .level3, .level2]),
                ]))
                let id = TestIDs.make(birth: "19880303", sequence: 331)
                let certificate = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.issueCertificate, .sample(institution: "D-1", occupation: domestic, level: .level1, id: id))
                }
                #expect(certificate?.message.hasPrefix("occupation_levels") == true)
                let issued = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "D-1", occupation: domestic, level: .level2, id: id))
                #expect(issued.certificate.state == .valid)
            }
        }
    }
}

