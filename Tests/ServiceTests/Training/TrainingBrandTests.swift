import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// Labour brands: levels reached by year, people trained and placed by their courses, and the
/// counties the plan's deadlines still find without one — checked by hand.
@Suite("Training: labour brands", .timeLimit(.minutes(2)))
struct TrainingBrandTests {
    @Test(arguments: TestDatabases.backends)
    func brandsTheirPeopleAndTheCountiesLackingOne(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let ids = (481...483).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: []) }
            try await harness.client { client in
                var forklift = LabourBrand.sample(code: "QIYUAN-FORKLIFT", name: "陵川 棋源叉车工", county: 140524,
                                                  occupation: "6-30-05-01", recognitions: [BrandRecognition(level: .city, year: 2020)])
                _ = try await client.unary(TrainingService.registerBrand, forklift)
                // Recognised higher later: registered again, up to national.
                forklift.recognitions += [BrandRecognition(level: .provincial, year: 2021), BrandRecognition(level: .national, year: 2023)]
                #expect(try await client.unary(TrainingService.registerBrand, forklift).level == .national)
                let late = LabourBrand.sample(code: "ZEZHOU-COOK", name: "泽州厨师", county: 140525,
                                              recognitions: [BrandRecognition(level: .city, year: 2021)])
                _ = try await client.unary(TrainingService.registerBrand, late)
                var backwards = late
                backwards.recognitions = [BrandRecognition(level: .city, year: 2022), BrandRecognition(level: .provincial, year: 2021)]
                let refused = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.registerBrand, backwards) }
                #expect(refused?.message.hasPrefix("recognitions:") == true)

                var course = Course.sample(code: "FORK-1")
                course.labourBrand = "QIYUAN-FORKLIFT"
                _ = try await client.unary(TrainingService.registerCourse, course)
                var unknown = Course.sample(code: "FORK-2")
                unknown.labourBrand = "NO-SUCH-BRAND"
                #expect(await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.registerCourse, unknown) }?.message.hasPrefix("labour_brand:") == true)
                var numbers: [String] = []
                for id in ids { numbers.append(try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "FORK-1", idNumber: id)).number) }
                var placed = TrainingResult()
                placed.enrolmentNumber = numbers[0]
                placed.completedOn = 20210331
                placed.passed = true
                placed.selfEmployed = true
                placed.employedOn = 20210410
                _ = try await client.unary(TrainingService.recordResult, placed)

                let report = try await client.unary(TrainingService.labourBrands, LabourBrandsRequest())
                #expect(report.brands.map(\.brand.code) == ["QIYUAN-FORKLIFT", "ZEZHOU-COOK"])
                let years = report.brands[0].years.map { "\($0.year): \($0.trained) trained, \($0.placed) placed" }
                #expect(years == ["2021: 3 trained, 1 placed"])
                // 泽州's city-level brand came in 2021: late for 2020; nobody else has one.
                #expect(report.countiesLackingCityBrand == [140502, 140521, 140522, 140525, 140581])
                #expect(report.countiesLackingProvincialBrand == [140502, 140521, 140522, 140525, 140581])
            }
        }
    }
}
