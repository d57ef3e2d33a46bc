import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: skilled-worker and high-skill counts as of a date")
struct EvaluationCountTests {
    @Test(arguments: TestDatabases.backends)
    func distinctPersonsHighSkillOnlyLevelsThreeToOne(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-1", county: 140500, scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                    ScopeEntry(occupation: "6-31-01-03", levels: SkillLevel.standard),
                    ScopeEntry(occupation: "6-30-05-01", levels: []),
                ]))
                func issue(_ id: String, _ level: SkillLevel, occupation: String = "6-18-02-04", county: Int32 = 140524,
                           kind: CertificateKind = .skillLevel, on day: Int32 = 20210601) async throws {
                    _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                        institution: "C-1", kind: kind, occupation: occupation, level: level, id: id, county: county, issuedOn: day))
                }
                // Three certificates, one person.
                let three = TestIDs.make(birth: "19800101", sequence: 51)
                try await issue(three, .level5, on: 20190301)
                try await issue(three, .level4, occupation: "6-31-01-03")
                try await issue(three, .unspecified, occupation: "6-30-05-01", kind: .specialAbility)
                // One each at levels 3, 2, 1 (high skill) and one at level 4 (not), in another county for two.
                try await issue(TestIDs.make(birth: "19810101", sequence: 53), .level3)
                try await issue(TestIDs.make(birth: "19820101", sequence: 55), .level2, county: 140525)
                try await issue(TestIDs.make(birth: "19830101", sequence: 57), .level1, county: 140525)
                try await issue(TestIDs.make(birth: "19840101", sequence: 59), .level4)
                // Certificates by a city-wide institution must name the county.
                let county = await #expect(throws: RPCError.self) {
                    try await issue(TestIDs.make(birth: "19850101", sequence: 61), .level4, county: 0)
                }
                #expect(county?.message.hasPrefix("county") == true)

                let city = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231))
                #expect(city.skilledWorkers == 5)
                #expect(city.highSkill == 3)
                // The first person's first certificate was in 2019: not new in 2021.
                #expect(city.newSkilledWorkers == 4)
                #expect(city.institutions.map { "\($0.type)/\($0.status)=\($0.count)" } == ["social_organisation/active=1"])
                let in2019 = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231, year: 2019))
                #expect(in2019.newSkilledWorkers == 1)

                let zezhou = try await client.unary(EvaluationService.counts, CountsRequest(county: 140525, asOf: 20211231))
                #expect(zezhou.skilledWorkers == 2)
                #expect(zezhou.highSkill == 2)
                let lingchuan = try await client.unary(EvaluationService.counts, CountsRequest(county: 140524, asOf: 20211231))
                #expect(lingchuan.skilledWorkers == 3)
                #expect(lingchuan.highSkill == 1)

                // Before any 2021 certificate only the 2019 one counts.
                let early = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20200101))
                #expect(early.skilledWorkers == 1)
                #expect(early.highSkill == 0)
            }
            // The gateway reads the counts.
            try await harness.client("gateway") { client in
                let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231))
                #expect(counts.skilledWorkers == 5)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func expiryAndRevocationChangeLaterCounts(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-2", scope: [
                    ScopeEntry(occupation: "6-30-05-01", levels: []),
                    ScopeEntry(occupation: "6-31-01-03", levels: [.level3]),
                ]))
                // Special equipment (forklift N1): 4 years; special operations (electrician): 6 years, review at 3.
                let forklift = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-2", kind: .specialEquipmentOperator, occupation: "6-30-05-01", level: .unspecified,
                    operation: "N1", id: TestIDs.make(birth: "19860606", sequence: 71), issuedOn: 20210301))
                #expect(forklift.certificate.expiresOn == 20250301)
                #expect(forklift.certificate.state == .expired)
                let electric = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-2", kind: .specialOperations, occupation: "6-31-01-03", level: .unspecified,
                    operation: "low-voltage", id: TestIDs.make(birth: "19870707", sequence: 73), issuedOn: 20210301))
                #expect(electric.certificate.expiresOn == 20270301)
                #expect(electric.certificate.reviewDates == [20240301])
                let missingOperation = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.issueCertificate, .sample(
                        institution: "C-2", kind: .specialOperations, occupation: "6-31-01-03", level: .unspecified,
                        id: TestIDs.make(birth: "19870707", sequence: 73)))
                }
                #expect(missingOperation?.message.hasPrefix("operation_code") == true)

                func skilled(_ day: Int32) async throws -> UInt64 {
                    try await client.unary(EvaluationService.counts, CountsRequest(asOf: day)).skilledWorkers
                }
                #expect(try await skilled(20210228) == 0)
                #expect(try await skilled(20210301) == 2)
                #expect(try await skilled(20250228) == 2)
                #expect(try await skilled(20250301) == 1)  // the forklift certificate expired
                #expect(try await client.unary(EvaluationService.verifyCertificate,
                                               .init(number: forklift.number, holderName: "王晓明")).state == .expired)

                // Revocation is a state from its day (the harness's today): earlier dates keep counting it.
                let high = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-2", occupation: "6-31-01-03", level: .level3,
                    id: TestIDs.make(birth: "19880808", sequence: 75), issuedOn: 20230101))
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20261031)).highSkill == 1)
                _ = try await client.unary(EvaluationService.revokeCertificate, .init(number: high.number, reason: "exam fraud"))
                let after = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(after.highSkill == 0)
                #expect(after.skilledWorkers == 1)
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20261031)).highSkill == 1)
                // Nor does the year they first became a skilled worker change: the certificate made
                // them one on the day it was issued (docs/NUMBERS.md, "new_skilled_workers").
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20231231)).newSkilledWorkers == 1)

                // They come back, with a new certificate and then an imported older one: both are
                // filed with the revoked one, and every date still counts the person once.
                func counts(_ day: Int32) async throws -> EvaluationCounts {
                    try await client.unary(EvaluationService.counts, CountsRequest(asOf: day))
                }
                let id = TestIDs.make(birth: "19880808", sequence: 75)
                let before2024 = try await counts(20241231).newSkilledWorkers
                let before2022 = try await counts(20221231).newSkilledWorkers
                let skilledBefore = try await counts(20261031).skilledWorkers
                let skilled2022 = try await counts(20220601).skilledWorkers
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-2", occupation: "6-31-01-03", level: .level3, id: id, issuedOn: 20240601))
                #expect(try await counts(20241231).newSkilledWorkers == before2024)  // first certified in 2023
                #expect(try await counts(20261031).skilledWorkers == skilledBefore)
                #expect(try await counts(20261031).highSkill == 1)
                let imported = try await client.clientStreaming(EvaluationService.importCertificates) { writer in
                    try await writer.send(CertificateImportBatch(rows: [CertificateImportRow(
                        line: 2, number: "OLD-75", certificate: .sample(institution: "CLOSED", level: .level4, id: id,
                                                                        county: 140524, issuedOn: 20220101), preSystem: false)]))
                }
                #expect(imported.accepted == 1)
                #expect(try await counts(20221231).newSkilledWorkers == before2022 + 1)
                #expect(try await counts(20231231).newSkilledWorkers == 0)  // 2022 now, the imported one
                #expect(try await counts(20241231).newSkilledWorkers == before2024)
                #expect(try await counts(20220601).skilledWorkers == skilled2022 + 1)
                #expect(try await counts(20261031).skilledWorkers == skilledBefore)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func retriedIssueCountsOnce(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "C-3", scope: [ScopeEntry(occupation: "6-18-02-04", levels: [.level4])]))
                let issue = CertificateIssue.sample(institution: "C-3", id: TestIDs.make(birth: "19900909", sequence: 81))
                let options = CallOptions(idempotencyKey: "issue-81")
                let once = try await client.unary(EvaluationService.issueCertificate, issue, options: options)
                let twice = try await client.unary(EvaluationService.issueCertificate, issue, options: options)
                #expect(once.number == twice.number)
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231)).newSkilledWorkers == 1)
            }
        }
    }
}

