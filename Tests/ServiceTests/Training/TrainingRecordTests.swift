import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// A person's lifelong record shows exactly their courses, results and certificates — from the
/// training and the evaluation service together — to the roles allowed, and is audited.
@Suite("Training: a person's lifelong record", .timeLimit(.minutes(2)))
struct TrainingRecordTests {
    @Test(arguments: TestDatabases.backends)
    func exactlyThePersonsCoursesAndCertificates(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let person = TestIDs.make(birth: "19900101", sequence: 491)
            let other = TestIDs.make(birth: "19900101", sequence: 492)
            for id in [person, other] { try await TrainingEnrolmentTests.register(harness, id, keyGroups: []) }
            try await withTestClient(harness.evaluation, as: "admin") { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "T-1", scope: TrainingCertificateTests.scope))
            }
            let certificate = try await TrainingCertificateTests.issue(harness, to: person, on: 20210420)
            _ = try await TrainingCertificateTests.issue(harness, to: other, on: 20210420)
            try await harness.client { client in
                for course in [Course.sample(code: "REC-1"), .sample(code: "REC-2", startsOn: 20210601, endsOn: 20210630)] {
                    _ = try await client.unary(TrainingService.registerCourse, course)
                }
                let first = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "REC-1", idNumber: person)).number
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "REC-2", idNumber: person))
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "REC-2", idNumber: other))
                var result = TrainingResult()
                result.enrolmentNumber = first
                result.completedOn = 20210331
                result.passed = true
                _ = try await client.unary(TrainingService.recordResult, result)
                _ = try await client.unary(TrainingService.recordCertificate, CertificateAfterTraining(enrolmentNumber: first, certificateNumber: certificate))

                let record = try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: person))
                #expect(record.courses.map(\.course.code) == ["REC-1", "REC-2"])
                #expect(record.courses[0].result.result.passed)
                #expect(record.courses[0].result.certificateNumber == certificate)
                #expect(record.courses[1].result.completionNumber == "")
                #expect(record.certificatesKnown)
                #expect(record.certificates.certificates.map(\.certificate.number) == [certificate])
            }
            // Not for county offices; audited for those who may.
            try await harness.client("county-140524") { client in
                let refused = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: person)) }
                #expect(refused?.code == .permissionDenied)
            }
            let shown = try await harness.store.auditLog(AuditQuery(principal: "jcskills://admin", limit: 1000)).entries
                .filter { $0.entity == "person_record" }
            #expect(shown.count == 1)
        }
    }
}
