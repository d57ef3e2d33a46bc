import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// A year's training figures against hand-computed values, a course with no results among them.
@Suite("Training: the year's figures", .timeLimit(.minutes(2)))
struct TrainingIndicatorTests {
    @Test(arguments: TestDatabases.backends)
    func figuresOfHandBuiltCourses(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let ids = (441...445).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await harness.client { client in
                var free = Course.sample(code: "A", programme: .keyGroupSubsidised, county: 140524, subsidy: 800)
                free.providerCreditCode = TestCreditCodes.make(711)
                var online = Course.sample(code: "B", county: 140525, startsOn: 20210601, endsOn: 20210630, subsidy: 0)
                online.mode = .internetPlus
                online.providerCreditCode = TestCreditCodes.make(712)
                let nextYear = Course.sample(code: "C", startsOn: 20220301, endsOn: 20220331)
                for course in [free, online, nextYear] { _ = try await client.unary(TrainingService.registerCourse, course) }
                var numbers: [String] = []
                for id in ids.prefix(3) {
                    numbers.append(try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "A", idNumber: id)).number)
                }
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "B", idNumber: ids[3]))
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "C", idNumber: ids[4]))
                for (index, (passed, employed)) in [(true, true), (true, false), (false, false)].enumerated() {
                    var result = TrainingResult()
                    result.enrolmentNumber = numbers[index]
                    result.completedOn = 20210331
                    result.passed = passed
                    if employed {
                        result.selfEmployed = true
                        result.employedOn = 20210501
                    }
                    _ = try await client.unary(TrainingService.recordResult, result)
                }

                let city = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021))
                #expect(city.total.enrolled == 4)
                #expect(city.total.completed == 3)
                #expect(city.total.passed == 2)
                #expect(city.total.employed == 1)
                #expect(city.total.passRate == 6_666)       // 2 of 3, rounded down
                #expect(city.total.employmentRate == 3_333)  // 1 of 3
                #expect(city.total.subsidyDue == 1_600)      // 2 passed × 800
                let providers = city.lines.filter { $0.dimension == "provider" }
                #expect(providers.map(\.key) == [TestCreditCodes.make(711), TestCreditCodes.make(712)].sorted())
                #expect(providers.first { $0.key == TestCreditCodes.make(711) }?.flags == ["pass_rate"])
                // No results yet: no rates, no flags.
                let waiting = providers.first { $0.key == TestCreditCodes.make(712) }
                #expect(waiting?.figures.enrolled == 1)
                #expect(waiting?.figures.passRate == 0)
                #expect(waiting?.flags == [])
                #expect(city.lines.filter { $0.dimension == "programme" }.map { "\($0.key)=\($0.figures.enrolled)" }
                    == ["first_certificate=1", "key_group_subsidised=3"])
                #expect(city.lines.filter { $0.dimension == "mode" }.map { "\($0.key)=\($0.figures.enrolled)" } == ["3=3", "5=1"])

                // Counties: each course in its own.
                let zezhou = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021, county: 140525))
                #expect(zezhou.total.enrolled == 1)
                #expect(zezhou.total.completed == 0)
                let other = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021, county: 140524))
                #expect(other.total.enrolled == 3)
                #expect(other.total.subsidyDue == 1_600)
                #expect(try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2022)).total.enrolled == 1)
            }
        }
    }
}
