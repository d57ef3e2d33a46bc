import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// Enrolment days through the command-line client (`jcskills training enrol`, the real
/// executable): `--on` for one person, refused in one line naming `enrolled_on` when the day
/// breaks a rule; a class list with the `enrolled_on` column, a bad day a row error in that
/// column; a list in the format before the column enrolled today.
@Suite("Training: enrolment days through the command-line client", .timeLimit(.minutes(5)))
struct TrainingClientDatesTests {
    @Test(arguments: TestDatabases.backends)
    func daysGivenOnTheCommandLineAndInClassLists(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            // The harness's today is 2020-11-01.
            let ids = (481...485).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "JUNE", startsOn: 20200601, endsOn: 20200630))
            }
            func jcskills(_ arguments: [String]) async throws -> (status: Int32?, output: String) {
                try await runClientCommand("training", arguments, endpoint: harness.training)
            }
            func enrolledOn(_ id: String) async throws -> Int32? {
                try await harness.client { client in
                    try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: id)).courses.first?.enrolledOn
                }
            }

            let one = try await jcskills(["enrol", "--course", "JUNE", "--id-number", ids[0], "--on", "2020-05-20"])
            #expect(one.status == 0, "\(one.output)")
            #expect(try await enrolledOn(ids[0]) == 20200520)
            let future = try await jcskills(["enrol", "--course", "JUNE", "--id-number", ids[1], "--on", "2020-11-02"])
            #expect(future.status != 0 && future.output.contains("enrolled_on"), "\(future.output)")
            #expect(try await enrolledOn(ids[1]) == nil)
            let notADay = try await jcskills(["enrol", "--course", "JUNE", "--id-number", ids[1], "--on", "2020-05-32"])
            #expect(notADay.status != 0 && notADay.output.contains("--on"), "\(notADay.output)")

            let directory = try makeTemporaryDirectory("training-class-lists")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let dated = "\(directory)/dated.csv"
            try """
                course_code,id_number,enrolled_on
                JUNE,\(ids[1]),2020-05-25
                JUNE,\(ids[2]),2020-13-01
                JUNE,\(ids[3]),2020-07-01

                """.write(toFile: dated, atomically: true, encoding: .utf8)
            let errors = "\(directory)/errors.csv"
            let list = try await jcskills(["enrol", dated, "--errors", errors])
            #expect(list.status != nil, "\(list.output)")
            #expect(try await enrolledOn(ids[1]) == 20200525)
            #expect(try await enrolledOn(ids[2]) == nil)
            #expect(try await enrolledOn(ids[3]) == nil)
            let refused = try String(contentsOfFile: errors, encoding: .utf8)
            #expect(refused.contains("3,enrolled_on"), "\(refused)")   // not a date: the client's own row error
            #expect(refused.contains("4,enrolled_on"), "\(refused)")   // after the course ended: the service's

            let older = "\(directory)/older.csv"
            try "course_code,id_number\nJUNE,\(ids[4])\n".write(toFile: older, atomically: true, encoding: .utf8)
            let undated = try await jcskills(["enrol", older])
            #expect(undated.status == 0, "\(undated.output)")
            #expect(try await enrolledOn(ids[4]) == 20201101)
        }
    }
}
