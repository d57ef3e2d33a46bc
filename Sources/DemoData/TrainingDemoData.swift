import Foundation
import JCSkillsProtocol

/// Deterministic demo data for the training service, consistent with the registry's demo data
/// of the same persons, enterprises and seed (and so with the evaluation's): the trainees are
/// the registry's demo persons, the enterprise providers and employers its enterprises.
/// Written as ``TrainingCSVFormat`` files, loaded in this order: brands, courses, enrolments,
/// results, certificates after training.
///
/// - **Brands** (``TrainingDemoBrands``): five, 陵川 棋源叉车工 up to national level; 沁水 has
///   none, and two counties reached a level after the plan's deadline.
/// - **Courses** (``TrainingCourseGenerator``): all four programmes and five modes in every
///   size, across the six counties, starting in 2020 and 2021; providers are the registry
///   demo's enterprises or three training schools per county; key-group courses carry the
///   subsidy standard and the higher tier for trainees who then obtain a certificate.
/// - **Enrolments** (``TrainingEnrolmentPlanner``): about a quarter of the persons, more of the
///   key-group members, each held to the service's rules so that every one is accepted by a
///   service that starts empty.
/// - **Results** (``TrainingResultGenerator``): numbered as that service numbers the
///   enrolments (row n of enrolments.csv gets ``TrainingCSVFormat/enrolmentNumber(sequence:year:)``
///   with sequence n); about 95 % pass.
/// - **Certificates after training** (``certificatesAfterTraining()``): about two in three
///   passes; the evaluation demo data issues them, so load it first.
///
/// Same options, same bytes. Persons are streamed as the registry's generator makes them, so a
/// large demo holds only the courses in memory.
public struct TrainingDemoData: DemoDataSet {
    /// The registry demo's: the rows its `invalidRowEvery` breaks are never registered, so they
    /// never enrol.
    public let options: DemoDataOptions

    public init(persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil) {
        options = DemoDataOptions(persons: persons, enterprises: enterprises, seed: seed, invalidRowEvery: invalidRowEvery)
    }

    /// What ``write(to:)`` wrote.
    public struct Summary: Hashable, Sendable {
        public var brands: Int
        public var courses: Int
        public var enrolments: Int
        public var trainees: Int
        public var results: Int
        public var passed: Int
        public var employed: Int
        public var certificatesAfterTraining: Int
    }

    public func brands() -> [LabourBrand] { TrainingDemoBrands.all }

    public func courses() -> [Course] {
        courses(providers: TrainingDemoProviders(enterprises: enterprises, seed: seed))
    }

    private func courses(providers: TrainingDemoProviders) -> [Course] {
        (1...TrainingCourseGenerator.count(persons: persons)).map {
            TrainingCourseGenerator.course($0, seed: seed, providers: providers)
        }
    }

    public static func brandFields(_ brand: LabourBrand) -> [String] {
        [brand.code, brand.name, String(brand.county), brand.occupation, TrainingCSVFormat.formatRecognitions(brand.recognitions)]
    }

    public static func courseFields(_ course: Course) -> [String] {
        func date(_ value: Int32) -> String { CalendarDate(yyyymmdd: value)?.isoString ?? String(value) }
        return [
            course.code, course.name, course.occupation, OccupationCatalogue.default.occupation(code: course.occupation)?.chineseName ?? "",
            EvaluationCSVFormat.certificateKind.text(for: course.certificateKind), course.level == .unspecified ? "" : String(course.level.rawValue),
            RegistryCSVFormat.trainingMode.text(for: course.mode), TrainingCSVFormat.programme.text(for: course.programme),
            TrainingCSVFormat.providerKind.text(for: course.providerKind), course.providerCreditCode, String(course.county),
            date(course.startsOn), date(course.endsOn), String(course.capacity), String(course.subsidyPerTrainee),
            String(course.subsidyWithCertificate), course.labourBrand,
        ]
    }

    public func writeBrands(to sink: inout some CSVSink) throws {
        try sink.writeRecord(TrainingCSVFormat.brandHeader)
        for brand in brands() { try sink.writeRecord(Self.brandFields(brand)) }
    }

    public func writeCourses(to sink: inout some CSVSink) throws {
        try sink.writeRecord(TrainingCSVFormat.courseHeader)
        for course in courses() { try sink.writeRecord(Self.courseFields(course)) }
    }

    /// Every enrolment in enrolments.csv order: the person, the course, its 1-based sequence
    /// (its row, and the number a service that starts empty gives it), and its result if the
    /// provider reported one.
    public func forEachEnrolment(_ body: (DemoPerson, Course, Int, TrainingResult?) throws -> Void) rethrows {
        let providers = TrainingDemoProviders(enterprises: enterprises, seed: seed)
        let courses = courses(providers: providers)
        var planner = TrainingEnrolmentPlanner(courses: courses, seed: seed)
        let outcomes = TrainingResultGenerator(seed: seed, providers: providers)
        var sequence = 0
        for person in registry.persons() where person.defect == nil {
            for index in planner.courses(for: person) {
                sequence += 1
                try body(person, courses[index], sequence, outcomes.result(sequence: sequence, course: courses[index]))
            }
        }
    }

