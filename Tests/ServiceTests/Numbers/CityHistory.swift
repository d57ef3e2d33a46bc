import JCSkillsProtocol

/// A small city's history, drawn from a seed: persons registered, moving, leaving and coming
/// back; certificates of every kind issued, upgraded, revoked and expiring; certificates from
/// before the system imported, some of them identifying persons of a declared baseline;
/// enterprises registered, growing, shrinking, moving and answering the survey; evaluation
/// institutions approved, moved, suspended, revoked and reinstated.
/// Plain numbers only (dates as `yyyymmdd`), so that ``CityOracle`` can recount it without any
/// of the services' code.
struct CityHistory {
    struct Person {
        var idNumber: String
        var birth: Int32
    }

    struct Certificate {
        var holder: Int
        var kind: CertificateKind
        var occupation: String
        /// 1 (高级技师) … 5 (初级工); 0 for the kinds without levels.
        var level: Int32
        var county: Int32
        var issued: Int32
        var preSystem: Bool
        /// The number an import gives it; issued certificates get theirs from the service.
        var importNumber: String?
    }

    struct Baseline {
        var county: Int32
        var level: Int32
        var persons: UInt64
        var asOf: Int32
    }

    struct Institution {
        var code: String
        var type: InstitutionType
        /// A county, or the city (140500).
        var county: Int32
        /// An enterprise body's enterprise.
        var enterprise: Int?
        /// Registered at the start with an approval date before it; the others are approved
        /// on the day they are registered.
        var approvedBefore: Int32?
    }

    enum Event {
        case register(person: Int, county: Int32)
        case move(person: Int, county: Int32)
        case leave(person: Int, status: RegistrationStatus)
        /// Active again, in a county (perhaps another).
        case comeBack(person: Int, county: Int32)
        case issue(certificate: Int)
        case revoke(certificate: Int)
        /// An enterprise registered, or its record updated: its county and staff from then.
        case enterprise(index: Int, county: Int32, staff: UInt32)
        /// The enterprise's first (or another) line of the demand survey.
        case survey(enterprise: Int)
        case registerInstitution(index: Int)
        /// Registered again in another county (not an enterprise body: it stays with its enterprise).
        case moveInstitution(index: Int, county: Int32)
        case institutionStatus(index: Int, status: InstitutionStatus)
    }

    static let counties: [Int32] = [140502, 140521, 140522, 140524, 140525, 140581]
    /// What a person's or certificate's county may be: a county, or the development zone.
    static let recordCounties = counties + [140599]
    static let occupations = ["6-18-02-04", "6-31-01-03", "6-30-05-01"]
    static let start: Int32 = 20190101
    static let end: Int32 = 20261130

    var seed: UInt64
    var persons: [Person] = []
    var certificates: [Certificate] = []
    /// Imported on the first day, before anything else: certificates issued before the system.
    var imported: [Int] = []
    var baselines: [Baseline] = []
    /// Credit codes.
    var enterprises: [String] = []
    /// The first is the city centre that issues every certificate: active throughout.
    var institutions: [Institution] = [Institution(code: "CITY", type: .cityCentre, county: 140500, approvedBefore: 20000101)]
    /// In the order they happen; several may share a day.
    var events: [(day: Int32, event: Event)] = []
    /// After the events up to this day the test records what the services say about the days
    /// up to it; later events must not change those figures.
    var snapshotDay: Int32 = 0

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix(state: seed)
        func day(_ from: Int32, _ to: Int32) -> Int32 {
            let low = CalendarDate(yyyymmdd: from)!.dayNumber, high = CalendarDate(yyyymmdd: to)!.dayNumber
            return CalendarDate(dayNumber: Int.random(in: low...high, using: &random))!.yyyymmdd
        }
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        for index in 0..<Int.random(in: 2...9, using: &random) {
            let birth = day(19550101, 20061231)
            let digits = String(birth)
            persons.append(Person(idNumber: TestIDs.make(address: "\(Self.counties.randomElement(using: &random)!)", birth: digits,
                                                         sequence: 100 + index), birth: birth))
        }
        var timeline: [(day: Int32, order: Int, event: Event)] = []
        func add(_ day: Int32, _ event: Event) { timeline.append((day, timeline.count, event)) }

