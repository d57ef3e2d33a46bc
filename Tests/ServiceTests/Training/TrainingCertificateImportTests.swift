import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// A provider's file of certificates after training (`ImportCertificatesAfter`), confirmed with a
/// real evaluation service in one `VerifyCertificates` call a message: each rule of
/// `RecordCertificate` per row with line, column and rule; counted from the certificate's day;
/// the same file again changes nothing; a county office only for its county's courses.
@Suite("Training: a file of certificates after training", .timeLimit(.minutes(2)))
struct TrainingCertificateImportTests {
    @Test(arguments: TestDatabases.backends)
    func eachRowIsRecordedOrRefusedByItsRule(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let ids = (501...503).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await withTestClient(harness.evaluation, as: "admin") { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "T-1", scope: TrainingCertificateTests.scope))
            }
            let certificate = try await TrainingCertificateTests.issue(harness, to: ids[0], on: 20210420)
            let tooEarly = try await TrainingCertificateTests.issue(harness, to: ids[2], on: 20210201)

            // The evaluation service answers a batch in order, an unknown number as unknown.
            try await withTestClient(harness.evaluation, as: "county-140525") { client in
                let answers = try await client.unary(EvaluationService.verifyCertificates, CertificateVerificationBatch(requests: [
                    CertificateVerificationRequest(number: "JCNOSUCH", holderIDNumber: ids[0]),
                    CertificateVerificationRequest(number: certificate, holderIDNumber: ids[0]),
                    CertificateVerificationRequest(number: certificate, holderIDNumber: ids[1]),
                ])).answers
                #expect(answers.map(\.state) == [.unknown, .valid, .unknown])
                #expect(answers[1].issuedOn == 20210420)
                let tooMany = await TrainingEnrolmentTests.refusal {
                    _ = try await client.unary(EvaluationService.verifyCertificates, CertificateVerificationBatch(
                        requests: Array(repeating: CertificateVerificationRequest(number: certificate, holderIDNumber: ids[0]), count: CertificateVerificationBatch.limit + 1)))
                }
                #expect(tooMany?.code == .invalidArgument)
            }

            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "KG", programme: .keyGroupSubsidised))
                var numbers: [String] = []
                for id in ids {
                    let number = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "KG", idNumber: id)).number
                    var result = TrainingResult()
                    result.enrolmentNumber = number
                    result.completedOn = 20210331
                    result.passed = true
                    _ = try await client.unary(TrainingService.recordResult, result)
                    numbers.append(number)
                }
                func upload(_ rows: [(String, String)]) async throws -> ImportSummary {
                    try await client.clientStreaming(TrainingService.importCertificatesAfter) { writer in
                        try await writer.send(CertificateAfterTrainingBatch(rows: rows.enumerated().map {
                            CertificateAfterTrainingRow(line: UInt32($0.offset + 2), certificate: CertificateAfterTraining(enrolmentNumber: $0.element.0, certificateNumber: $0.element.1))
                        }))
                    }
                }
                let rows = [
                    (numbers[0], certificate),
                    (numbers[1], certificate),      // someone else's
                    (numbers[2], tooEarly),         // issued before the course began
                    ("TR2021999999", certificate),
                    (numbers[1], " "),
                ]
                let summary = try await upload(rows)
                #expect(summary.received == 5)
                #expect(summary.accepted == 1)
                #expect(summary.errors.map { "\($0.line) \($0.column)" } == [
                    "3 certificate_number", "4 certificate_number", "5 enrolment_number", "6 certificate_number",
                ])
                #expect(summary.errors.prefix(2).map { String($0.reason.prefix { $0 != ":" }) } == ["certificate_holder", "certificate_after_training"])

                func certified(_ day: Int32) async throws -> UInt64 {
                    try await client.unary(TrainingService.counts, CountsRequest(asOf: day, year: 2021)).keyGroupCertified
                }
                #expect(try await certified(20210419) == 0)
                #expect(try await certified(20210420) == 1)
                #expect(try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: ids[0])).courses.first?.result.certificateNumber == certificate)

                let again = try await upload(Array(rows.prefix(1)))
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == 1)
                #expect(try await certified(20211231) == 1)
            }
            // A county office records certificates only for its county's courses (KG is 140524's).
            try await harness.client("county-140525") { client in
                let numbers = try await harness.client { admin in
                    try await admin.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: ids[0])).courses.map(\.enrolmentNumber)
                }
                let summary = try await client.clientStreaming(TrainingService.importCertificatesAfter) { writer in
                    try await writer.send(CertificateAfterTrainingBatch(rows: [
                        CertificateAfterTrainingRow(line: 2, certificate: CertificateAfterTraining(enrolmentNumber: numbers[0], certificateNumber: certificate)),
                    ]))
                }
                #expect(summary.accepted == 0)
                #expect(summary.errors.first?.reason.contains("only of courses of county 140525") == true)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func withoutTheEvaluationServiceNothingIsRecorded(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend, evaluationDown: true) { harness in
            let id = TestIDs.make(birth: "19900101", sequence: 504)
            try await TrainingEnrolmentTests.register(harness, id, keyGroups: [])
            let number = try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "W"))
                return try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "W", idNumber: id)).number
            }
            try await harness.client { client in
                let error = await TrainingEnrolmentTests.refusal {
                    _ = try await client.clientStreaming(TrainingService.importCertificatesAfter, options: CallOptions(timeout: .seconds(5))) { writer in
                        try await writer.send(CertificateAfterTrainingBatch(rows: [
                            CertificateAfterTrainingRow(line: 2, certificate: CertificateAfterTraining(enrolmentNumber: number, certificateNumber: "JC1")),
                        ]))
                    }
                }
                #expect(error?.code == .unavailable)
            }
            let rows = try await harness.store.read { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM certificates_after", []).first!.int64("n") }
            #expect(rows == 0)
        }
    }
}