    /// Writes enrolments.csv and results.csv together (a result follows its enrolment's row
    /// number); returns what was written.
    @discardableResult
    public func writeEnrolmentsAndResults(enrolments: inout some CSVSink, results: inout some CSVSink) throws -> Summary {
        var summary = Summary(brands: TrainingDemoBrands.all.count, courses: courses().count, enrolments: 0, trainees: 0, results: 0,
                              passed: 0, employed: 0, certificatesAfterTraining: 0)
        try enrolments.writeRecord(TrainingCSVFormat.enrolmentHeader)
        try results.writeRecord(TrainingCSVFormat.resultHeader)
        var trainees = Set<String>()
        try forEachEnrolment { person, course, _, result in
            summary.enrolments += 1
            trainees.insert(person.idNumber)
            // No day: the small set is enrolled on the day it loads (scripts/check-demo-totals.py).
            try enrolments.writeRecord([course.code, person.idNumber, ""])
            guard let result else { return }
            try results.writeRecord(TrainingResultGenerator.fields(result))
            summary.results += 1
            if result.passed { summary.passed += 1 }
            if !result.employerCreditCode.isEmpty || result.selfEmployed { summary.employed += 1 }
        }
        summary.trainees = trainees.count
        return summary
    }

    /// A certificate a trainee obtained after passing a course: issued in the evaluation demo
    /// data's certificates.csv (``EvaluationDemoData``), recorded with the training service
    /// through certificates_after.csv.
    public struct CertificateAfterTraining: Hashable, Sendable {
        public var enrolmentNumber: String
        public var certificateNumber: String
        public var holder: DemoPerson
        public var course: Course
        /// The course's level, or lower for a trainee with fewer years of work than it needs
        /// (``EvaluationDemoData/highestLevel(yearsWorked:)``).
        public var level: SkillLevel
        public var issuedOn: CalendarDate
    }

    /// About two in three passes (plan, action 5: ≥ 60 % hold a certificate after training), the
    /// certificate the course prepared for, issued 10–59 days after the course ended; numbered
    /// `JCT<year><the enrolment's sequence>`, apart from the history's `JCH…` numbers.
    public func certificatesAfterTraining() -> [CertificateAfterTraining] {
        var certificates: [CertificateAfterTraining] = []
        forEachEnrolment { person, course, sequence, result in
            guard let result, result.passed else { return }
            var random = SplitMix64(seed: seed, stream: 44, index: UInt64(sequence))
            guard random.chance(0.68) else { return }
            let ended = CalendarDate(yyyymmdd: max(course.endsOn, result.completedOn))!
            let issued = ended.adding(days: 10 + random.below(50))!
            // Certificates from age 18 on, as in the evaluation's history.
            let yearsWorked = person.birthDate.years(until: issued) - 18
            guard yearsWorked >= 0 else { return }
            var level = course.level
            if course.certificateKind.hasLevels {
                level = min(level, EvaluationDemoData.highestLevel(yearsWorked: yearsWorked))
                if let occupation = OccupationCatalogue.default.occupation(code: course.occupation), !occupation.offers(level) {
                    level = occupation.levels.filter { $0 <= level }.max() ?? occupation.levels.min() ?? level
                }
            }
            let digits = String(sequence)
            certificates.append(CertificateAfterTraining(
                enrolmentNumber: result.enrolmentNumber,
                certificateNumber: "JCT\(issued.year)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits,
                holder: person, course: course, level: level, issuedOn: issued))
        }
        return certificates
    }

    /// Writes certificates_after.csv; returns how many rows.
    @discardableResult
    public func writeCertificatesAfterTraining(to sink: inout some CSVSink) throws -> Int {
        try sink.writeRecord(TrainingCSVFormat.certificateAfterHeader)
        let certificates = certificatesAfterTraining()
        for certificate in certificates { try sink.writeRecord([certificate.enrolmentNumber, certificate.certificateNumber]) }
        return certificates.count
    }

    /// Writes the four files into `directory`, creating it if needed and replacing files of the
    /// same names.
    @discardableResult
    public func write(to directory: String) throws -> Summary {
        try FileCSVSink.makeDirectory(directory)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var brandSink = try FileCSVSink(path: path(TrainingCSVFormat.brandsFileName))
        try writeBrands(to: &brandSink)
        try brandSink.close()
        var courseSink = try FileCSVSink(path: path(TrainingCSVFormat.coursesFileName))
        try writeCourses(to: &courseSink)
        try courseSink.close()
        var enrolmentSink = try FileCSVSink(path: path(TrainingCSVFormat.enrolmentsFileName))
        var resultSink = try FileCSVSink(path: path(TrainingCSVFormat.resultsFileName))
        var summary = try writeEnrolmentsAndResults(enrolments: &enrolmentSink, results: &resultSink)
        try enrolmentSink.close()
        try resultSink.close()
        var certificateSink = try FileCSVSink(path: path(TrainingCSVFormat.certificatesAfterFileName))
        summary.certificatesAfterTraining = try writeCertificatesAfterTraining(to: &certificateSink)
        try certificateSink.close()
        return summary
    }
}
