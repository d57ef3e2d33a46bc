import JCSkillsProtocol

/// The plan demo's certificates of one person (``PlanDemoData``), drawn from (seed, row) alone.
///
/// - **Identified pre-system holders** (half of the declared baseline): one certificate issued
///   2008–2019 and marked `pre_system`, at a level drawn in the baseline's proportions (never
///   above what the holder's years of work allowed), of a kind that does not expire, so the
///   holder claims their place in the baseline and counts once, on every date.
/// - **Upgrades** in 2020 or 2021: many of them take the next level (四级 → 三级 most of all, as
///   the plan pushed high-skill talent), which is what raises the high-skill count.
/// - **New skilled workers**: persons without a certificate who obtain their first in 2020 or
///   2021, at the city's pace times their county's (``PlanCounties``).
struct PlanCertificates {
    struct Drawn: Sendable {
        var kind: CertificateKind
        var occupation: Occupation
        var level: SkillLevel
        var issuedOn: CalendarDate
        var preSystem: Bool
    }

    /// Share of persons who are identified baseline holders: half of the 284,000 over 1.5 M.
    static let identifiedShare = 0.5 * 284_000 / 1_500_000
    /// Chance a holder takes the next level in 2020–2021, by their level.
    static func upgradeChance(_ level: SkillLevel) -> Double {
        switch level {
        case .level4: 0.85
        case .level5: 0.3
        case .level3: 0.15
        case .level2: 0.08
        default: 0
        }
    }
    /// New holders a year per person at the city's pace: with the certificates after the
    /// plan's whole training (``PlanDemoData``; about 56,000 in the two years, most of them
    /// first certificates) just short of 60,000 in 2020 and just over in 2021 at 1.5 M persons.
    static let newPerYear: [Int: Double] = [2020: 0.032, 2021: 0.031]

    static let newLevels = WeightedTable<SkillLevel>([(.level5, 40), (.level4, 36), (.level3, 20), (.level2, 4)])
    static let newKinds = WeightedTable<CertificateKind>([
        (.skillLevel, 62), (.vocationalQualification, 6), (.specialAbility, 8), (.specialOperations, 12), (.specialEquipmentOperator, 12),
    ])

    static let firstPreSystem = CalendarDate(year: 2008, month: 1, day: 1)!
    static let lastPreSystem = CalendarDate(year: 2019, month: 12, day: 31)!

    /// The person's certificates, in issue order.
    static func draw(for person: DemoPerson, seed: UInt64) -> [Drawn] {
        var random = SplitMix64(seed: seed, stream: 70, index: UInt64(person.row))
        let pace = PlanCounties.story(person.residenceCounty).certification
        let adult = person.birthDate.adding(years: 18) ?? lastPreSystem
        var drawn: [Drawn] = []
        if random.chance(identifiedShare), adult < lastPreSystem {
            let from = max(firstPreSystem, adult)
            let issued = from.adding(days: random.below(lastPreSystem.dayNumber - from.dayNumber + 1))!
            let level = min(PlanBaseline.levels.draw(&random), EvaluationDemoData.highestLevel(yearsWorked: yearsWorked(person, on: issued)))
            let kind: CertificateKind = level == .unspecified ? .specialAbility : random.chance(0.8) ? .skillLevel : .vocationalQualification
            let occupation = occupation(for: person, level: level, &random)
            drawn.append(Drawn(kind: kind, occupation: occupation, level: occupation.offers(level) || level == .unspecified ? level : occupation.levels.max()!,
                               issuedOn: issued, preSystem: true))
            let held = drawn[0]
            guard held.kind.hasLevels, held.level != .level1, random.chance(upgradeChance(held.level) * min(1, pace)) else { return drawn }
            let on = day(in: random.chance(0.45) ? 2020 : 2021, &random)
            let next = SkillLevel(rawValue: held.level.rawValue - 1)
            guard next <= EvaluationDemoData.highestLevel(yearsWorked: yearsWorked(person, on: on)), held.occupation.offers(next) else { return drawn }
            drawn.append(Drawn(kind: held.kind, occupation: held.occupation, level: next, issuedOn: on, preSystem: false))
            return drawn
        }
        for year in [2020, 2021] where drawn.isEmpty && random.chance(newPerYear[year]! * pace) {
            let on = day(in: year, &random)
            guard on >= adult else { continue }
            let kind = newKinds.draw(&random)
            var level = SkillLevel.unspecified
            if kind.hasLevels { level = min(newLevels.draw(&random), EvaluationDemoData.highestLevel(yearsWorked: yearsWorked(person, on: on))) }
            let occupation = occupation(for: person, level: level, &random)
            if level != .unspecified, !occupation.offers(level) { level = occupation.levels.filter { $0 <= level }.max() ?? occupation.levels.min()! }
            drawn.append(Drawn(kind: kind, occupation: occupation, level: level, issuedOn: on, preSystem: false))
        }
        return drawn
    }

    private static func yearsWorked(_ person: DemoPerson, on date: CalendarDate) -> Int {
        person.birthDate.years(until: date) - 18
    }

    /// A day of `year`, 2020 from its first working week (the drive started in January).
    private static func day(in year: Int, _ random: inout SplitMix64) -> CalendarDate {
        let first = CalendarDate(year: year, month: 1, day: 6)!
        let last = CalendarDate(year: year, month: 12, day: 31)!
        return first.adding(days: random.below(last.dayNumber - first.dayNumber + 1))!
    }

    /// Their own trade most of the time, else any trade of the catalogue offering the level.
    private static func occupation(for person: DemoPerson, level: SkillLevel, _ random: inout SplitMix64) -> Occupation {
        let catalogue = OccupationCatalogue.default
        if let own = person.occupation.flatMap({ catalogue.occupation(code: $0.code) }), random.chance(0.6),
           level == .unspecified || own.offers(level) {
            return own
        }
        let offering = catalogue.occupations.filter { level == .unspecified || $0.offers(level) }
        return random.element(of: offering.isEmpty ? catalogue.occupations : offering)
    }
}
