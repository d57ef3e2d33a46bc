import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import TrainingService

/// The measures the gateway reads (`Counts`) on dates before, between and after the events of
/// a hand-built year, for the city and two counties; and the subsidy's higher tier when a
/// certificate follows, per course and per labour brand — all checked by hand.
@Suite("Training: the gateway's measures on any date, and the subsidy tiers", .timeLimit(.minutes(2)))
struct TrainingCountsTests {
    @Test(arguments: TestDatabases.backends)
    func measuresOnDatesAndSubsidyTiers(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let ids = (461...465).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await withTestClient(harness.evaluation, as: "admin") { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "T-1", scope: TrainingCertificateTests.scope))
            }
            let certificate = try await TrainingCertificateTests.issue(harness, to: ids[0], on: 20210420)
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerBrand, .sample(
                    code: "QIYUAN-FORKLIFT", name: "陵川 棋源叉车工", county: 140524,
                    recognitions: [BrandRecognition(level: .city, year: 2020), BrandRecognition(level: .provincial, year: 2021)]))
                // The development zone counts in 泽州县.
                _ = try await client.unary(TrainingService.registerBrand, .sample(
                    code: "ZONE-WELDER", name: "开发区焊工", county: 140599, recognitions: [BrandRecognition(level: .city, year: 2021)]))

                var keyGroup = Course.sample(code: "K", programme: .keyGroupSubsidised, county: 140524, subsidy: 800)
                keyGroup.subsidyWithCertificate = 1_200
                keyGroup.labourBrand = "QIYUAN-FORKLIFT"
                let enterprise = Course.sample(code: "E", programme: .enterpriseEmployeeUpgrade, county: 140525, startsOn: 20210601, endsOn: 20210630, subsidy: 0)
                let first = Course.sample(code: "P", programme: .firstCertificate, county: 140599, startsOn: 20201201, endsOn: 20201220)
                for course in [keyGroup, enterprise, first] { _ = try await client.unary(TrainingService.registerCourse, course) }
                var belowStandard = Course.sample(code: "X", subsidy: 800)
                belowStandard.subsidyWithCertificate = 500
                let refused = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.registerCourse, belowStandard) }
                #expect(refused?.code == .invalidArgument)
                #expect(refused?.message.hasPrefix("subsidy_with_certificate:") == true)

                // Everyone enrols today (the harness's clock: 2020-11-01).
                var numbers: [String] = []
                for id in ids.prefix(3) {
                    numbers.append(try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "K", idNumber: id)).number)
                }
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "E", idNumber: ids[3]))
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "P", idNumber: ids[4]))
                for (index, (passed, jobOn)) in [(true, Int32(20210510)), (true, 0), (false, 0)].enumerated() {
                    var result = TrainingResult()
                    result.enrolmentNumber = numbers[index]
                    result.completedOn = 20210331
                    result.passed = passed
                    if jobOn != 0 {
                        result.selfEmployed = true
                        result.employedOn = jobOn
                    }
                    _ = try await client.unary(TrainingService.recordResult, result)
                }
                _ = try await client.unary(TrainingService.recordCertificate, CertificateAfterTraining(enrolmentNumber: numbers[0], certificateNumber: certificate))

                func counts(_ day: Int32, county: Int32 = 0, year: Int32 = 0) async throws -> TrainingCounts {
                    try await client.unary(TrainingService.counts, CountsRequest(county: county, asOf: day, year: year))
                }
                let counties = JinchengDivisions.countyCodes
                // The day before anyone enrolled: only the brand recognised in 2020.
                let before = try await counts(20201031, year: 2021)
                #expect([before.enterpriseTraining, before.keyGroupTraining, before.trainedForCertificate, before.keyGroupCompleted] == [0, 0, 0, 0])
                #expect(before.labourBrands == 1)
                #expect(before.countiesLackingCityBrand == counties.filter { $0 != 140524 })
                #expect(before.countiesLackingProvincialBrand == counties)
                // After the results, before the certificate and the job.
                let april = try await counts(20210401)
                #expect(april.year == 2021)
                #expect(april.enterpriseTraining == 1)
                #expect(april.keyGroupTraining == 3)
                #expect([april.keyGroupCompleted, april.keyGroupPassed, april.keyGroupCertified, april.keyGroupEmployed] == [3, 2, 0, 0])
                #expect(april.trainedForCertificate == 5)   // every course trains for a certificate; 2020's too
                // The year's end: the certificate (2021-04-20) and the job (2021-05-10) count.
                let end = try await counts(20211231)
                #expect([end.keyGroupCompleted, end.keyGroupPassed, end.keyGroupCertified, end.keyGroupEmployed] == [3, 2, 1, 1])
                #expect(end.labourBrands == 2)
                #expect(end.countiesLackingCityBrand == counties.filter { $0 != 140524 && $0 != 140525 })
                #expect(end.countiesLackingProvincialBrand == counties.filter { $0 != 140524 })
                // The year asked is the course's: 2020 has the first-certificate course only.
                let year2020 = try await counts(20211231, year: 2020)
                #expect([year2020.enterpriseTraining, year2020.keyGroupTraining, year2020.trainedForCertificate] == [0, 0, 5])
                // 泽州县 with the development zone: the enterprise course, the zone's course and brand.
                let zezhou = try await counts(20211231, county: 140525)
                #expect([zezhou.enterpriseTraining, zezhou.keyGroupTraining, zezhou.trainedForCertificate, zezhou.labourBrands] == [1, 0, 2, 1])
                #expect(zezhou.countiesLackingCityBrand == [])
                #expect(zezhou.countiesLackingProvincialBrand == [140525])
                let lingchuan = try await counts(20211231, county: 140524)
                #expect([lingchuan.keyGroupTraining, lingchuan.keyGroupCertified, lingchuan.trainedForCertificate] == [3, 1, 3])
                #expect(lingchuan.countiesLackingProvincialBrand == [])
                // The sum of the counties is the city.
                var sum: UInt64 = 0
                for county in counties { sum += try await counts(20211231, county: county).trainedForCertificate }
                #expect(sum == end.trainedForCertificate)
                // A brand registered after the counts were read (and kept: `brandMemo`) counts at once.
                _ = try await client.unary(TrainingService.registerBrand, .sample(
                    code: "GAOPING-COOK", name: "高平 厨师", county: 140581, recognitions: [BrandRecognition(level: .city, year: 2021)]))
                let afterBrand = try await counts(20211231)
                #expect(afterBrand.labourBrands == 3)
                #expect(afterBrand.countiesLackingCityBrand == counties.filter { ![140524, 140525, 140581].contains($0) })

                // Subsidy: the pass with a certificate at the higher tier, the other at the standard.
                let figures = try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021))
                #expect(figures.lines.first { $0.dimension == "course" && $0.key == "K" }?.figures.subsidyDue == 1_200 + 800)
                let brand = try await client.unary(TrainingService.labourBrands, LabourBrandsRequest()).brands.first { $0.brand.code == "QIYUAN-FORKLIFT" }
                #expect(brand?.years == [{ var year = BrandYear(); year.year = 2021; year.trained = 3; year.placed = 1; year.subsidyDue = 2_000; return year }()])

                let badDate = await TrainingEnrolmentTests.refusal { _ = try await counts(20211332) }
                #expect(badDate?.message.hasPrefix("as_of:") == true)
            }
        }
    }
}

