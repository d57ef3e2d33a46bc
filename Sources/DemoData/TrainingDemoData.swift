import Foundation
import JCSkillsProtocol

/// Deterministic demo data for the training service, consistent with the registry's demo data
/// of the same persons, enterprises and seed (and so with the evaluation's): the trainees are
/// the registry's demo persons, the enterprise providers and employers its enterprises.
/// Written as ``TrainingCSVFormat`` files, loaded in this order: brands, courses, enrolments,
/// results.
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
///
/// Same options, same bytes. Persons are streamed as the registry's generator makes them, so a
/// large demo holds only the courses in memory.
public struct TrainingDemoData: Sendable {
    public var persons: Int
    public var enterprises: Int
    public var seed: UInt64
    /// The registry demo's `invalidRowEvery`: the rows it breaks are never registered, so they
    /// never enrol.
    public var invalidRowEvery: Int?

    public init(persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil) {
        precondition(persons >= 0 && enterprises >= 0, "counts must not be negative")
        self.persons = persons
        self.enterprises = enterprises
        self.seed = seed
        self.invalidRowEvery = invalidRowEvery
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

    /// Writes enrolments.csv and results.csv together (a result follows its enrolment's row
    /// number); returns what was written.
    @discardableResult
    public func writeEnrolmentsAndResults(enrolments: inout some CSVSink, results: inout some CSVSink) throws -> Summary {
        let providers = TrainingDemoProviders(enterprises: enterprises, seed: seed)
        let courses = courses(providers: providers)
        var planner = TrainingEnrolmentPlanner(courses: courses, seed: seed)
        let outcomes = TrainingResultGenerator(seed: seed, providers: providers)
        var summary = Summary(brands: TrainingDemoBrands.all.count, courses: courses.count, enrolments: 0, trainees: 0, results: 0, passed: 0, employed: 0)
        try enrolments.writeRecord(TrainingCSVFormat.enrolmentHeader)
        try results.writeRecord(TrainingCSVFormat.resultHeader)
        let registry = RegistryDemoData(persons: persons, enterprises: 0, seed: seed, invalidRowEvery: invalidRowEvery)
        for person in registry.persons() where person.defect == nil {
            let chosen = planner.courses(for: person)
            if !chosen.isEmpty { summary.trainees += 1 }
            for index in chosen {
                let course = courses[index]
                summary.enrolments += 1
                try enrolments.writeRecord([course.code, person.idNumber])
                guard let result = outcomes.result(sequence: summary.enrolments, course: course) else { continue }
                try results.writeRecord(TrainingResultGenerator.fields(result))
                summary.results += 1
                if result.passed { summary.passed += 1 }
                if !result.employerCreditCode.isEmpty || result.selfEmployed { summary.employed += 1 }
            }
        }
        return summary
    }

    /// Writes the four files into `directory`, creating it if needed and replacing files of the
    /// same names.
    @discardableResult
    public func write(to directory: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var brandSink = try FileCSVSink(path: path(TrainingCSVFormat.brandsFileName))
        try writeBrands(to: &brandSink)
        try brandSink.close()
        var courseSink = try FileCSVSink(path: path(TrainingCSVFormat.coursesFileName))
        try writeCourses(to: &courseSink)
        try courseSink.close()
        var enrolmentSink = try FileCSVSink(path: path(TrainingCSVFormat.enrolmentsFileName))
        var resultSink = try FileCSVSink(path: path(TrainingCSVFormat.resultsFileName))
        let summary = try writeEnrolmentsAndResults(enrolments: &enrolmentSink, results: &resultSink)
        try enrolmentSink.close()
        try resultSink.close()
        return summary
    }
}
