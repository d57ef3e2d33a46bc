import Foundation
import JCSkillsProtocol

/// The city at the plan's scale (seeds/; `DemoSize.plan`): 1.5 million persons registered
/// against a labour force of 1.54 million, the evaluation centre's declared 2019 baseline, and
/// two years, 2020 and 2021, of certificates, training at the plan's size (each enrolment dated
/// before its course) and the annual competition, with some counties ahead and some behind
/// (``PlanCounties``).
///
/// Every file is written in one pass over the persons — registry, certificates, enrolments,
/// results, certificates after training, and the competitors and studio masters collected on
/// the way — so 1.5 M persons are generated once and never held: memory holds the courses, the
/// competitors and the masters. Same options, same bytes; the files are those of the small
/// demo (``RegistryCSVFormat``, ``EvaluationCSVFormat``, ``TrainingCSVFormat``,
/// ``CompetitionCSVFormat``), plus ``baseline()`` and ``institutions()`` with approval dates,
/// which the CSV files do not carry.
public struct PlanDemoData: DemoDataSet {
    public let options: DemoDataOptions

    public init(_ options: DemoDataOptions = DemoSize.plan.options) { self.options = options }

    /// What ``write(to:progress:)`` wrote, and what loading it needs besides the files.
    public struct Summary: Sendable {
        public var persons = 0
        public var enterprises = 0
        public var demandLines = 0
        public var institutions = 0
        public var certificates = 0
        public var preSystem = 0
        public var upgrades = 0
        public var newHolders = 0
        public var courses = 0
        public var enrolments = 0
        public var results = 0
        public var certificatesAfterTraining = 0
        public var competition: CompetitionDemoData.Summary?
        /// Course code → the year it starts (results.csv numbers enrolments by it).
        public var courseYears: [String: Int32] = [:]
        /// The competition's entries in entries.csv order.
        public var entries: [CompetitionDemoEntry] = []
    }

    /// The evaluation centre's declaration of the 2019 stock (``PlanBaseline``).
    public func baseline() -> [BaselineDeclaration] { PlanBaseline.declarations(persons: persons) }

    /// The small demo's institutions with the day each was approved: the city centre and the
    /// colleges long before the plan, the social organisations from mid-2019, the enterprise
    /// bodies during the plan (March 2020 – November 2021) — fewer than fifty at the start of
    /// 2020, many more by the end of 2021.
    public func institutions() -> [Institution] {
        EvaluationDemoData(persons: 0, enterprises: enterprises, seed: seed).institutions().enumerated().map { index, institution in
            var dated = institution
            var random = SplitMix64(seed: seed, stream: 71, index: UInt64(index))
            let approved: CalendarDate = switch institution.type {
            case .cityCentre, .vocationalCollege: CalendarDate(year: 2008 + random.below(10), month: 3, day: 1)!
            case .enterpriseBody: CalendarDate(year: 2020, month: 3, day: 1)!.adding(days: random.below(640))!
            default: CalendarDate(year: 2019, month: 6, day: 1)!.adding(days: random.below(900))!
            }
            dated.approvedOn = approved.yyyymmdd
            return dated
        }
    }

    /// How many ask for training against the small demo, at the full plan.
    static let trainingParticipation = 1.15

    /// Certificates after training: two in three of the key-group courses' passes (the plan's
    /// 60 %), one in twenty of the others' — each is a call of its own to the training service.
    static func afterTrainingChance(_ course: Course) -> Double {
        course.programme == .keyGroupSubsidised ? 0.66 : 0.05
    }

    /// Writes every service's files into `directory`. `progress` is called with the persons
    /// done, every 100,000 and at the end.
    /// `catalogueWritten` is called once brands.csv and courses.csv are whole, before the pass
    /// over the persons: the training's catalogue can be registered while the rest is written.
    public func write(to directory: String, progress: ((Int) -> Void)? = nil, catalogueWritten: (() -> Void)? = nil) throws -> Summary {
        try FileCSVSink.makeDirectory(directory)
        func sink(_ name: String) throws -> FileCSVSink { try FileCSVSink(path: (directory as NSString).appendingPathComponent(name)) }
        var summary = Summary()
        let registry = RegistryDemoData(options, profile: .plan)

        var enterpriseSink = try sink(RegistryCSVFormat.enterprisesFileName)
        try registry.writeEnterprises(to: &enterpriseSink)
        try enterpriseSink.close()
        var demandSink = try sink(RegistryCSVFormat.demandFileName)
        summary.demandLines = try registry.writeDemand(to: &demandSink)
        try demandSink.close()
        summary.enterprises = enterprises

        let institutions = institutions()
        var institutionSink = try sink(EvaluationCSVFormat.institutionsFileName)
        try institutionSink.writeRecord(EvaluationCSVFormat.institutionHeader)
        for institution in institutions { try institutionSink.writeRecord(EvaluationDemoData.institutionFields(institution)) }
        try institutionSink.close()
        summary.institutions = institutions.count

        let training = TrainingDemoData(persons: persons, enterprises: enterprises, seed: seed)
        var brandSink = try sink(TrainingCSVFormat.brandsFileName)
        try training.writeBrands(to: &brandSink)
        try brandSink.close()
        let providers = TrainingDemoProviders(enterprises: enterprises, seed: seed)
        let courses = (1...TrainingCourseGenerator.count(persons: persons)).map { TrainingCourseGenerator.course($0, seed: seed, providers: providers, plan: true) }
        var courseSink = try sink(TrainingCSVFormat.coursesFileName)
        try courseSink.writeRecord(TrainingCSVFormat.courseHeader)
        for course in courses {
            try courseSink.writeRecord(TrainingDemoData.courseFields(course))
            summary.courseYears[course.code] = course.startsOn / 10_000
        }
        try courseSink.close()
        summary.courses = courses.count
        catalogueWritten?()

        var pass = PlanDemoPass(seed: seed, persons: persons, courses: courses, providers: providers,
                        personSink: try sink(RegistryCSVFormat.personsFileName), certificateSink: try sink(EvaluationCSVFormat.certificatesFileName),
                        enrolmentSink: try sink(TrainingCSVFormat.enrolmentsFileName), resultSink: try sink(TrainingCSVFormat.resultsFileName),
                        afterSink: try sink(TrainingCSVFormat.certificatesAfterFileName))
        try pass.writeHeaders()
        for person in registry.persons() {
            try pass.add(person)
            if person.row % 100_000 == 0 { progress?(person.row) }
        }
        progress?(persons)
        try pass.close()
        summary.persons = persons
        summary.certificates = pass.certificates
        summary.preSystem = pass.preSystem
        summary.upgrades = pass.upgrades
        summary.newHolders = pass.newHolders
        summary.enrolments = pass.enrolments
        summary.results = pass.results
        summary.certificatesAfterTraining = pass.afterTraining

        let entries = pass.workers.entries(persons: persons)
        let studios = CompetitionDemoStudios.studios(masters: pass.masters, enterprises: enterprises, seed: seed)
        summary.competition = try CompetitionDemoData.write(entries: entries, studios: studios, seed: seed, to: directory)
        summary.entries = entries
        return summary
    }
}