/// The gateway over the three real services: the training indicators in `Totals` are the
/// training service's measures, for the city and for each county.
@Suite("Training: the city's training indicators through the gateway", .timeLimit(.minutes(2)))
struct TrainingThroughTheGatewayTests {
    @Test
    func theGatewayServesTheTrainingMeasures() async throws {
        try await TrainingHarness.with(.sqlite) { harness in
            let ids = (471...474).map { TestIDs.make(birth: "19900101", sequence: $0) }
            for id in ids { try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers]) }
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "K", programme: .keyGroupSubsidised, county: 140524))
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "E", programme: .enterpriseEmployeeUpgrade, county: 140525))
                var numbers: [String] = []
                for id in ids.prefix(3) { numbers.append(try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "K", idNumber: id)).number) }
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "E", idNumber: ids[3]))
                for (index, passed) in [true, true, false].enumerated() {
                    var result = TrainingResult()
                    result.enrolmentNumber = numbers[index]
                    result.completedOn = 20210331
                    result.passed = passed
                    _ = try await client.unary(TrainingService.recordResult, result)
                }
            }
            try await GatewayHarness.with(registry: harness.registry.endpoint, evaluation: harness.evaluation, training: harness.training) { gateway, _ in
                let totals = try await withTestClient(gateway, as: "admin") { client in
                    try await client.unary(GatewayService.totals, TotalsRequest(county: TotalsRequest.everyCounty, asOf: 20210630))
                }
                #expect(!totals.partial)
                #expect(totals.indicator("key_group_training")?.value == 3)
                #expect(totals.indicator("enterprise_training")?.value == 1)
                #expect(totals.indicator("trained_for_certificate")?.value == 4)
                let passRate = try #require(totals.indicator("key_group_pass_rate"))
                #expect(abs(passRate.value - 200.0 / 3) < 1e-9)
                #expect(passRate.status == .behind)
                #expect(totals.indicator("counties_lacking_city_brand")?.value == Double(JinchengDivisions.countyCodes.count))
                let lingchuan = try #require(totals.counties.first { $0.county == 140524 })
                #expect(lingchuan.indicators.first { $0.key == "key_group_training" }?.value == 3)
                #expect(lingchuan.indicators.first { $0.key == "counties_lacking_city_brand" }?.value == 1)
                let sum = totals.counties.compactMap { $0.indicators.first { $0.key == "trained_for_certificate" }?.value }.reduce(0, +)
                #expect(sum == 4)
            }
        }
    }
}

/// A course registered again in another year takes its enrolments with it: its figures, the
/// gateway's measures and the overlap rule follow the course as it is now.
@Suite("Training: a course moved to another year", .timeLimit(.minutes(2)))
struct TrainingCourseMovedTests {
    @Test(arguments: TestDatabases.backends)
    func enrolmentsFollowTheirCourse(backend: TestBackend) async throws {
        try await TrainingHarness.with(backend) { harness in
            let id = TestIDs.make(birth: "19900101", sequence: 481)
            try await TrainingEnrolmentTests.register(harness, id, keyGroups: [.ruralMigrantWorkers])
            try await harness.client { client in
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "K", programme: .keyGroupSubsidised, startsOn: 20210301, endsOn: 20210331))
                _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "K", idNumber: id))
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "K", programme: .keyGroupSubsidised, startsOn: 20220301, endsOn: 20220331))
                #expect(try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2022)).total.enrolled == 1)
                #expect(try await client.unary(TrainingService.indicators, TrainingIndicatorsRequest(year: 2021)).total.enrolled == 0)
                #expect(try await client.unary(TrainingService.counts, CountsRequest(asOf: 20221231, year: 2022)).keyGroupTraining == 1)
                _ = try await client.unary(TrainingService.registerCourse, .sample(code: "M", startsOn: 20220315, endsOn: 20220320, subsidy: 0))
                let overlap = await TrainingEnrolmentTests.refusal { _ = try await client.unary(TrainingService.enrol, EnrolmentRequest(courseCode: "M", idNumber: id)) }
                #expect(overlap?.message.hasPrefix("no_overlap:") == true)
            }
        }
    }
}
