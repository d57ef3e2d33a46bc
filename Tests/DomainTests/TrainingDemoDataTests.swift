import JCSkillsDemoData
import JCSkillsProtocol
import Testing

@Suite("Training demo data: the registry's demo persons, within the training service's rules")
struct TrainingDemoDataTests {
    static let data = TrainingDemoData(persons: 3_000, enterprises: 150, seed: 11)

    /// The four files as strings.
    static func files(_ data: TrainingDemoData) throws -> (brands: String, courses: String, enrolments: String, results: String) {
        var brands = StringCSVSink(), courses = StringCSVSink(), enrolments = StringCSVSink(), results = StringCSVSink()
        try data.writeBrands(to: &brands)
        try data.writeCourses(to: &courses)
        try data.writeEnrolmentsAndResults(enrolments: &enrolments, results: &results)
        return (brands.text, courses.text, enrolments.text, results.text)
    }

    /// A file's records after its header, which must be `header`.
    static func records(_ text: String, header: [String]) throws -> [[String]] {
        let lines = text.split(separator: "\n").map(String.init)
        #expect(try CSVRow.parse(lines[0]) == header)
        return try lines.dropFirst().map { try CSVRow.parse($0) }
    }

    @Test func sameSeedSameBytesOtherSeedOtherData() throws {
        let first = try Self.files(Self.data)
        let again = try Self.files(TrainingDemoData(persons: 3_000, enterprises: 150, seed: 11))
        #expect(first == again)
        let other = try Self.files(TrainingDemoData(persons: 3_000, enterprises: 150, seed: 12))
        #expect(other.courses != first.courses)
        #expect(other.enrolments != first.enrolments)
    }

    @Test func coursesCoverProgrammesModesCountiesYearsAndParseBack() throws {
        typealias Column = TrainingCSVFormat.CourseColumn
        let rows = try Self.records(try Self.files(Self.data).courses, header: TrainingCSVFormat.courseHeader)
        let courses = Self.data.courses()
        #expect(rows.count == courses.count)
        for (fields, course) in zip(rows, courses) {
            #expect(fields == TrainingDemoData.courseFields(course))
            #expect(TrainingCSVFormat.programme.value(for: fields[Column.programme.index]) == course.programme)
            #expect(RegistryCSVFormat.trainingMode.value(for: fields[Column.mode.index]) == course.mode)
            #expect(EvaluationCSVFormat.certificateKind.value(for: fields[Column.certificateKind.index]) == course.certificateKind)
            #expect(TrainingCSVFormat.providerKind.value(for: fields[Column.providerKind.index]) == course.providerKind)
            #expect(CalendarDate.parse(fields[Column.startsOn.index])?.yyyymmdd == course.startsOn)
            #expect(CalendarDate.parse(fields[Column.endsOn.index])?.yyyymmdd == course.endsOn)
            #expect(UInt32(fields[Column.subsidyWithCertificate.index]) == course.subsidyWithCertificate)
            // What the service's course rules ask.
            #expect(course.startsOn <= course.endsOn && course.capacity > 0)
            #expect(course.certificateKind.hasLevels == (course.level != .unspecified))
            #expect((try? UnifiedSocialCreditCode.parse(course.providerCreditCode))?.checkDigitValid == true)
            #expect(course.subsidyWithCertificate == 0 || course.subsidyWithCertificate >= course.subsidyPerTrainee)
            if course.programme == .keyGroupSubsidised {
                #expect(course.subsidyPerTrainee > 0 && course.subsidyWithCertificate > course.subsidyPerTrainee)
            }
        }
        #expect(Set(courses.map(\.programme)) == Set(TrainingProgramme.known))
        #expect(Set(courses.map(\.mode)) == Set(TrainingMode.known))
        #expect(Set(courses.map(\.county)) == Set(JinchengDivisions.countyCodes))
        #expect(Set(courses.map { $0.startsOn / 10_000 }) == [2020, 2021])
        #expect(Set(courses.map(\.code)).count == courses.count)
        // Enterprise providers are the registry demo's enterprises.
        let registry = RegistryDemoData(persons: 0, enterprises: 150, seed: 11)
        let enterprises = Set((1...150).map { registry.enterprise(row: $0).creditCode })
        let byEnterprises = courses.filter { $0.providerKind == .enterprise }
        #expect(!byEnterprises.isEmpty && byEnterprises.allSatisfy { enterprises.contains($0.providerCreditCode) })
    }

