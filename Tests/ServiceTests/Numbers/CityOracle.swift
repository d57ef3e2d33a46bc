import JCSkillsProtocol

/// Every figure of a ``CityHistory``, recounted from its events alone with the rules of
/// docs/NUMBERS.md written out afresh: no code shared with the services (dates are `yyyymmdd`
/// integers, ages and lifetimes computed here).
struct CityOracle {
    let history: CityHistory
    /// The day each certificate was revoked, if it was.
    let revokedOn: [Int: Int32]

    init(_ history: CityHistory) {
        self.history = history
        var revoked: [Int: Int32] = [:]
        for (day, event) in history.events {
            if case .revoke(let index) = event { revoked[index] = day }
        }
        revokedOn = revoked
    }

    // MARK: Registry

    /// The county a record counts in: the development zone (140599) lies in 泽州县 (140525).
    static func counted(_ county: Int32) -> Int32 { county == 140599 ? 140525 : county }

    /// Completed years on `day` of someone born on `birth`.
    static func age(_ birth: Int32, on day: Int32) -> Int32 {
        day / 10_000 - birth / 10_000 - (day % 10_000 < birth % 10_000 ? 1 : 0)
    }

    /// Where each person stands on `day`: registered, active, in which county.
    func registry(on day: Int32) -> [Int: (county: Int32, active: Bool)] {
        var state: [Int: (county: Int32, active: Bool)] = [:]
        for (when, event) in history.events where when <= day {
            switch event {
            case .register(let person, let county): state[person] = (county, true)
            case .move(let person, let county): state[person] = (county, true)
            case .leave(let person, _): state[person]?.active = false
            case .comeBack(let person, let county): state[person] = (county, true)
            default: break
            }
        }
        return state
    }

    /// Persons registered, active and aged 16–60 on `day`, in `county` (0: the city).
    func registered(on day: Int32, county: Int32) -> Int {
        registry(on: day).filter { person, state in
            state.active && (county == 0 || Self.counted(state.county) == county) && Self.age(history.persons[person].birth, on: day) <= 60
        }.count
    }

    /// Today's analysis by county and age band (16–24, 25–34, 35–44, 45–54, 55–60).
    func bands(on day: Int32) -> [String: Int] {
        var result: [String: Int] = [:]
        for (person, state) in registry(on: day) where state.active {
            let age = Self.age(history.persons[person].birth, on: day)
            guard age <= 60 else { continue }
            let band = age >= 55 ? 4 : age >= 45 ? 3 : age >= 35 ? 2 : age >= 25 ? 1 : 0
            result["\(Self.counted(state.county))/\(band)", default: 0] += 1
        }
        return result
    }

    /// Each enterprise registered by `day`: its county and staff then, and whether it had
    /// answered the survey.
    func enterprises(on day: Int32) -> [Int: (county: Int32, staff: UInt32, surveyed: Bool)] {
        var state: [Int: (county: Int32, staff: UInt32, surveyed: Bool)] = [:]
        for (when, event) in history.events where when <= day {
            switch event {
            case .enterprise(let index, let county, let staff): state[index] = (county, staff, state[index]?.surveyed ?? false)
            case .survey(let index): state[index]?.surveyed = true
            default: break
            }
        }
        return state
    }

    /// Enterprises registered by `day` in `county` (0: the city), and those surveyed by then.
    func enterpriseCounts(on day: Int32, county: Int32) -> (enterprises: Int, surveyed: Int) {
        let here = enterprises(on: day).values.filter { county == 0 || Self.counted($0.county) == county }
        return (here.count, here.filter(\.surveyed).count)
    }

    // MARK: Evaluation

    /// Each institution approved by `day`: its county and status then.
    func institutions(on day: Int32) -> [Int: (county: Int32, status: InstitutionStatus)] {
        var state: [Int: (county: Int32, status: InstitutionStatus)] = [:]
        for (index, institution) in history.institutions.enumerated() {
            if let approved = institution.approvedBefore, approved <= day { state[index] = (institution.county, .active) }
        }
        for (when, event) in history.events where when <= day {
            switch event {
            case .registerInstitution(let index): state[index] = (history.institutions[index].county, .active)
            case .moveInstitution(let index, let county): state[index]?.county = county
            case .institutionStatus(let index, let status): state[index]?.status = status
            default: break
            }
        }
        return state
    }