        for (index, person) in persons.enumerated() where chance(85) {
            // A registration day on which they are 16 to 60.
            let earliest = max(Self.start, person.birth + 16_0000)
            let latest = min(20260630, person.birth + 61_0000 - 1)
            guard earliest <= latest, CalendarDate(yyyymmdd: earliest) != nil, CalendarDate(yyyymmdd: latest) != nil else { continue }
            var when = day(earliest, latest)
            var county = Self.recordCounties.randomElement(using: &random)!
            var active = true
            add(when, .register(person: index, county: county))
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                guard when < 20261101 else { break }
                when = day(when, 20261101)
                if active && chance(50) {
                    county = Self.recordCounties.filter { $0 != county }.randomElement(using: &random)!
                    add(when, .move(person: index, county: county))
                } else if active {
                    add(when, .leave(person: index, status: chance(50) ? .leftLabourForce : .movedAway))
                    active = false
                } else {
                    if chance(50) { county = Self.recordCounties.randomElement(using: &random)! }
                    add(when, .comeBack(person: index, county: county))
                    active = true
                }
            }
        }

        func certificate(issued: Int32, preSystem: Bool) -> Certificate {
            let kinds: [CertificateKind] = preSystem ? [.vocationalQualification, .skillLevel] : CertificateKind.known
            let kind = kinds.randomElement(using: &random)!
            return Certificate(
                holder: Int.random(in: 0..<persons.count, using: &random), kind: kind,
                occupation: Self.occupations.randomElement(using: &random)!,
                level: kind.hasLevels ? Int32.random(in: 1...5, using: &random) : 0,
                county: Self.recordCounties.randomElement(using: &random)!, issued: issued, preSystem: preSystem)
        }
        // Before the system: imported on its first day; pre-system ones identify baseline persons.
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            var old = certificate(issued: day(20100101, 20181231), preSystem: chance(60))
            // One pre-system certificate per holder and level: the claim's tie-break is not drawn here.
            if old.preSystem, certificates.contains(where: { $0.preSystem && $0.holder == old.holder && $0.level == old.level }) {
                old.preSystem = false
            }
            old.importNumber = "OLD-\(seed)-\(certificates.count)"
            imported.append(certificates.count)
            certificates.append(old)
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let county = Self.counties.randomElement(using: &random)!, level = Int32.random(in: 1...5, using: &random)
            // Declaring a county and level again replaces the figure: one declaration each here.
            guard !baselines.contains(where: { $0.county == county && $0.level == level }) else { continue }
            baselines.append(Baseline(county: county, level: level,
                                      persons: UInt64.random(in: 0...4, using: &random), asOf: day(20181231, 20201231)))
        }
        // In the system: issued on their day; some upgraded (a higher level of the same line),
        // some revoked later — or on the very day.
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let issued = day(Self.start, 20261101)
            let index = certificates.count
            certificates.append(certificate(issued: issued, preSystem: false))
            add(issued, .issue(certificate: index))
            if certificates[index].level > 1, chance(30) {
                var upgrade = certificates[index]
                upgrade.level = Int32.random(in: 1..<upgrade.level, using: &random)
                upgrade.issued = day(issued, 20261101)
                upgrade.county = chance(50) ? upgrade.county : Self.recordCounties.randomElement(using: &random)!
                certificates.append(upgrade)
                add(upgrade.issued, .issue(certificate: index + 1))
            }
        }
        for index in certificates.indices where !imported.contains(index) && chance(20) {
            add(chance(15) ? certificates[index].issued : day(certificates[index].issued, Self.end), .revoke(certificate: index))
        }

        // Enterprises: registered, their staff and county changing, answering the survey; some
        // of at least 300 staff setting up an evaluation body of their own.
        var bodyDays: [(enterprise: Int, day: Int32)] = []
        for index in 0..<Int.random(in: 0...4, using: &random) {
            enterprises.append(TestCreditCodes.make(500 + index))
            func drawStaff() -> UInt32 { chance(50) ? UInt32.random(in: 300...900, using: &random) : UInt32.random(in: 20...299, using: &random) }
            var when = day(Self.start, 20261101)
            add(when, .enterprise(index: index, county: Self.recordCounties.randomElement(using: &random)!, staff: drawStaff()))
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                when = day(when, 20261101)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: add(when, .survey(enterprise: index))
                case 1: add(when, .enterprise(index: index, county: Self.recordCounties.randomElement(using: &random)!, staff: drawStaff()))
                default:
                    // Registering a body asks the registry for the enterprise's staff as it stands.
                    bodyDays.append((index, when))
                }
            }
        }
        // Institutions: a few approved before the system, others registered on their day;
        // suspended, revoked, reinstated, moved.
        let places = Self.counties + [140500]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            institutions.append(Institution(code: "I\(institutions.count)", type: chance(50) ? .socialOrganisation : .vocationalCollege,
                                            county: places.randomElement(using: &random)!, approvedBefore: day(20100101, 20181231)))
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            institutions.append(Institution(code: "I\(institutions.count)", type: chance(50) ? .socialOrganisation : .vocationalCollege,
                                            county: places.randomElement(using: &random)!))
            add(day(Self.start, 20261101), .registerInstitution(index: institutions.count - 1))
        }
        // Its staff after that day's updates (the body comes after them).
        func staff(_ enterprise: Int, on when: Int32) -> UInt32 {
            timeline.filter { $0.day <= when }.sorted { ($0.day, $0.order) < ($1.day, $1.order) }.reduce(0) { staff, entry in
                if case .enterprise(enterprise, _, let now) = entry.event { now } else { staff }
            }
        }
        for (enterprise, when) in bodyDays where staff(enterprise, on: when) >= 300 && !institutions.contains(where: { $0.enterprise == enterprise }) {
            institutions.append(Institution(code: "I\(institutions.count)", type: .enterpriseBody,
                                            county: Self.counties.randomElement(using: &random)!, enterprise: enterprise))
            add(when, .registerInstitution(index: institutions.count - 1))
        }
        for index in institutions.indices.dropFirst() {
            var when = institutions[index].approvedBefore.map { _ in Self.start }
                ?? timeline.first { if case .registerInstitution(index) = $0.event { true } else { false } }!.day
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                guard when < 20261101 else { break }
                when = day(when, 20261101)
                if institutions[index].type != .enterpriseBody, chance(30) {
                    add(when, .moveInstitution(index: index, county: places.randomElement(using: &random)!))
                } else {
                    add(when, .institutionStatus(index: index, status: [.active, .suspended, .revoked].randomElement(using: &random)!))
                }
            }
        }
        // Days in order; on one day, the order they were drawn in (a revocation after its issue).
        events = timeline.sorted { ($0.day, $0.order) < ($1.day, $1.order) }.map { ($0.day, $0.event) }
        snapshotDay = day(20210101, 20250101)
    }
}
