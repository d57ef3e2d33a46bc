import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import Testing

@Suite("Plan demo data: the city at the plan's scale, its story at a reduced size")
struct PlanDemoDataTests {
    /// A fifteenth of the plan: 100,000 persons, the baseline and the story in proportion (much
    /// smaller and the courses every demo lays out first — key-group and brand courses — weigh
    /// too much in the training and its certificates).
    static let options = DemoDataOptions(persons: 100_000, enterprises: 350, seed: 2020)
    static let scale = Double(options.persons) / 1_500_000
    static let written: (directory: String, summary: PlanDemoData.Summary) = {
        let directory = NSTemporaryDirectory() + "plan-demo-\(UUID().uuidString)"
        // A failure to write a temporary file is the machine's, not the generator's.
        let summary = try! PlanDemoData(options).write(to: directory)
        return (directory, summary)
    }()

    static func records(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: written.directory + "/" + name, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = try CSVRow.parse(lines[0])
        return try lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, try CSVRow.parse($0))) }
    }

    static let estimate: [Int32: Double] = [140502: 290_000, 140521: 130_000, 140522: 240_000, 140524: 150_000, 140525: 400_000, 140581: 330_000]

    @Test func sameSeedSameBytesOtherSeedOtherData() throws {
        func files(seed: UInt64) throws -> [String: Data] {
            let directory = NSTemporaryDirectory() + "plan-demo-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = try PlanDemoData(DemoDataOptions(persons: 3_000, enterprises: 60, seed: seed)).write(to: directory)
            var contents: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
                contents[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            }
            return contents
        }
        let first = try files(seed: 7)
        #expect(first.count >= 15)
        #expect(try files(seed: 7) == first)
        let other = try files(seed: 8)
        #expect(other[RegistryCSVFormat.personsFileName] != first[RegistryCSVFormat.personsFileName])
        #expect(other[EvaluationCSVFormat.certificatesFileName] != first[EvaluationCSVFormat.certificatesFileName])
    }

    @Test func theBaselineIsThePlansStockOn31December2019() {
        let plan = PlanDemoData().baseline()
        #expect(plan.count == 36)
        #expect(plan.allSatisfy { $0.asOf == 20191231 && JinchengDivisions.countyCodes.contains($0.county) })
        #expect(plan.reduce(0) { $0 + $1.persons } == 284_000)
        #expect(plan.filter { [SkillLevel.level3, .level2, .level1].contains($0.level) }.reduce(0) { $0 + $1.persons } == 67_000)
        let reduced = PlanDemoData(Self.options).baseline().reduce(0) { $0 + $1.persons }
        #expect(abs(Double(reduced) - 284_000 * Self.scale) < 10)
    }

    @Test func registrationMeetsTheDeadlineInFourCountiesAndNotInZezhouAndGaoping() throws {
        var byDeadline: [Int32: Double] = [:]
        for person in try Self.records(RegistryCSVFormat.personsFileName) {
            let date = person["registered_on"]!
            #expect(date >= "2020-03-01" && date <= "2021-03-31")
            if date <= "2020-10-31" { byDeadline[Int32(person["residence_county"]!)!, default: 0] += 1 }
        }
        for (county, estimate) in Self.estimate {
            let coverage = byDeadline[county, default: 0] / (estimate * Self.scale)
            if county == 140525 || county == 140581 {
                #expect(coverage < 0.92, "\(county): \(coverage)")
            } else {
                #expect(coverage > 0.99, "\(county): \(coverage)")
            }
        }
    }

    @Test func certificatesTellTwoYearsWithCountiesAheadAndBehind() throws {
        let certificates = try Self.records(EvaluationCSVFormat.certificatesFileName)
        var identified = Set<String>()
        for certificate in certificates where certificate["pre_system"] == "true" {
            #expect(certificate["issued_on"]! < "2020-01-01")
            identified.insert(certificate["holder_id_number"]!)
        }
        // Every certificate of the system's time is of the plan's two years.
        var first: [String: (date: String, county: Int32)] = [:]
        for certificate in certificates where certificate["pre_system"] == "false" {
            let date = certificate["issued_on"]!
            #expect(date >= "2020-01-01" && date <= "2021-12-31", "\(certificate)")
            let holder = certificate["holder_id_number"]!
            guard !identified.contains(holder) else { continue }
            if first[holder].map({ date < $0.date }) ?? true { first[holder] = (date, Int32(certificate["county"]!)!) }
        }
        // New skilled workers near the plan's 60,000 a year, in proportion.
        for year in ["2020", "2021"] {
            let new = Double(first.values.filter { $0.date.hasPrefix(year) }.count) / Self.scale
            #expect(new > 50_000 && new < 70_000, "\(year): \(new)")
        }
        // Per 1,000 of the labour force: 城区, 阳城 and 陵川 ahead of 沁水, 泽州 and 高平.
        var pace: [Int32: Double] = [:]
        for holder in first.values { pace[holder.county, default: 0] += 1 }
        for (county, estimate) in Self.estimate { pace[county] = pace[county, default: 0] / (estimate * Self.scale) * 1_000 }
        let behind = [140521, 140525, 140581].map { pace[Int32($0)]! }.max()!
        let ahead = [140502, 140522, 140524].map { pace[Int32($0)]! }.min()!
        #expect(ahead > behind * 1.1, "\(pace)")
        // The declared stock plus the new holders: on course for 400,000 by the end of 2021.
        let skilled = 284_000 + Double(first.count) / Self.scale
        #expect(skilled > 390_000 && skilled < 420_000, "\(skilled)")
    }

    @Test func trainingAndTheCompetitionAreOfThePlansYears() throws {
        let courses = try Self.records(TrainingCSVFormat.coursesFileName)
        #expect(courses.allSatisfy { $0["starts_on"]! >= "2020-01-01" && $0["ends_on"]! <= "2021-12-31" })
        let enterprise = Set(courses.filter { $0["programme"] == "enterprise_employee_upgrade" }.map { $0["code"]! })
        let enrolments = try Self.records(TrainingCSVFormat.enrolmentsFileName)
        #expect(enrolments.count == Self.written.summary.enrolments)
        // Most person-times are enterprises' own courses (200,000 a year in the plan).
        let share = Double(enrolments.filter { enterprise.contains($0["course_code"]!) }.count) / Double(enrolments.count)
        #expect(share > 0.6, "\(share)")
        let competitions = try Self.records(CompetitionCSVFormat.competitionsFileName)
        #expect(competitions.map { $0["year"] } == ["2021"])
        #expect(Self.written.summary.entries.count == (Self.written.summary.competition?.entries ?? -1))
        let approved = PlanDemoData(Self.options).institutions().map(\.approvedOn)
        #expect(approved.allSatisfy { $0 > 20080000 && $0 <= 20211231 })
    }
}