    @Test func brandsParseBackAndCoursesNameOnlyThem() throws {
        typealias Column = TrainingCSVFormat.BrandColumn
        let rows = try Self.records(try Self.files(Self.data).brands, header: TrainingCSVFormat.brandHeader)
        let brands = Self.data.brands()
        #expect(rows.count == brands.count)
        for (fields, brand) in zip(rows, brands) {
            #expect(TrainingCSVFormat.parseRecognitions(fields[Column.recognitions.index]) == brand.recognitions)
            #expect(Int32(fields[Column.county.index]) == brand.county)
        }
        let qiyuan = try #require(brands.first { $0.name == "陵川 棋源叉车工" })
        #expect(qiyuan.county == 140524)
        #expect(qiyuan.recognitions.map(\.level) == [.city, .provincial, .national])
        #expect(qiyuan.recognitions.first { $0.level == .city }?.year == 2020)
        #expect(qiyuan.recognitions.first { $0.level == .provincial }?.year == 2021)
        // Some counties without one, so the report has something to list.
        #expect(Set(brands.map(\.county)).count < JinchengDivisions.countyCodes.count)
        let codes = Set(brands.map(\.code))
        let branded = Self.data.courses().filter { !$0.labourBrand.isEmpty }
        #expect(Set(branded.map(\.labourBrand)) == codes)
        #expect(TrainingCSVFormat.parseRecognitions("city:2020;regional:2021") == nil)
    }

