import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// Enrolments dated by the provider's records (`enrolled_on`, docs/NUMBERS.md "What the services
/// date"): each rule of the day refused with the field named, a class list and a result file
/// whose messages span several courses and counties counted on their own days — checked by hand
/// on dates between the events, for the city and a county.
@Suite("Training: enrolments on their own days, class lists and result files across courses", .timeLimit(.minutes(2)))
struct TrainingEnrolmentDatesTests {
    @Test(arguments: TestDatabases.backends)
    func enrolmentsCountFromTheirDays(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            // The harness's today is 2020-11-01.
            let ids = (471...476).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await harness.client { client in
                let courses = [
                    Course.sample(code: "KG-A", programme: .keyGroupSubsidised, startsOn: 20200601, endsOn: 20200630),
                    Course.sample(code: "KG-B", programme: .keyGroupSubsidised, county: 140525, startsOn: 20200801, endsOn: 20200820),
                    Course.sample(code: "ENT", programme: .enterpriseEmployeeUpgrade, startsOn: 20200901, endsOn: 20200930, subsidy: 0),
                ]
                for course in courses { _ = try await client.unary(TrainingService.registerCourse, course) }

                for (day, why) in [(Int32(20201102), "in the future"), (20200701, "after course KG-A ended"),
                                   (20190501, "more than a year before"), (20201332, "not a date")] {
                    let refused = await TrainingEnrolmentTests.refusal {
                        _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "KG-A", idNumber: ids[0], enrolledOn: day))
                    }
                    #expect(refused?.code == .invalidArgument, "\(day)")
                    #expect(refused?.message.hasPrefix("enrolled_on:") == true, "\(day)")
                    #expect(refused?.message.contains(why) == true, "\(day): \(refused?.message ?? "")")
                }
                let first = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "KG-A", idNumber: ids[0], enrolledOn: 20200520))
                #expect(first.enrolledOn == 20200520)

                // One message naming three courses in two counties, two rows refused by their day.
                let summary = try await client.clientStreaming(TrainingService.importEnrolments) { writer in
                    try await writer.send(EnrolmentBatch(rows: [
                        EnrolmentRow(line: 2, courseCode: "KG-A", idNumber: ids[1], enrolledOn: 20200525),
                        EnrolmentRow(line: 3, courseCode: "KG-B", idNumber: ids[2], enrolledOn: 20200725),
                        EnrolmentRow(line: 4, courseCode: "ENT", idNumber: ids[3], enrolledOn: 20200815),
                        EnrolmentRow(line: 5, courseCode: "KG-B", idNumber: ids[4], enrolledOn: 20201102),
                        EnrolmentRow(line: 6, courseCode: "ENT", idNumber: ids[4]),
                        EnrolmentRow(line: 7, courseCode: "KG-B", idNumber: ids[5], enrolledOn: 20200821),
                    ]))
                }
                #expect(summary.accepted == 4)
                #expect(summary.errors.map { "\($0.line) \($0.column)" } == ["5 enrolled_on", "7 enrolled_on"])
                let enrolled = try await [courses[0], courses[1], courses[2]].asyncMap {
                    try await client.unary(TrainingService.getCourse, CourseLookup(code: $0.code)).enrolled
                }
                #expect(enrolled == [2, 1, 2])

                func counts(_ day: Int32, county: Int32 = 0) async throws -> TrainingCounts {
                    try await client.unary(TrainingService.counts, CountsRequest(county: county, asOf: day, year: 2020))
                }
                func enrolments(_ day: Int32) async throws -> [UInt64] {
                    let c = try await counts(day)
                    return [c.keyGroupTraining, c.enterpriseTraining]
                }
                #expect(try await enrolments(20200519) == [0, 0])
                #expect(try await enrolments(20200520) == [1, 0])
                #expect(try await enrolments(20200525) == [2, 0])
                #expect(try await enrolments(20200725) == [3, 0])
                #expect(try await enrolments(20200815) == [3, 1])
                #expect(try await enrolments(20201031) == [3, 1])
                #expect(try await enrolments(20201101) == [3, 2])   // line 6: no day given, today
                #expect(try await counts(20201101, county: 140525).keyGroupTraining == 1)
                #expect(try await counts(20201101, county: 140524).keyGroupTraining == 2)

                // One result file message across both key-group courses: a correction of a row
                // within the message (the last one stands) and an unknown number.
                func number(_ id: String) async throws -> String {
                    try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: id)).courses.last?.enrolmentNumber ?? ""
                }
                func result(_ enrolment: String, _ completed: Int32, passed: Bool, jobOn: Int32 = 0) -> TrainingResult {
                    var result = TrainingResult()
                    result.enrolmentNumber = enrolment
                    result.completedOn = completed
                    result.passed = passed
                    if jobOn != 0 {
                        result.selfEmployed = true
                        result.employedOn = jobOn
                    }
                    return result
                }
                let numbers = try await ids.prefix(3).asyncMap { try await number($0) }
                let rows = [
                    result(numbers[0], 20200630, passed: true, jobOn: 20200710),
                    result(numbers[1], 20200630, passed: false),
                    result(numbers[2], 20200820, passed: true),
                    result(numbers[2], 20200820, passed: false),
                    result("TR2020999999", 20200630, passed: true),
                ]
                let results = try await client.clientStreaming(TrainingService.importResults) { writer in
                    try await writer.send(TrainingResultBatch(rows: rows.enumerated().map { TrainingResultRow(line: UInt32($0.offset + 2), result: $0.element) }))
                }
                #expect(results.accepted == 4)
                #expect(results.errors.map { "\($0.line) \($0.column)" } == ["6 enrolment_number"])
                func outcomes(_ day: Int32) async throws -> [UInt64] {
                    let c = try await counts(day)
                    return [c.keyGroupCompleted, c.keyGroupPassed, c.keyGroupEmployed]
                }
                #expect(try await outcomes(20200629) == [0, 0, 0])
                #expect(try await outcomes(20200705) == [2, 1, 0])
                #expect(try await outcomes(20200710) == [2, 1, 1])
                #expect(try await outcomes(20201101) == [3, 1, 1])
                let zone = try await counts(20201101, county: 140525)
                let own = try await counts(20201101, county: 140524)
                #expect([zone.keyGroupCompleted, zone.keyGroupPassed] == [1, 0])
                #expect([own.keyGroupCompleted + zone.keyGroupCompleted, own.keyGroupPassed + zone.keyGroupPassed] == [3, 1])
                let record = try await client.unary(TrainingService.personRecord, PersonRecordRequest(idNumber: ids[2]))
                #expect(record.courses.last?.result.result.passed == false)
                #expect(record.courses.last?.result.completionNumber == "")

                // The file again without its in-message correction: nothing changes.
                let again = try await client.clientStreaming(TrainingService.importResults) { writer in
                    try await writer.send(TrainingResultBatch(rows: [rows[0], rows[1], rows[3]].enumerated().map {
                        TrainingResultRow(line: UInt32($0.offset + 2), result: $0.element)
                    }))
                }
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == 3)
                #expect(try await outcomes(20201101) == [3, 1, 1])
            }
        }
    }
}
