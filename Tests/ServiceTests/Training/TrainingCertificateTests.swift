import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// Certificates obtained after training, confirmed with a real evaluation service by number
/// and the trainee's ID number.
@Suite("Training: certificates after training", .timeLimit(.minutes(2)))
struct TrainingCertificateTests {
    static let scope = [ScopeEntry(occupation: "6-18-02-04", levels: SkillLevel.standard)]

    static func issue(_ harness: TrainingHarness, to id: String, on day: Int32) async throws -> String {
        try await withTestClient(harness.evaluation, as: "admin") { client in
            try await client.unary(EvaluationService.issueCertificate, .sample(institution: "T-1", level: .level5, id: id, issuedOn: day)).number
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCertificateIsRecordedOnceTheEvaluationServiceConfirmsIt(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let trainee = TestIDs.make(birth: "19900101", sequence: 451)
            let someoneElse = TestIDs.make(birth: "19900101", sequence: 452)
            try await TrainingEnrolmentTests.register(harness, trainee, keyGroups: [])
            try await withTestClient(harness.evaluation, as: "admin") { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "T-1", scope: Self.scope))
            }
            let after = try await Self.issue(harness, to: trainee, on: 20210420)
            let before = try await Self.issue(harness, to: trainee, on: 20210201)
            let theirs = try await Self.issue(harness, to: someoneElse, on: 20210420)
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "W-1"))
                let enrolment = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "W-1", idNumber: trainee)).number
                var result = TrainingResult()
                result.enrolmentNumber = enrolment
                result.completedOn = 20210331
                result.passed = true
                _ = try await client.unary(TrainingService.recordResult, result)

                func record(_ number: String) async throws -> TrainingResultView {
                    try await client.unary(TrainingService.recordCertificate, CertificateAfterTraining(enrolmentNumber: enrolment, certificateNumber: number))
                }
                let wrongHolder = await TrainingEnrolmentTests.refusal { _ = try await record(theirs) }
                #expect(wrongHolder?.message.hasPrefix("certificate_holder:") == true)
                let tooEarly = await TrainingEnrolmentTests.refusal { _ = try await record(before) }
                #expect(tooEarly?.message.hasPrefix("certificate_after_training:") == true)
                let recorded = try await record(after)
                #expect(recorded.certificateNumber == after)
                #expect(recorded.completionNumber.hasPrefix("TC2021"))

                let figures = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021)).total
                #expect(figures.certified == 1)
                #expect(figures.certificateRate == 10_000)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func withoutTheEvaluationServiceNothingIsRecorded(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend, evaluationDown: true) { harness in
            let trainee = TestIDs.make(birth: "19900101", sequence: 461)
            try await TrainingEnrolmentTests.register(harness, trainee, keyGroups: [])
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "W-2"))
                let enrolment = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "W-2", idNumber: trainee)).number
                let error = await TrainingEnrolmentTests.refusal {
                    _ = try await client.unary(TrainingService.recordCertificate, CertificateAfterTraining(enrolmentNumber: enrolment, certificateNumber: "JCC202100000001"),
                                               options: CallOptions(timeout: .seconds(3)))
                }
                #expect(error?.code == .unavailable)
            }
            let rows = try await harness.store.read { db in try await db.nativeRows("SELECT COUNT(*) AS n FROM certificates_after", []).first!.int64("n") }
            #expect(rows == 0)
        }
    }
}

/// The evaluation service's side: by ID number, it answers only for the holder.
@Suite("Evaluation: verifying a certificate by its holder's ID number", .timeLimit(.minutes(2)))
struct CertificateVerificationByIDTests {
    @Test(arguments: TestDatabases.backends)
    func theAnswerIsForTheHolderOnly(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "T-2", scope: TrainingCertificateTests.scope))
                let holder = TestIDs.make(birth: "19880808", sequence: 471)
                let number = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "T-2", level: .level5, id: holder, issuedOn: 20210420)).number
                let answer = try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderIDNumber: holder))
                #expect(answer.state == .valid)
                #expect(answer.kind == .skillLevel)
                #expect(answer.level == .level5)
                #expect(answer.issuedOn == 20210420)
                let stranger = TestIDs.make(birth: "19880808", sequence: 472)
                #expect(try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderIDNumber: stranger)) == CertificateVerification())
                // Both given: both must match.
                #expect(try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderName: "王晓明", holderIDNumber: holder)).state == .valid)
                #expect(try await client.unary(EvaluationService.verifyCertificate, .init(number: number, holderName: "李明", holderIDNumber: holder)).state == .unknown)
            }
        }
    }
}
