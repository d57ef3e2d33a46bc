import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: declared baseline stock and historical certificates, each person counted once")
struct EvaluationBaselineTests {
    static let welder = "6-18-02-04"

    static func historical(_ number: String, id: String, level: SkillLevel, county: Int32 = 140524, issuedOn: Int32 = 20150601,
                           preSystem: Bool = true, line: UInt32 = 2) -> CertificateImportRow {
        CertificateImportRow(line: line, number: number, certificate: .sample(
            institution: "CLOSED-1998", level: level, id: id, county: county, issuedOn: issuedOn), preSystem: preSystem)
    }

    static func importRows(_ rows: [CertificateImportRow], _ client: RPCClient) async throws -> ImportSummary {
        try await client.clientStreaming(EvaluationService.importCertificates) { writer in
            try await writer.send(CertificateImportBatch(rows: rows))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func baselineAndInSystemHoldersAreNotDoubleCounted(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                // Lingchuan declares 100 persons at level 4 and 40 at level 3 as of 2019-12-31.
                let declared = try await client.unary(EvaluationService.declareBaseline,
                                                      BaselineDeclaration(county: 140524, level: .level4, persons: 100, asOf: 20191231))
                #expect(declared.counted == 100)
                _ = try await client.unary(EvaluationService.declareBaseline,
                                           BaselineDeclaration(county: 140524, level: .level3, persons: 40, asOf: 20191231))
                // Declaring the same again changes nothing (idempotent).
                _ = try await client.unary(EvaluationService.declareBaseline,
                                           BaselineDeclaration(county: 140524, level: .level3, persons: 40, asOf: 20191231))
                var counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231))
                #expect(counts.skilledWorkers == 140)
                #expect(counts.highSkill == 40)
                #expect(counts.inSystemSkilledWorkers == 0)
                // Before the stock date the baseline is not counted.
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20190101)).skilledWorkers == 0)

                // Two baseline persons' historical certificates are imported (one of them has two,
                // a level 4 and then a level 3 in the same occupation), and one person who is not
                // in the baseline (certified in 2020, after the stock date).
                let a = TestIDs.make(birth: "19800101", sequence: 11)
                let b = TestIDs.make(birth: "19810101", sequence: 13)
                let c = TestIDs.make(birth: "19820101", sequence: 15)
                let summary = try await Self.importRows([
                    Self.historical("H-0001", id: a, level: .level4, issuedOn: 20120301, line: 2),
                    Self.historical("H-0002", id: a, level: .level3, issuedOn: 20160301, line: 3),
                    Self.historical("H-0003", id: b, level: .level4, line: 4),
                    Self.historical("H-0004", id: c, level: .level5, issuedOn: 20200601, preSystem: false, line: 5),
                ], client)
                #expect(summary.accepted == 4)
                #expect(summary.rejected == 0)
                counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231))
                #expect(counts.inSystemSkilledWorkers == 3)
                // a moved from the level-3 place (her highest), b from level 4; c adds one.
                #expect(counts.baselineSkilledWorkers == 138)
                #expect(counts.skilledWorkers == 141)
                #expect(counts.baselineHighSkill == 39)
                #expect(counts.highSkill == 40)
                let lingchuan = try await client.unary(EvaluationService.counts, CountsRequest(county: 140524, asOf: 20211231))
                #expect(lingchuan.skilledWorkers == 141)
                let baseline = try await client.unary(EvaluationService.baseline, BaselineRequest(county: 140524))
                #expect(baseline.entries.map { "\($0.level)=\($0.declared)-\($0.claimed)" } == ["level4=100-1", "level3=40-1"])

                // Importing the same file again adds nothing and counts nothing twice.
                let again = try await Self.importRows([
                    Self.historical("H-0001", id: a, level: .level4, issuedOn: 20120301),
                    Self.historical("H-0003", id: b, level: .level4),
                ], client)
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == 2)
                #expect(try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231)).skilledWorkers == 141)

                // The level-4 certificate was superseded by the later level 3.
                let superseded = try await client.unary(EvaluationService.verifyCertificate,
                                                        CertificateVerificationRequest(number: "H-0001", holderName: "王晓明"))
                #expect(superseded.state == .superseded)
            }
            // Only the evaluation centre declares a baseline.
            try await harness.client("gateway") { client in
                let denied = await #expect(throws: RPCError.self) {
                    try await client.unary(EvaluationService.declareBaseline,
                                           BaselineDeclaration(county: 140524, level: .level4, persons: 1, asOf: 20191231))
                }
                #expect(denied?.code == .permissionDenied)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aClaimMovesUpAcrossImportsAndNeverDown(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                for (county, level) in [(Int32(140524), SkillLevel.level4), (140524, .level3), (140525, .level3)] {
                    _ = try await client.unary(EvaluationService.declareBaseline,
                                               BaselineDeclaration(county: county, level: level, persons: 10, asOf: 20191231))
                }
                func claimed() async throws -> [String] {
                    try await client.unary(EvaluationService.baseline, BaselineRequest(county: 0)).entries
                        .map { "\($0.county)/\($0.level)=\($0.claimed)" }
                }
                let a = TestIDs.make(birth: "19800101", sequence: 41)
                let b = TestIDs.make(birth: "19810101", sequence: 43)
                // b brings two level-3 certificates from two counties at once: the earlier claims.
                var first = [
                    Self.historical("C-1", id: a, level: .level4, issuedOn: 20120301, line: 2),
                    Self.historical("C-2", id: b, level: .level3, county: 140525, issuedOn: 20140301, line: 3),
                    Self.historical("C-3", id: b, level: .level3, issuedOn: 20130301, line: 4),
                ]
                first[2].certificate.occupation = "6-31-01-03"
                #expect(try await Self.importRows(first, client).accepted == 3)
                #expect(try await claimed() == ["140524/level4=1", "140524/level3=1", "140525/level3=0"])

                // Later imports: a's higher level moves her claim; a lower level, an equal level
                // elsewhere and a certificate that is not pre-system move nothing.
                var second = [
                    Self.historical("C-4", id: a, level: .level3, county: 140525, issuedOn: 20160301, line: 2),
                    Self.historical("C-5", id: a, level: .level5, issuedOn: 20100301, line: 3),
                    Self.historical("C-6", id: b, level: .level3, county: 140525, issuedOn: 20150301, line: 4),
                    Self.historical("C-7", id: b, level: .level1, county: 140525, issuedOn: 20200301, preSystem: false, line: 5),
                ]
                second[1].certificate.occupation = "6-31-01-03"
                second[2].certificate.occupation = "4-03-02-01"
                #expect(try await Self.importRows(second, client).accepted == 4)
                #expect(try await claimed() == ["140524/level4=0", "140524/level3=1", "140525/level3=1"])
                // Each of the two counted once, through their certificates.
                let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: 20211231))
                #expect(counts.baselineSkilledWorkers == 30 - 2)
                #expect(counts.inSystemSkilledWorkers == 2)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func importReportsBadRowsByLineAndColumn(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                var noCounty = Self.historical("H-1", id: TestIDs.make(birth: "19800101", sequence: 21), level: .level4, county: 0, line: 3)
                noCounty.certificate.county = 0
                let summary = try await Self.importRows([
                    Self.historical("H-0", id: TestIDs.make(birth: "19800101", sequence: 23), level: .level4, line: 2),
                    noCounty,
                    Self.historical("JCC202100000001", id: TestIDs.make(birth: "19800101", sequence: 25), level: .level4, line: 4),
                    Self.historical("H-3", id: "140524198001010000", level: .level4, line: 5),
                    Self.historical("H-4", id: TestIDs.make(birth: "19800101", sequence: 27), level: .level4, issuedOn: 20300101, line: 6),
                ], client)
                #expect(summary.accepted == 1)
                #expect(summary.rejected == 4)
                #expect(summary.errors.map { "\($0.line):\($0.column)" } == ["3:county", "4:number", "5:holder_id_number", "6:issued_on"])
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func mutualRecognitionAndEngineeringTitles(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "R-1", scope: [
                    ScopeEntry(occupation: Self.welder, levels: SkillLevel.standard),
                    ScopeEntry(occupation: "6-31-01-03", levels: SkillLevel.standard),
                ]))
                let id = TestIDs.make(birth: "19850101", sequence: 31)
                let qualification = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "R-1", kind: .vocationalQualification, level: .level2, id: id, issuedOn: 20200601))
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "R-1", occupation: "6-31-01-03", level: .level4, id: id, issuedOn: 20210601))
                let person = try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: id))
                #expect(person.certificates.count == 2)
                let first = try #require(person.certificates.first)
                #expect(first.certificate.number == qualification.number)
                #expect(first.equivalentKind == .skillLevel)
                #expect(first.equivalentLevel == .level2)
                #expect(first.engineeringTitle == "工程师")
                #expect(person.certificates.last?.engineeringTitle == "")
                #expect(person.highestLevel == .level2)
                #expect(person.engineeringTitle == "工程师")

                // Level 1 bridges to 高级工程师, level 3 to 助理工程师.
                let other = TestIDs.make(birth: "19860101", sequence: 33)
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "R-1", level: .level3, id: other))
                #expect(try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: other)).engineeringTitle == "助理工程师")
                _ = try await client.unary(EvaluationService.issueCertificate, .sample(institution: "R-1", level: .level1, id: other))
                let upgraded = try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: other))
                #expect(upgraded.engineeringTitle == "高级工程师")
                // The superseded level 3 is no longer a valid certificate of theirs.
                #expect(upgraded.certificates.count == 1)
            }
        }
    }
}
