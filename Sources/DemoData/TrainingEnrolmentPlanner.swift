import JCSkillsProtocol

/// Chooses the demo's enrolments person by person, in the registry demo's row order, holding
/// every choice to the rules the training service enforces, so that each one is accepted:
/// key-group courses take key-group members only, no person is in two courses whose dates
/// overlap, at most ``subsidisedPerYear`` subsidised courses a person a year, no course beyond
/// its capacity. It also keeps to what is plausible without being a rule: enterprise-employee
/// courses take employed persons, and most persons train in their own county.
struct TrainingEnrolmentPlanner {
    /// The service's default (`training: subsidised_courses_per_year`).
    static let subsidisedPerYear = 3

    let courses: [Course]
    private let seed: UInt64
    /// How many ask for training against the first demo's share (1).
    private let participation: Double
    private let byCounty: [Int32: [Int]]
    private(set) var enrolled: [Int]

    init(courses: [Course], seed: UInt64, participation: Double = 1) {
        self.courses = courses
        self.seed = seed
        self.participation = participation
        var byCounty: [Int32: [Int]] = [:]
        for (index, course) in courses.enumerated() { byCounty[course.county, default: []].append(index) }
        self.byCounty = byCounty
        enrolled = Array(repeating: 0, count: courses.count)
    }

    /// How many courses a trainee asks for.
    private static let wanted = WeightedTable<Int>([(1, 65), (2, 25), (3, 8), (4, 2)])

    /// The courses (indexes into ``courses``) `person` enrols in, in enrolment order; empty for
    /// most persons. Only call it for persons the registry has registered.
    mutating func courses(for person: DemoPerson) -> [Int] {
        var random = SplitMix64(seed: seed, stream: 32, index: UInt64(person.row))
        // Key-group members are what the free training is for: they train more often.
        guard random.chance((person.keyGroups.isEmpty ? 0.22 : 0.42) * participation) else { return [] }
        let wanted = Self.wanted.draw(&random)
        var chosen: [Int] = []
        for _ in 0..<(wanted * 4) where chosen.count < wanted {
            let county = random.chance(0.85) ? person.residenceCounty : PersonTables.county.draw(&random)
            guard let local = byCounty[county], !local.isEmpty else { continue }
            let candidate = random.element(of: local)
            if accepts(candidate, person: person, alongside: chosen) {
                chosen.append(candidate)
                enrolled[candidate] += 1
            }
        }
        return chosen
    }

    /// Whether the service would enrol `person` in course `index`, given their other courses.
    func accepts(_ index: Int, person: DemoPerson, alongside chosen: [Int]) -> Bool {
        let course = courses[index]
        guard !chosen.contains(index), enrolled[index] < Int(course.capacity) else { return false }
        if course.programme == .keyGroupSubsidised, person.keyGroups.isEmpty { return false }
        if course.programme == .enterpriseEmployeeUpgrade, person.employment != .employed { return false }
        for other in chosen.map({ courses[$0] }) where other.startsOn <= course.endsOn && course.startsOn <= other.endsOn {
            return false
        }
        if course.subsidyPerTrainee > 0 {
            let year = course.startsOn / 10_000
            let subsidised = chosen.filter { courses[$0].subsidyPerTrainee > 0 && courses[$0].startsOn / 10_000 == year }.count
            if subsidised >= Self.subsidisedPerYear { return false }
        }
        return true
    }
}
