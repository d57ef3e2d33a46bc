import JCSkillsProtocol

/// Every training figure of a ``TrainingHistory``, recounted from its draws alone with the
/// rules of docs/NUMBERS.md ("Training", "Training on a date") and the refusals the contract
/// names (`TrainingService.enrol`, `recordResult`, `recordCertificate`), written out afresh: no
/// code shared with the training service. Dates are `yyyymmdd` integers compared as such.
struct TrainingOracle {
    let history: TrainingHistory
    /// Per attempt, the rules it breaks: empty when it must be accepted.
    private(set) var enrolmentBreaks: [Set<String>] = []
    /// Per report made so far, the rules it breaks (empty: accepted); nil when it cannot be
    /// made, its enrolment having been refused.
    private(set) var reportBreaks: [Set<String>?] = []
    /// The accepted attempts, in order.
    private(set) var enrolled: [Int] = []
    /// Each enrolment's result as last reported and accepted: a correction replaces it on every date.
    private(set) var results: [Int: TrainingHistory.Result] = [:]
    /// Each enrolment's certificate after training as last recorded: its issue date.
    private(set) var certificates: [Int: Int32] = [:]
    /// The courses as last registered.
    private(set) var courses: [TrainingHistory.Course]

    /// Subsidised courses one person may start in a year (the service's default).
    static let subsidisedPerYear = 3
    /// Providers are flagged under these rates (plan, action 5), in basis points.
    static let passRateFloor: UInt64 = 9_500
    static let employmentRateFloor: UInt64 = 3_000

    /// The history after its enrolments and its first `reports` reports (all by default).
    init(_ history: TrainingHistory, reports: Int? = nil) {
        self.history = history
        courses = history.courses
        for (attempt, (person, index)) in history.attempts.enumerated() {
            let trainee = history.persons[person], course = history.courses[index]
            let theirs = enrolled.filter { history.attempts[$0].person == person }.map { history.courses[history.attempts[$0].course] }
            var breaks = Set<String>()
            if !trainee.registered || trainee.movedAway { breaks.insert("registered") }
            if course.programme == .keyGroupSubsidised, !trainee.member { breaks.insert("key_group_member") }
            if theirs.contains(where: { $0.code == course.code }) { breaks.insert("already_enrolled") }
            // One course at a time: first and last days count (a course overlaps itself too).
            if theirs.contains(where: { $0.startsOn <= course.endsOn && course.startsOn <= $0.endsOn }) { breaks.insert("no_overlap") }
            // Subsidised means a standard per trainee: a tier alone does not make a course subsidised.
            if course.subsidy > 0,
               theirs.filter({ $0.subsidy > 0 && $0.startsOn / 10_000 == course.startsOn / 10_000 }).count >= Self.subsidisedPerYear {
                breaks.insert("subsidised_per_year")
            }
            if enrolled.filter({ history.attempts[$0].course == index }).count >= Int(course.capacity) { breaks.insert("capacity") }
            enrolmentBreaks.append(breaks)
            if breaks.isEmpty { enrolled.append(attempt) }
        }
        let accepted = Set(enrolled)
        for report in history.reports.prefix(reports ?? history.reports.count) {
            var breaks = Set<String>()
            switch report {
            case .result(let attempt, let result):
                guard accepted.contains(attempt) else { reportBreaks.append(nil); continue }
                let course = courses[history.attempts[attempt].course]
                if result.completedOn < course.startsOn { breaks.insert("completed_on") }
                if result.employedOn != 0, result.employedOn < course.startsOn { breaks.insert("employed_on") }
                if breaks.isEmpty { results[attempt] = result }
            case .certificate(let attempt, let index):
                guard accepted.contains(attempt) else { reportBreaks.append(nil); continue }
                let course = courses[history.attempts[attempt].course], certificate = history.certificates[index]
                // The evaluation service tells nothing of someone else's certificate.
                if certificate.holder != history.attempts[attempt].person {
                    breaks.insert("certificate_holder")
                } else {
                    if certificate.revoked { breaks.insert("certificate_standing") }
                    if certificate.issuedOn < course.startsOn { breaks.insert("certificate_after_training") }
                }
                if breaks.isEmpty { certificates[attempt] = certificate.issuedOn }
            case .unknownCertificate(let attempt):
                guard accepted.contains(attempt) else { reportBreaks.append(nil); continue }
                breaks.insert("certificate_holder")
            case .course(let index, let course):
                courses[index] = course
            }
            reportBreaks.append(breaks)
        }
    }

