import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// Results as providers report them: a pass gets a completion number once, the same result
/// again changes nothing, a file's bad rows come back by line and column.
@Suite("Training: results", .timeLimit(.minutes(2)))
struct TrainingResultTests {
    @Test(arguments: TestDatabases.backends)
    func resultsOneByOneAndByFile(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            var numbers: [String] = []
            for sequence in 431...433 {
                let id = TestIDs.make(birth: "19900101", sequence: sequence)
                try await TrainingEnrolmentTests.register(harness, id, keyGroups: [])
            }
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "R-1"))
                for sequence in 431...433 {
                    numbers.append(try await client.unary(TrainingService.enrol, EnrolmentRequest(
                        courseCode: "R-1", idNumber: TestIDs.make(birth: "19900101", sequence: sequence))).number)
                }
                var pass = TrainingResult()
                pass.enrolmentNumber = numbers[0]
                pass.completedOn = 20210331
                pass.passed = true
                pass.employerCreditCode = TestCreditCodes.make(702)
                pass.employedOn = 20210415
                let first = try await client.unary(TrainingService.recordResult, pass)
                #expect(first.completionNumber.hasPrefix("TC2021"))
                #expect(try await client.unary(TrainingService.recordResult, pass).completionNumber == first.completionNumber)

                var fail = TrainingResult()
                fail.enrolmentNumber = numbers[1]
                fail.completedOn = 20210331
                #expect(try await client.unary(TrainingService.recordResult, fail).completionNumber == "")

                var both = pass
                both.selfEmployed = true
                let conflict = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.recordResult, both) }
                #expect(conflict?.code == .invalidArgument)
                #expect(conflict?.message.hasPrefix("self_employed:") == true)

                // A file: one new pass, one unchanged, one unknown enrolment, one completed before the course.
                var third = pass
                third.enrolmentNumber = numbers[2]
                var early = fail
                early.completedOn = 20210101
                var unknown = fail
                unknown.enrolmentNumber = "TR202199999999"
                let rows = [TrainingResultRow(line: 2, result: third), TrainingResultRow(line: 3, result: pass),
                            TrainingResultRow(line: 4, result: unknown), TrainingResultRow(line: 5, result: early)]
                let summary = try await client.clientStreaming(TrainingService.importResults) { writer in
                    try await writer.send(TrainingResultBatch(rows: rows))
                }
                #expect(summary.received == 4)
                #expect(summary.accepted == 1)
                #expect(summary.alreadyRegistered == 1)
                #expect(summary.errors.map { "\($0.line) \($0.column)" } == ["4 enrolment_number", "5 completed_on"])
                // The same file again: nothing new.
                let again = try await client.clientStreaming(TrainingService.importResults) { writer in
                    try await writer.send(TrainingResultBatch(rows: rows))
                }
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == 2)
            }
            // A county office reports only its own county's courses' results.
            try await harness.client("county-140525") { client in
                var other = TrainingResult()
                other.enrolmentNumber = numbers[1]
                other.completedOn = 20210331
                let refused = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.recordResult, other) }
                #expect(refused?.code == .permissionDenied)
            }
        }
    }
}
