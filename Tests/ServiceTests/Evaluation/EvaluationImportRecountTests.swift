import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: imported batches count like certificates issued one by one")
struct EvaluationImportRecountTests {
    @Test(arguments: TestDatabases.backends)
    func importedCountsMatchARecount(backend: TestBackend) async throws {
        var random = SplitMix(state: 20_211_231)
        let occupations = ["6-18-02-04", "6-31-01-03", "6-30-05-01"]
        let counties: [Int32] = [140524, 140525]
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                let holders = (0..<25).map { TestIDs.make(birth: "19\(70 + $0 % 25)0202", sequence: 200 + $0) }
                // Three batches; a holder's certificates spread over them, so later batches meet
                // stored certificates (supersession across batches) as well as their own.
                var batches: [[CertificateImportRow]] = [[], [], []]
                for index in 0..<150 {
                    let holder = Int.random(in: 0..<holders.count, using: &random)
                    let kind = CertificateKind.known.randomElement(using: &random)!
                    let level = kind.hasLevels ? SkillLevel.standard.randomElement(using: &random)! : .unspecified
                    let special = kind == .specialOperations || kind == .specialEquipmentOperator
                    let day = CalendarDate(dayNumber: CalendarDate(year: 2012, month: 1, day: 1)!.dayNumber + Int.random(in: 0..<4_000, using: &random))!
                    var issue = CertificateIssue.sample(
                        institution: "OLD-\(index % 4)", kind: kind, occupation: occupations.randomElement(using: &random)!, level: level,
                        operation: special ? "OP" : "", id: holders[holder], county: counties.randomElement(using: &random)!, issuedOn: day.yyyymmdd)
                    issue.holderName = "持证人\(holder)"
                    let number = "H\(String(format: "%05d", index))"
                    batches[Int.random(in: 0..<3, using: &random)].append(
                        CertificateImportRow(line: UInt32(index + 2), number: number, certificate: issue, preSystem: false))
                }
                // The model: each certificate as given; supersession is settled once all are in.
                var issued: [EvaluationRecountTests.Issued] = []
                for batch in batches {
                    for row in batch {
                        let issue = row.certificate
                        let day = CalendarDate(yyyymmdd: issue.issuedOn)!
                        issued.append(.init(number: row.number, holder: holders.firstIndex(of: issue.holderIDNumber)!, kind: issue.kind,
                                            occupation: issue.occupation, level: issue.level, county: issue.county, issuedOn: day,
                                            expiresOn: issue.kind.validity.expiryDate(issuedOn: day)))
                    }
                    let summary = try await client.clientStreaming(EvaluationService.importCertificates) { writer in
                        // Two messages for one batch's rows: the service writes each message in one transaction.
                        let half = batch.count / 2
                        try await writer.send(CertificateImportBatch(rows: Array(batch[..<half])))
                        try await writer.send(CertificateImportBatch(rows: Array(batch[half...])))
                    }
                    #expect(summary.accepted == UInt64(batch.count))
                    #expect(summary.rejected == 0)
                }
                // Whatever order the batches brought them in, a certificate with a level ends on
                // the earliest issue date of a higher one of its kind and occupation
                // (docs/NUMBERS.md, "Supersession"): before its own issue date, it never counted.
                for index in issued.indices where issued[index].level != .unspecified {
                    let mine = issued[index]
                    issued[index].endedOn = issued.filter {
                        $0.holder == mine.holder && $0.kind == mine.kind && $0.occupation == mine.occupation && $0.level > mine.level
                    }.map(\.issuedOn.yyyymmdd).min()
                }
                let steps = issued.flatMap { [$0.issuedOn.yyyymmdd, $0.expiresOn?.yyyymmdd ?? 0, $0.endedOn ?? 0] }.filter { $0 != 0 }
                let days: [Int32] = [20111231, 20150630, 20191231, 20211231, EvaluationHarness.today] + (0..<20).map { _ in steps.randomElement(using: &random)! }
                for county in [Int32(0)] + counties {
                    for yyyymmdd in days {
                        let day = CalendarDate(yyyymmdd: yyyymmdd)!
                        let expected = issued.counted(in: county, on: day)
                        let counts = try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: yyyymmdd))
                        #expect(counts.skilledWorkers == UInt64(expected.all.count), "county \(county) on \(day)")
                        #expect(counts.highSkill == UInt64(expected.highSkill.count), "county \(county) on \(day)")
                    }
                }
                // Every certificate's recorded state is the model's.
                for certificate in issued.shuffled(using: &random).prefix(30) {
                    let answer = try await client.unary(EvaluationService.verifyCertificate,
                                                        CertificateVerificationRequest(number: certificate.number, holderName: "持证人\(certificate.holder)"))
                    let today = CalendarDate(yyyymmdd: EvaluationHarness.today)!
                    let expected: CertificateState = certificate.endedOn != nil ? .superseded : certificate.valid(on: today) ? .valid : .expired
                    #expect(answer.state == expected, "\(certificate.number)")
                }
            }
        }
    }
}
