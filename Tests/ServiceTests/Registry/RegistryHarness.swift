import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
@testable import RegistryService

/// A registry served on 127.0.0.1 (its clients in process: `withDomainClient`), on a fresh database of `backend`, with a
/// clock fixed at 2020-11-01 12:00 Beijing time (just after the campaign).
struct RegistryHarness {
    let endpoint: Endpoint
    let store: Store
    let personal: PersonalData

    static let now = Date(timeIntervalSince1970: 1_604_203_200)  // 2020-11-01T04:00:00Z

    static func with<T: Sendable>(
        _ backend: TestBackend, clock: @escaping @Sendable () -> Date = { RegistryHarness.now },
        imports: PersonImportSettings = PersonImportSettings(), _ body: (RegistryHarness) async throws -> T
    ) async throws -> T {
        let personal = PersonalData(keys: .generate())
        return try await withTestStore(backend, service: "registry", migrations: RegistrySchema.migrations, template: true, configure: {
            $0.personalData = personal
            $0.now = clock
        }) { store in
            let service = RegistryDefinition.makeService(store: store, personal: personal, imports: imports, clock: clock)
            return try await withTestServer(services: [service], auditor: StoreAuditor(store: store)) { _, endpoint in
                try await body(RegistryHarness(endpoint: endpoint, store: store, personal: personal))
            }
        }
    }

    /// The daily age work on this registry's data, as if today were `day` (Beijing noon).
    func aging(on day: Int32, rule: LabourForceAgeRule = .standard) -> LabourForceAging {
        let noon = Date(timeIntervalSince1970: Double(CalendarDate(yyyymmdd: day)!.startUnixMilliseconds()) / 1000 + 12 * 3600)
        return RegistryDefinition.makeAging(store: store, personal: personal, ageRule: rule, clock: { noon })
    }

    /// Runs `body` with a client presenting `identity`.
    func client<T: Sendable>(_ identity: String, _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withDomainClient(endpoint, as: identity, body)
    }
}

/// Valid ID numbers for tests: a Jincheng address code, a birth date, a sequence; the check
/// character is computed here independently of the code under test.
enum TestIDs {
    static func make(address: String = "140524", birth: String, sequence: Int) -> String {
        let body = address + birth + String(format: "%03d", sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let checks = Array("10X98765432")
        return body + String(checks[sum % 11])
    }

    /// The same number with a wrong check character.
    static func corrupt(_ id: String) -> String {
        let last = id.last!
        return String(id.dropLast()) + (last == "0" ? "1" : "0")
    }
}

extension PersonRegistration {
    static func sample(id: String, name: String = "王晓明", county: Int32 = 140524, category: LabourCategory = .rural,
                       phone: String = "13812345678", occupation: String = "6-30-05-01", employment: EmploymentStatus = .employed,
                       wish: String = "6-18-02-04", registeredOn: Int32 = 20200915) -> PersonRegistration {
        var person = PersonRegistration()
        person.idNumber = id
        person.name = name
        person.residenceCounty = county
        person.category = category
        person.phone = phone
        person.occupation = occupation
        person.employment = employment
        person.trainingWish = wish
        person.education = .seniorSecondary
        person.registeredOn = registeredOn
        person.keyGroups = [.ruralMigrantWorkers]
        return person
    }
}