    /// Institutions on `day` in `county` (0: the city, with the city-wide ones) by type and
    /// status, as `type/status=count` in that order.
    func institutionCounts(on day: Int32, county: Int32) -> String {
        var counts: [String: Int] = [:]
        for (index, state) in institutions(on: day) where county == 0 || state.county == county {
            counts["\(history.institutions[index].type.rawValue)/\(state.status.rawValue)", default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Enterprises of at least 300 staff on `day`, in `county` then, without an enterprise
    /// body active on `day`.
    func lackingBody(on day: Int32, county: Int32) -> Int {
        let institutions = institutions(on: day)
        let covered = Set(institutions.compactMap { index, state in state.status == .active ? history.institutions[index].enterprise : nil })
        return enterprises(on: day).filter { index, enterprise in
            enterprise.staff >= 300 && (county == 0 || Self.counted(enterprise.county) == county) && !covered.contains(index)
        }.count
    }

    /// The day after a certificate's last valid day by its lifetime: special operations 6
    /// years, special equipment 4; 29 February to 28 February in a common year.
    func expiry(_ certificate: CityHistory.Certificate) -> Int32? {
        let years: Int32
        switch certificate.kind {
        case .specialOperations: years = 6
        case .specialEquipmentOperator: years = 4
        default: return nil
        }
        let year = certificate.issued / 10_000 + years
        let monthDay = certificate.issued % 10_000
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return year * 10_000 + (monthDay == 229 && !leap ? 228 : monthDay)
    }

    /// Whether certificate `index` counts on `day`: issued by then, not expired, not revoked
    /// by then, and no higher level of its holder, kind and occupation issued by then and not
    /// revoked by then (a revocation restores the lower ones from its day on, never before).
    func valid(_ index: Int, on day: Int32) -> Bool {
        let mine = history.certificates[index]
        guard mine.issued <= day, expiry(mine).map({ day < $0 }) ?? true, revokedOn[index].map({ day < $0 }) ?? true else { return false }
        guard mine.level != 0 else { return true }
        return !history.certificates.indices.contains { other in
            let theirs = history.certificates[other]
            return (revokedOn[other].map { day < $0 } ?? true) && theirs.holder == mine.holder && theirs.kind == mine.kind
                && theirs.occupation == mine.occupation && theirs.level != 0 && theirs.level < mine.level && theirs.issued <= day
        }
    }

    /// The certificates in the order the services stored them: the imports first (an import
    /// stores its rows in date order), then as issued.
    var storageOrder: [Int] {
        history.imported.sorted { (history.certificates[$0].issued, $0) < (history.certificates[$1].issued, $1) } + history.events.compactMap { if case .issue(let index) = $0.event { index } else { nil } }
    }

    struct Counts: Equatable, CustomStringConvertible {
        var inSystem = 0
        var skilled = 0
        var highSkill = 0
        var newSkilled = 0
        var description: String { "in system \(inSystem), skilled \(skilled), high skill \(highSkill), new \(newSkilled)" }
    }

    /// The evaluation service's figures for `county` (0: the city) on `day`, new skilled
    /// workers for `day`'s year.
    func counts(on day: Int32, county: Int32) -> Counts {
        var result = Counts()
        // Each holder in the county of their most recent valid certificate (same day: the lower code).
        var place: [Int: (issued: Int32, county: Int32)] = [:]
        var high = Set<Int>()
        for index in history.certificates.indices where valid(index, on: day) {
            let certificate = history.certificates[index]
            let counted = Self.counted(certificate.county)
            if let best = place[certificate.holder], (best.issued, -best.county) >= (certificate.issued, -counted) {
            } else {
                place[certificate.holder] = (certificate.issued, counted)
            }
            if (1...3).contains(certificate.level) { high.insert(certificate.holder) }
        }
        let counted = place.filter { county == 0 || $0.value.county == county }.map(\.key)
        result.inSystem = counted.count
        result.highSkill = counted.filter(high.contains).count
        // New: each holder's first certificate that was valid on its own issue day.
        var first: [Int: CityHistory.Certificate] = [:]
        for index in storageOrder where valid(index, on: history.certificates[index].issued) {
            let certificate = history.certificates[index]
            if let known = first[certificate.holder], known.issued <= certificate.issued { continue }
            first[certificate.holder] = certificate
        }
        let year = day / 10_000
        result.newSkilled = first.values.filter {
            $0.issued >= year * 10_000 + 101 && $0.issued <= min(day, year * 10_000 + 1231) && (county == 0 || Self.counted($0.county) == county)
        }.count
        // The declared baseline, less the persons its pre-system certificates identified: each
        // holder claims one place at the county and level of their highest pre-system one.
        var claims: [String: Int] = [:]
        var best: [Int: CityHistory.Certificate] = [:]
        for index in history.imported where history.certificates[index].preSystem {
            let certificate = history.certificates[index]
            if let known = best[certificate.holder], known.level <= certificate.level { continue }
            best[certificate.holder] = certificate
        }
        for certificate in best.values { claims["\(Self.counted(certificate.county))/\(certificate.level)", default: 0] += 1 }
        var baseline = 0
        var baselineHigh = 0
        for declared in history.baselines where declared.asOf <= day && (county == 0 || declared.county == county) {
            let counted = max(0, Int(declared.persons) - claims["\(declared.county)/\(declared.level)", default: 0])
            baseline += counted
            if declared.level <= 3 { baselineHigh += counted }
        }
        result.skilled = result.inSystem + baseline
        result.highSkill += baselineHigh
        return result
    }
}