    /// Whether a record of `county` counts in `scope` (0: the city): the development zone in 泽州县.
    static func counts(_ county: Int32, in scope: Int32) -> Bool {
        scope == 0 || JinchengDivisions.standard.countingCounty(of: county) == scope
    }

    /// Whether `brand` reached `level` or higher in `year` or before.
    static func reached(_ brand: TrainingHistory.Brand, _ level: Int32, by year: Int32) -> Bool {
        brand.recognitions.contains { $0.level >= level && $0.year <= year }
    }

    // MARK: Training on a date

    struct Counts: Equatable, CustomStringConvertible {
        var enterprise = 0
        var keyGroup = 0
        var completed = 0
        var passed = 0
        var certified = 0
        var employed = 0
        var forCertificate = 0
        var brands = 0
        var lackingCity: [Int32] = []
        var lackingProvincial: [Int32] = []
        /// The additive measures, in the order of `TrainingCounts`.
        var additive: [Int] { [enterprise, keyGroup, completed, passed, certified, employed, forCertificate, brands] }
        var description: String { "\(additive.map(String.init).joined(separator: ",")) lacking \(lackingCity) \(lackingProvincial)" }
    }

    /// The gateway's measures for `scope` (0: the city) as of `day`, for the courses starting in `year`.
    func counts(asOf day: Int32, year: Int32, county scope: Int32) -> Counts {
        var result = Counts()
        for attempt in enrolled where TrainingHistory.enrolmentDay <= day {
            let course = courses[history.attempts[attempt].course]
            guard Self.counts(course.county, in: scope) else { continue }
            let starts = course.startsOn / 10_000
            // Every course prepares for a certificate: every person-time since the plan began.
            if starts >= 2020 { result.forCertificate += 1 }
            guard starts == year else { continue }
            if course.programme == .enterpriseEmployeeUpgrade { result.enterprise += 1 }
            guard course.programme == .keyGroupSubsidised else { continue }
            result.keyGroup += 1
            guard let outcome = results[attempt], outcome.completedOn <= day else { continue }
            result.completed += 1
            if outcome.passed { result.passed += 1 }
            if let issued = certificates[attempt], issued <= day { result.certified += 1 }
            if outcome.employedOn != 0, outcome.employedOn <= day { result.employed += 1 }
        }
        // Levels are recorded by year: the date's year decides, whatever the year asked.
        let through = day / 10_000
        result.brands = history.brands.filter { Self.counts($0.county, in: scope) && Self.reached($0, 1, by: through) }.count
        let counties = scope == 0 ? TrainingHistory.counties : [scope]
        func lacking(_ level: Int32) -> [Int32] {
            counties.filter { county in !history.brands.contains { Self.counts($0.county, in: county) && Self.reached($0, level, by: through) } }
        }
        result.lackingCity = lacking(1)
        result.lackingProvincial = lacking(2)
        return result
    }

    // MARK: The year's indicators

    struct Figures: Equatable {
        var enrolled: UInt64 = 0
        var completed: UInt64 = 0
        var passed: UInt64 = 0
        var employed: UInt64 = 0
        var certified: UInt64 = 0
        var subsidy: UInt64 = 0

        /// Basis points of the completed, rounded down; 0 while none is.
        func rate(_ part: UInt64) -> UInt64 { completed == 0 ? 0 : part * 10_000 / completed }

        static func + (a: Figures, b: Figures) -> Figures {
            Figures(enrolled: a.enrolled + b.enrolled, completed: a.completed + b.completed, passed: a.passed + b.passed,
                    employed: a.employed + b.employed, certified: a.certified + b.certified, subsidy: a.subsidy + b.subsidy)
        }