    /// Every enrolment is one the training service accepts from an empty start: a registered
    /// demo person, a member for a key-group course, no overlap, the yearly cap, the capacity.
    @Test func enrolmentsKeepTheServicesRules() throws {
        let rows = try Self.records(try Self.files(Self.data).enrolments, header: TrainingCSVFormat.enrolmentHeader)
        let persons = Dictionary(uniqueKeysWithValues: RegistryDemoData(persons: 3_000, enterprises: 0, seed: 11).persons().map { ($0.idNumber, $0) })
        let courses = Dictionary(uniqueKeysWithValues: Self.data.courses().map { ($0.code, $0) })
        var taken: [String: [Course]] = [:]
        var places: [String: Int] = [:]
        for fields in rows {
            let course = try #require(courses[fields[0]])
            let person = try #require(persons[fields[1]], "not a registry demo person: \(fields)")
            #expect(person.defect == nil)
            if course.programme == .keyGroupSubsidised { #expect(!person.keyGroups.isEmpty, "\(fields)") }
            let theirs = taken[person.idNumber, default: []]
            #expect(!theirs.contains { $0.code == course.code })
            #expect(!theirs.contains { $0.startsOn <= course.endsOn && course.startsOn <= $0.endsOn }, "overlap: \(fields)")
            if course.subsidyPerTrainee > 0 {
                let year = course.startsOn / 10_000
                #expect(theirs.filter { $0.subsidyPerTrainee > 0 && $0.startsOn / 10_000 == year }.count < 3)
            }
            taken[person.idNumber, default: []].append(course)
            places[course.code, default: 0] += 1
            #expect(places[course.code]! <= Int(course.capacity))
        }
        // A real share of the persons, and of the key-group courses' places, are taken.
        #expect((400...1_400).contains(taken.count))
        #expect(rows.contains { courses[$0[0]]!.programme == .keyGroupSubsidised })
    }

    /// With the registry demo's broken rows, none of them enrols.
    @Test func brokenRegistryRowsNeverEnrol() throws {
        let data = TrainingDemoData(persons: 2_000, enterprises: 100, seed: 5, invalidRowEvery: 7)
        var enrolments = StringCSVSink(), results = StringCSVSink()
        try data.writeEnrolmentsAndResults(enrolments: &enrolments, results: &results)
        let valid = Set(RegistryDemoData(persons: 2_000, enterprises: 0, seed: 5, invalidRowEvery: 7).persons().filter { $0.defect == nil }.map(\.idNumber))
        let ids = try Self.records(enrolments.text, header: TrainingCSVFormat.enrolmentHeader).map { $0[1] }
        #expect(!ids.isEmpty && ids.allSatisfy(valid.contains))
    }

    /// Results name the enrolments as a fresh service numbers them and pass its result rules;
    /// about 95 % pass, some find jobs with demo enterprises or on their own.
    @Test func resultsFollowTheirEnrolmentsAndParseBack() throws {
        typealias Column = TrainingCSVFormat.ResultColumn
        let files = try Self.files(Self.data)
        let enrolments = try Self.records(files.enrolments, header: TrainingCSVFormat.enrolmentHeader)
        let results = try Self.records(files.results, header: TrainingCSVFormat.resultHeader)
        let courses = Dictionary(uniqueKeysWithValues: Self.data.courses().map { ($0.code, $0) })
        var courseOf: [String: Course] = [:]
        for (offset, fields) in enrolments.enumerated() {
            let course = courses[fields[0]]!
            courseOf[TrainingCSVFormat.enrolmentNumber(sequence: offset + 1, year: course.startsOn / 10_000)] = course
        }
        let registry = RegistryDemoData(persons: 0, enterprises: 150, seed: 11)
        let enterprises = Set((1...150).map { registry.enterprise(row: $0).creditCode })
        var passed = 0, employed = 0, selfEmployed = 0
        for fields in results {
            #expect(fields.count == TrainingCSVFormat.resultHeader.count)
            let course = try #require(courseOf[fields[Column.enrolmentNumber.index]], "\(fields)")
            let completed = try #require(CalendarDate.parse(fields[Column.completedOn.index])).yyyymmdd
            #expect(completed >= course.startsOn && completed <= course.endsOn)
            #expect(["true", "false"].contains(fields[Column.passed.index]))
            if fields[Column.passed.index] == "true" { passed += 1 }
            let employer = fields[Column.employerCreditCode.index]
            #expect(["true", "false"].contains(fields[Column.selfEmployed.index]))
            let isSelfEmployed = fields[Column.selfEmployed.index] == "true"
            #expect(employer.isEmpty || !isSelfEmployed)
            if !employer.isEmpty { #expect(enterprises.contains(employer)) }
            if !employer.isEmpty || isSelfEmployed {
                employed += 1
                if isSelfEmployed { selfEmployed += 1 }
                #expect(try #require(CalendarDate.parse(fields[Column.employedOn.index])).yyyymmdd >= course.startsOn)
            } else {
                #expect(fields[Column.employedOn.index].isEmpty)
                #expect(fields[Column.employmentVerified.index] == "false")
            }
        }
        #expect(Set(results.map { $0[Column.enrolmentNumber.index] }).count == results.count)
        #expect(results.count < enrolments.count && results.count > enrolments.count * 9 / 10)
        let rate = Double(passed) / Double(results.count)
        #expect(rate > 0.92 && rate < 0.98, "pass rate \(rate)")
        #expect(employed > results.count / 4 && selfEmployed > 0)
    }

    /// Certificates after training: two in three passes or so, each the trainee's, issued after
    /// the course by the evaluation demo data of the same sizes and seed, under the same number.
    @Test func certificatesAfterTrainingAreTheEvaluationDemosOwn() throws {
        var passed: [String: (id: String, course: Course)] = [:]
        Self.data.forEachEnrolment { person, course, _, result in
            if let result, result.passed { passed[result.enrolmentNumber] = (person.idNumber, course) }
        }
        let certificates = Self.data.certificatesAfterTraining()
        let share = Double(certificates.count) / Double(passed.count)
        #expect((0.55...0.75).contains(share), "\(certificates.count) of \(passed.count) passes")
        var sink = StringCSVSink()
        try EvaluationDemoData(persons: Self.data.persons, enterprises: Self.data.enterprises, seed: Self.data.seed).writeCertificates(to: &sink)
        typealias Column = EvaluationCSVFormat.CertificateColumn
        var issued: [String: (holder: String, on: String)] = [:]
        for line in sink.text.split(separator: "\n").dropFirst() {
            let fields = try CSVRow.parse(String(line))
            issued[fields[Column.number.index]] = (fields[Column.holderIDNumber.index], fields[Column.issuedOn.index])
        }
        for certificate in certificates {
            let enrolment = try #require(passed[certificate.enrolmentNumber])
            #expect(enrolment.id == certificate.holder.idNumber)
            #expect(certificate.issuedOn.yyyymmdd >= enrolment.course.endsOn)
            let evaluation = try #require(issued[certificate.certificateNumber])
            #expect(evaluation.holder == certificate.holder.idNumber)
            #expect(evaluation.on == certificate.issuedOn.isoString)
        }
    }

    @Test func enrolmentNumbersAreTheServicesFormat() {
        #expect(TrainingCSVFormat.enrolmentNumber(sequence: 1, year: 2021) == "TR202100000001")
        #expect(TrainingCSVFormat.enrolmentNumber(sequence: 123_456_789, year: 2020) == "TR2020123456789")
    }
}
