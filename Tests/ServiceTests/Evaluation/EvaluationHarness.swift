import Foundation
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
@testable import EvaluationService
@testable import RegistryService

/// A registry and an evaluation service, each on its own fresh database of `backend`, served
/// over real TLS on 127.0.0.1; the evaluation service asks the registry over the protocol as
/// `jcskills://evaluation`, exactly as in production. Clock fixed at 2026-11-01 (Beijing).
struct EvaluationHarness {
    let evaluation: Endpoint
    let registry: Endpoint
    let store: Store

    static let now = Date(timeIntervalSince1970: 1_793_505_600)  // 2026-11-01T04:00:00Z
    static let today: Int32 = 20261101
    /// The city's signing key in every harness; tests verify exports with its public key.
    static let signingKey = CitySigningKey()

    static func with<T: Sendable>(_ backend: TestBackend, minimumStaff: UInt32 = 300, _ body: (EvaluationHarness) async throws -> T) async throws -> T {
        let registryPersonal = PersonalData(keys: .generate())
        return try await withTestStore(backend, service: "registry", migrations: RegistrySchema.migrations, template: true, configure: {
            $0.personalData = registryPersonal
            $0.now = { EvaluationHarness.now }
        }) { registryStore in
            let registryService = RegistryDefinition.makeService(store: registryStore, personal: registryPersonal, clock: { EvaluationHarness.now })
            return try await withTestServer(services: [registryService], auditor: StoreAuditor(store: registryStore)) { _, registryEndpoint in
                try await withEvaluation(backend, registry: registryEndpoint, minimumStaff: minimumStaff) { endpoint, store in
                    try await body(EvaluationHarness(evaluation: endpoint, registry: registryEndpoint, store: store))
                }
            }
        }
    }

    /// The evaluation service alone, its registry client pointed at `registry` (which may be dead).
    static func withEvaluation<T: Sendable>(
        _ backend: TestBackend, registry: Endpoint, minimumStaff: UInt32 = 300,
        clock: @escaping @Sendable () -> Date = { EvaluationHarness.now },
        _ body: (Endpoint, Store) async throws -> T
    ) async throws -> T {
        let personal = PersonalData(keys: .generate())
        return try await withTestStore(backend, service: "evaluation", migrations: EvaluationSchema.migrations, template: true, configure: {
            $0.personalData = personal
            $0.now = clock
        }) { store in
            var configuration = ClientConfiguration(tls: TestPKI.shared.files("evaluation"))
            configuration.expectedServerIdentity = "jcskills://registry"
            configuration.defaultTimeout = .seconds(5)
            configuration.tracer = TestTracing.tracer
            let client = try makeDomainPeerClient(registry, as: "evaluation", configuration: configuration)
            do {
                let service = EvaluationDefinition.makeService(
                    store: store, personal: personal, registry: client,
                    enterpriseBodyMinimumStaff: minimumStaff, signingKey: signingKey, clock: clock)
                // As the evaluation service: a caller that expects it (the training service) checks.
                let result = try await withTestServer(services: [service], auditor: StoreAuditor(store: store),
                                                      configure: { $0.tls = TestPKI.shared.files("evaluation") }) { _, endpoint in
                    try await body(endpoint, store)
                }
                await client.close()
                return result
            } catch {
                await client.close()
                throw error
            }
        }
    }

    /// Runs `body` with a client of the evaluation service presenting `identity`.
    func client<T: Sendable>(_ identity: String = "admin", _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withDomainClient(evaluation, as: identity, body)
    }

    /// Registers an enterprise with `staff` employees in the registry, as its office would.
    func registerEnterprise(_ creditCode: String, staff: UInt32) async throws {
        try await withDomainClient(registry, as: "admin") { client in
            var enterprise = Enterprise()
            enterprise.creditCode = creditCode
            enterprise.name = "晋城测试企业\(creditCode.suffix(4))"
            enterprise.county = 140524
            enterprise.industry = "制造业"
            enterprise.staffCount = staff
            _ = try await client.unary(RegistryService.registerEnterprise, enterprise)
        }
    }
}

/// Valid Jincheng credit codes for tests; the check character is computed here, independently
/// of the code under test (GB 32100: Wᵢ = 3^(i−1) mod 31, C₁₈ = 31 − Σ mod 31).
enum TestCreditCodes {
    static func make(_ organisation: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let body = "91140524" + String(format: "%09d", organisation)
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(body, weights).reduce(0) { $0 + alphabet.firstIndex(of: $1.0)! * $1.1 }
        let check = (31 - sum % 31) % 31
        return body + String(alphabet[check])
    }
}

extension Institution {
    static func sample(code: String, type: InstitutionType = .socialOrganisation, county: Int32 = 140524,
                       enterprise: String = "", scope: [ScopeEntry], approvedOn: Int32 = 20190101) -> Institution {
        var institution = Institution()
        institution.code = code
        institution.name = "测试评价机构\(code)"
        institution.type = type
        institution.county = county
        institution.enterpriseCreditCode = enterprise
        institution.scope = scope
        institution.approvedOn = approvedOn
        return institution
    }
}

extension CertificateIssue {
    static func sample(institution: String, kind: CertificateKind = .skillLevel, occupation: String = "6-18-02-04",
                       level: SkillLevel = .level4, operation: String = "", id: String, name: String = "王晓明",
                       employer: String = "", county: Int32 = 0, issuedOn: Int32 = 20210601) -> CertificateIssue {
        var issue = CertificateIssue()
        issue.institutionCode = institution
        issue.kind = kind
        issue.occupation = occupation
        issue.level = level
        issue.operationCode = operation
        issue.holderIDNumber = id
        issue.holderName = name
        issue.employerCreditCode = employer
        issue.county = county
        issue.issuedOn = issuedOn
        return issue
    }
}
