import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// The evaluation service's mix for `jcskills-load evaluation`: public verification of issued
/// certificates, issuance to fresh generated holders, skilled-worker counts.
/// Default proportions: VerifyCertificate 70, IssueCertificate 20, Counts 10 (`--mix` changes them).
///
/// `setUp` registers a social-organisation institution of its own (code `LOAD-<salt>`, scope
/// occupation 6-18-02-04 at level 3) and issues ``fixtureCount`` certificates to verify.
public struct EvaluationWorkload: Workload {
    public let name = "evaluation"
    public let fixtureCount: Int
    public let people: SyntheticPerson
    private let fixtures = Fixtures()

    public init(fixtureCount: Int = 200, people: SyntheticPerson = SyntheticPerson()) {
        precondition(fixtureCount >= 1, "verifications need certificates to check")
        self.fixtureCount = fixtureCount
        self.people = people
    }

    public var label: String { "evaluation (verifications, issuance to fresh holders, counts)" }

    var institutionCode: String { "LOAD-\(people.salt)" }

    /// A skill-level certificate for person `index`, dated yesterday: never after "today" in
    /// Jincheng (UTC+8), whatever the clock's time zone.
    func certificate(_ index: Int) -> CertificateIssue {
        let person = people.registration(index)
        var issue = CertificateIssue()
        issue.institutionCode = institutionCode
        issue.kind = .skillLevel
        issue.occupation = Self.occupation
        issue.level = .level3
        issue.holderIDNumber = person.idNumber
        issue.holderName = person.name
        issue.issuedOn = Self.yesterday
        return issue
    }

    static let occupation = "6-18-02-04"
    static let yesterday: Int32 = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(-86_400))
        return Int32(date.year! * 10_000 + date.month! * 100 + date.day!)
    }()

    public func setUp(_ client: RPCClient) async throws {
        var institution = Institution()
        institution.code = institutionCode
        institution.name = "jcskills-load \(people.salt)"
        institution.type = .socialOrganisation
        institution.county = JinchengDivisions.countyCodes[0]
        institution.scope = [ScopeEntry(occupation: Self.occupation, levels: [.level3])]
        _ = try await client.unary(EvaluationService.registerInstitution, institution)
        var issued: [(number: String, holder: String)] = []
        for index in 0..<fixtureCount {
            let issue = certificate(index)
            let response = try await client.unary(EvaluationService.issueCertificate, issue)
            issued.append((response.number, issue.holderName))
        }
        fixtures.set(issued)
    }

    public var operations: [LoadOperation] {
        let fixtures = self.fixtures
        let workload = self
        let offset = fixtureCount
        let counties: [Int32] = [0] + JinchengDivisions.countyCodes
        return [
            LoadOperation("verify", weight: 70) { client, sequence in
                let (number, holder) = fixtures.certificate(sequence)
                _ = try await client.unary(EvaluationService.verifyCertificate, CertificateVerificationRequest(number: number, holderName: holder))
            },
            LoadOperation("issue", weight: 20) { client, sequence in
                _ = try await client.unary(EvaluationService.issueCertificate, workload.certificate(offset + sequence))
            },
            LoadOperation("counts", weight: 10) { client, sequence in
                _ = try await client.unary(EvaluationService.counts, CountsRequest(county: counties[sequence % counties.count], asOf: 0))
            },
        ]
    }

    /// The fixtures' certificate numbers and holder names, written once by `setUp`.
    final class Fixtures: Sendable {
        private let issued = Mutex<[(number: String, holder: String)]>([])
        func set(_ new: [(number: String, holder: String)]) { issued.withLock { $0 = new } }
        func certificate(_ sequence: Int) -> (number: String, holder: String) {
            issued.withLock { $0.isEmpty ? ("", "") : $0[sequence % $0.count] }
        }
    }
}