/// Regressions of figures once wrong on a date (docs/NUMBERS.md).
@Suite("Evaluation: every figure as of its date")
struct EvaluationAsOfTests {
    /// "New skilled workers as of 30 June" once counted the whole calendar year, certificates
    /// issued after the date included, and the gateway then projected it from 30 June: about
    /// twice the truth.
    @Test(arguments: TestDatabases.backends)
    func newSkilledWorkersCountOnlyUpToTheDate(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-9", scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                ]))
                for (index, day) in [Int32(20210115), 20210630, 20210701, 20211120].enumerated() {
                    _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                        institution: "C-9", occupation: "6-18-02-04", level: .level4,
                        id: TestIDs.make(birth: "19900101", sequence: 301 + 2 * index), county: 140524, issuedOn: day))
                }
                func new(_ asOf: Int32, year: Int32 = 0) async throws -> UInt64 {
                    try await client.unary(EvaluationService.counts, CountsRequest(asOf: asOf, year: year)).newSkilledWorkers
                }
                #expect(try await new(20210630) == 2)
                #expect(try await new(20210114) == 0)
                #expect(try await new(20211231) == 4)
                // A year already over by the date: all of it; a year not begun: none.
                #expect(try await new(20220301, year: 2021) == 4)
                #expect(try await new(20201231, year: 2021) == 0)
            }
        }
    }

    /// Revoking the certificate that superseded a lower one once left the lower one
    /// superseded: its holder dropped out of the skilled workers though they still held it.
    @Test(arguments: TestDatabases.backends)
    func revokingAnUpgradeRestoresTheLowerCertificate(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-8", scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                ]))
                let id = TestIDs.make(birth: "19850505", sequence: 311)
                let lower = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-8", occupation: "6-18-02-04", level: .level4, id: id, county: 140524, issuedOn: 20200301))
                let upper = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-8", occupation: "6-18-02-04", level: .level3, id: id, county: 140524, issuedOn: 20210301))
                #expect(upper.superseded == [lower.number])
                // A second person whose upgrade stands: their lower certificate stays superseded.
                let other = TestIDs.make(birth: "19860606", sequence: 313)
                let otherLower = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-8", occupation: "6-18-02-04", level: .level5, id: other, county: 140524, issuedOn: 20200301))
                let otherUpper = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-8", occupation: "6-18-02-04", level: .level4, id: other, county: 140524, issuedOn: 20210301))
                let otherTop = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-8", occupation: "6-18-02-04", level: .level2, id: other, county: 140524, issuedOn: 20220301))
                _ = try await client.unary(EvaluationService.revokeCertificate, .init(number: upper.number, reason: "exam fraud"))
                _ = try await client.unary(EvaluationService.revokeCertificate, .init(number: otherTop.number, reason: "exam fraud"))

                let today = try await client.unary(EvaluationService.counts, CountsRequest(asOf: EvaluationHarness.today))
                #expect(today.skilledWorkers == 2)
                #expect(today.highSkill == 0)
                let restored = try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: lower.number))
                #expect(restored.state == .valid)
                // The other's level 4 is valid again, and still supersedes their level 5.
                #expect(try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: otherUpper.number)).state == .valid)
                #expect(try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: otherLower.number)).state == .superseded)
                // Every date in between counts both once.
                for day: Int32 in [20200301, 20210228, 20210301, 20220301, 20250101] {
                    #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: day)).skilledWorkers == 2, "on \(day)")
                }
            }
        }
    }

    /// A lower certificate issued after a higher one of its line counts only once nothing
    /// higher holds its holder: revoking the higher one gives it the days from the revocation
    /// on. It once got its days before too, and the holder moved to its county on dates
    /// already reported (found by the random histories, seed 20261800).
    @Test(arguments: TestDatabases.backends)
    func aRevocationChangesNoFigureForTheDaysBeforeIt(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-9", scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                ]))
                let id = TestIDs.make(birth: "19850505", sequence: 317)
                let higher = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-9", occupation: "6-18-02-04", level: .level3, id: id, county: 140524, issuedOn: 20200301))
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "C-9", occupation: "6-18-02-04", level: .level5, id: id, county: 140581, issuedOn: 20210301))
                func counts(_ day: Int32) async throws -> [Int32: UInt64] {
                    var result: [Int32: UInt64] = [:]
                    for county: Int32 in [140524, 140581] {
                        result[county] = try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: day)).skilledWorkers
                    }
                    return result
                }
                let days: [Int32] = [20200301, 20210301, 20220101, 20261031]
                var before: [Int32: [Int32: UInt64]] = [:]
                for day in days { before[day] = try await counts(day) }
                #expect(before[20220101] == [140524: 1, 140581: 0])
                _ = try await client.unary(EvaluationService.revokeCertificate, .init(number: higher.number, reason: "exam fraud"))
                for day in days { #expect(try await counts(day) == before[day], "on \(day)") }
                // From the revocation (today) the lower one holds them, in its county.
                #expect(try await counts(EvaluationHarness.today) == [140524: 0, 140581: 1])
            }
        }
    }

    /// Institutions "as of 2020-12-31" once showed today's: registered later, or suspended
    /// since, they were counted as they are now. The harness's today is 2026-11-01; an
    /// institution counts from the day it was approved, or registered when no date is given.
    @Test(arguments: TestDatabases.backends)
    func institutionsCountInTheStateTheyWereInOnTheDate(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                func institutions(_ day: Int32, county: Int32 = 0) async throws -> [String] {
                    try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: day)).institutions
                        .map { "\($0.type)/\($0.status)=\($0.count)" }
                }
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-7", county: 140525, scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                ], approvedOn: 0))
                #expect(try await institutions(20261031) == [])
                let approved = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-6", county: 140524, scope: [], approvedOn: 20200615))
                #expect(approved.institution.approvedOn == 20200615)
                #expect(try await institutions(20200614, county: 140524) == [])
                #expect(try await institutions(20200615, county: 140524) == ["social_organisation/active=1"])
                #expect(try await institutions(EvaluationHarness.today) == ["social_organisation/active=2"])
                #expect(try await institutions(EvaluationHarness.today, county: 140525) == ["social_organisation/active=1"])
                #expect(try await institutions(EvaluationHarness.today, county: 140522) == [])
                _ = try await client.unary(EvaluationService.setInstitutionStatus, InstitutionStatusChange(code: "C-7", status: .suspended, reason: "audit"))
                #expect(try await institutions(EvaluationHarness.today, county: 140525) == ["social_organisation/suspended=1"])
                #expect(try await institutions(20261031, county: 140525) == [])
                // Registering it again (new details) keeps its status.
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "C-7", county: 140525, scope: [], approvedOn: 0))
                #expect(try await institutions(EvaluationHarness.today, county: 140525) == ["social_organisation/suspended=1"])
            }
        }
    }

    /// A person holding valid certificates in two counties once counted in both: the county
    /// figures added up to more than the city's. Now they count in the county of their most
    /// recent valid certificate (docs/NUMBERS.md, "One county per person").
    @Test(arguments: TestDatabases.backends)
    func aPersonCountsInOneCountyOnEachDate(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "CITY-2", type: .cityCentre, county: 140500, scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard),
                    ScopeEntry(occupation: "6-31-01-03", levels: SkillLevel.standard),
                ]))
                let id = TestIDs.make(birth: "19820202", sequence: 321)
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "CITY-2", occupation: "6-18-02-04", level: .level3, id: id, county: 140524, issuedOn: 20200301))
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "CITY-2", occupation: "6-31-01-03", level: .level4, id: id, county: 140525, issuedOn: 20210301))
                func counts(_ county: Int32, _ day: Int32) async throws -> (UInt64, UInt64) {
                    let counts = try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: day))
                    return (counts.skilledWorkers, counts.highSkill)
                }
                // 2020: in 140524, where their only certificate is (high skill).
                #expect(try await counts(140524, 20200601) == (1, 1))
                #expect(try await counts(140525, 20200601) == (0, 0))
                // From 2021-03-01: in 140525, the most recent; still high-skill through the level 3.
                #expect(try await counts(140524, 20210601) == (0, 0))
                #expect(try await counts(140525, 20210601) == (1, 1))
                #expect(try await counts(0, 20210601) == (1, 1))
            }
        }
    }
}