        /// As the test writes the service's: counts, rates, subsidy.
        var text: String {
            "\(enrolled),\(completed),\(passed),\(employed),\(certified),\(rate(passed)),\(rate(employed)),\(rate(certified)),\(subsidy)"
        }
    }

    struct Line {
        var dimension: String
        var key: String
        var figures: Figures
        var flags: [String]
        var text: String { "\(dimension)/\(key): \(figures.text) \(flags)" }
    }

    static let programmeNames: [TrainingProgramme: String] = [
        .enterpriseEmployeeUpgrade: "enterprise_employee_upgrade", .keyGroupSubsidised: "key_group_subsidised",
        .firstCertificate: "first_certificate", .levelUpgrade: "level_upgrade",
    ]

    /// What one enrolment adds to its course's figures.
    func figures(of attempt: Int) -> Figures {
        let course = courses[history.attempts[attempt].course]
        var one = Figures(enrolled: 1)
        guard let outcome = results[attempt] else { return one }
        one.completed = 1
        let certified = certificates[attempt] != nil
        if outcome.passed { one.passed = 1 }
        if outcome.employedOn != 0 { one.employed = 1 }
        if certified { one.certified = 1 }
        // A pass followed by a certificate at the higher tier when the course has one.
        if outcome.passed { one.subsidy = UInt64(certified && course.tier != 0 ? course.tier : course.subsidy) }
        return one
    }

    /// The year's figures for `scope` (0: the city): the total, and the lines by course,
    /// provider, programme and mode, each in key order, the providers flagged.
    func indicators(year: Int32, county scope: Int32) -> (total: Figures, lines: [Line]) {
        var total = Figures()
        var by: [String: [String: Figures]] = [:]
        for attempt in enrolled {
            let course = courses[history.attempts[attempt].course]
            guard course.startsOn / 10_000 == year, Self.counts(course.county, in: scope) else { continue }
            let one = figures(of: attempt)
            total = total + one
            for (dimension, key) in [("course", course.code), ("provider", TrainingHistory.providers[course.provider]),
                                     ("programme", Self.programmeNames[course.programme]!), ("mode", "\(course.mode.rawValue)")] {
                by[dimension, default: [:]][key] = (by[dimension]?[key] ?? Figures()) + one
            }
        }
        var lines: [Line] = []
        for dimension in ["course", "provider", "programme", "mode"] {
            for (key, figures) in (by[dimension] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var flags: [String] = []
                if dimension == "provider", figures.completed > 0 {
                    if figures.rate(figures.passed) < Self.passRateFloor { flags.append("pass_rate") }
                    if figures.rate(figures.employed) < Self.employmentRateFloor { flags.append("employment_rate") }
                }
                lines.append(Line(dimension: dimension, key: key, figures: figures, flags: flags))
            }
        }
        return (total, lines)
    }

    // MARK: Labour brands

    /// Each brand's years with anyone trained: people trained, placed, subsidy due; and the
    /// counties lacking a city-level brand by 2020 and a provincial-level one by 2021.
    func brandReport() -> (years: [String: [Int32: String]], lackingCity: [Int32], lackingProvincial: [Int32]) {
        var years: [String: [Int32: (trained: Int, placed: Int, subsidy: UInt64)]] = [:]
        for attempt in enrolled {
            let course = courses[history.attempts[attempt].course]
            guard let brand = course.brand else { continue }
            let code = history.brands[brand].code, year = course.startsOn / 10_000
            var entry = years[code]?[year] ?? (0, 0, 0)
            entry.trained += 1
            if let outcome = results[attempt], outcome.employedOn != 0 { entry.placed += 1 }
            entry.subsidy += figures(of: attempt).subsidy
            years[code, default: [:]][year] = entry
        }
        func lacking(_ level: Int32, by year: Int32) -> [Int32] {
            TrainingHistory.counties.filter { county in !history.brands.contains { Self.counts($0.county, in: county) && Self.reached($0, level, by: year) } }
        }
        return (years.mapValues { $0.mapValues { "\($0.trained),\($0.placed),\($0.subsidy)" } }, lacking(1, by: 2020), lacking(2, by: 2021))
    }
}
