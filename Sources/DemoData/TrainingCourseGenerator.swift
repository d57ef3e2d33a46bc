import JCSkillsProtocol

/// The demo's courses: course i depends only on (seed, i) and the providers, so the course
/// list can be rebuilt anywhere (the enrolment planner, tests, `local up --demo`).
///
/// The first courses are laid out so that any demo has every programme and every mode, every
/// county, both years and a course for each labour brand; after them programme and mode are
/// drawn together (an enterprise's apprentices, a key group's project course, …) and the county
/// by population.
enum TrainingCourseGenerator {
    /// A programme, a mode that suits it, and who usually gives such a course.
    struct Kind: Sendable {
        let programme: TrainingProgramme
        let mode: TrainingMode
        let provider: TrainingProviderKind
    }

    /// Every programme and every mode in the first twelve, then drawn by these weights.
    static let kinds: [(Kind, Int)] = [
        (Kind(programme: .enterpriseEmployeeUpgrade, mode: .newApprenticeship, provider: .enterprise), 8),
        (Kind(programme: .enterpriseEmployeeUpgrade, mode: .trainingInPlaceOfWork, provider: .enterprise), 12),
        (Kind(programme: .keyGroupSubsidised, mode: .projectBased, provider: .trainingInstitution), 16),
        (Kind(programme: .firstCertificate, mode: .workStudyIntegration, provider: .trainingInstitution), 8),
        (Kind(programme: .levelUpgrade, mode: .internetPlus, provider: .trainingInstitution), 5),
        (Kind(programme: .keyGroupSubsidised, mode: .internetPlus, provider: .trainingInstitution), 6),
        (Kind(programme: .firstCertificate, mode: .projectBased, provider: .trainingInstitution), 10),
        (Kind(programme: .levelUpgrade, mode: .newApprenticeship, provider: .enterprise), 5),
        (Kind(programme: .enterpriseEmployeeUpgrade, mode: .internetPlus, provider: .enterprise), 8),
        (Kind(programme: .keyGroupSubsidised, mode: .workStudyIntegration, provider: .trainingInstitution), 8),
        (Kind(programme: .levelUpgrade, mode: .trainingInPlaceOfWork, provider: .enterprise), 6),
        (Kind(programme: .firstCertificate, mode: .internetPlus, provider: .trainingInstitution), 8),
    ]
    private static let kindTable = WeightedTable(kinds)

    /// The plan demo's mix (``PlanDemoData``), in the same order: the plan's 200,000
    /// enterprise-employee person-times a year against 30,000 subsidised key-group ones, so
    /// most places are in enterprises' own courses.
    static let planWeights = [10, 45, 4, 1, 1, 1, 2, 1, 35, 1, 1, 2]
    private static let planKindTable = WeightedTable(zip(kinds.map(\.0), planWeights).map { ($0, $1) })

    /// Courses for a demo of `persons`: about one per 80 persons (places for roughly a third of
    /// them), at least enough for the fixed layout above.
    static func count(persons: Int) -> Int { max(30, persons / 80) }

    /// Course `index` (1-based).
    static func course(_ index: Int, seed: UInt64, providers: TrainingDemoProviders, plan: Bool = false) -> Course {
        var random = SplitMix64(seed: seed, stream: 31, index: UInt64(index))
        let counties = JinchengDivisions.countyCodes
        let brands = TrainingDemoBrands.all
        var kind = index <= kinds.count ? kinds[index - 1].0 : (plan ? planKindTable : kindTable).draw(&random)
        var county = index <= counties.count ? counties[index - 1] : PersonTables.county.draw(&random)
        // Two of five in 2020, the rest in 2021 (the training drive grows in its second year);
        // the plan demo's nine of twenty, as its drive started at full strength.
        let year: Int32 = (plan ? index % 20 < 9 : index % 5 < 2) ? 2020 : 2021

        // The brand's own courses: one each right after the fixed layout, then now and again in
        // a county that has a brand.
        var brand: LabourBrand?
        let brandSlot = index - kinds.count - 1
        if brandSlot >= 0, brandSlot < brands.count {
            brand = brands[brandSlot]
            county = brands[brandSlot].county
        } else if let own = TrainingDemoBrands.brand(of: county), random.chance(plan ? 0.015 : 0.15) {
            brand = own
        }
        if brand != nil {
            kind = Kind(programme: .keyGroupSubsidised, mode: .projectBased, provider: .trainingInstitution)
        }

        let catalogue = OccupationCatalogue.default
        let occupation = brand.flatMap { catalogue.occupation(code: $0.occupation) } ?? random.element(of: catalogue.occupations)
        var course = Course()
        course.code = "JC-\(year)-" + padded(index, 4)
        course.occupation = occupation.code
        course.mode = kind.mode
        course.programme = kind.programme
        (course.certificateKind, course.level) = certificate(for: occupation, programme: kind.programme, &random)

        let enterprises = providers.enterprises[county] ?? []
        let provider = kind.provider == .enterprise && !enterprises.isEmpty
            ? random.element(of: enterprises)
            : random.element(of: providers.institutions[county]!)
        course.providerKind = provider.kind
        course.providerCreditCode = provider.creditCode
        course.county = county

        // The plan demo's 2021 courses start by mid-August, so that every one ends in 2021.
        let start = CalendarDate(year: Int(year), month: year == 2020 ? 5 : 2, day: year == 2020 ? 1 : 20)!
            .adding(days: random.below(year == 2020 ? 200 : plan ? 175 : 260))!
        course.startsOn = start.yyyymmdd
        course.endsOn = start.adding(days: duration(kind.mode, &random) - 1)!.yyyymmdd
        course.capacity = UInt32(kind.mode == .internetPlus ? 60 + 10 * random.below(7) : 20 + 5 * random.below(7))
        (course.subsidyPerTrainee, course.subsidyWithCertificate) = subsidy(kind, &random)
        course.labourBrand = brand?.code ?? ""
        let place = JinchengDivisions.county(code: county)?.chineseName ?? String(county)
        course.name = brand.map { "\($0.name)培训班" } ?? "\(place)\(occupation.chineseName)(\(kind.mode.chineseName))培训班"
        return course
    }

    /// The certificate the course prepares for: the special kinds for the trades that need them
    /// (forklifts, electricians, welders), otherwise mostly a skill-level certificate at a level
    /// the programme suits — first certificates at 五级/四级, upgrades at 四级 to 二级.
    static func certificate(for occupation: Occupation, programme: TrainingProgramme,
                            _ random: inout SplitMix64) -> (CertificateKind, SkillLevel) {
        let special: CertificateKind? = switch occupation.code {
        case "6-30-05-01": .specialEquipmentOperator
        case "6-31-01-03", "6-18-02-04": .specialOperations
        default: nil
        }
        if let special, random.chance(0.4) { return (special, .unspecified) }
        let draw = random.below(100)
        let kind: CertificateKind = draw < 80 ? .skillLevel : draw < 88 ? .vocationalQualification : .specialAbility
        guard kind.hasLevels else { return (kind, .unspecified) }
        let level: SkillLevel = switch programme {
        case .levelUpgrade: random.element(of: [.level4, .level4, .level3, .level3, .level2])
        case .enterpriseEmployeeUpgrade: random.element(of: [.level4, .level3])
        default: random.chance(0.7) ? .level5 : .level4
        }
        // The occupation's highest level at or below the one drawn (家政服务员 stops at 二级).
        let offered = occupation.offers(level) ? level : occupation.levels.filter { $0 <= level }.max() ?? occupation.levels.first ?? .level5
        return (kind, offered)
    }

    /// Days a course runs, by mode: apprenticeships longest, online courses shortest.
    static func duration(_ mode: TrainingMode, _ random: inout SplitMix64) -> Int {
        switch mode {
        case .newApprenticeship: random.int(in: 60...120)
        case .trainingInPlaceOfWork: random.int(in: 20...60)
        case .workStudyIntegration: random.int(in: 30...90)
        case .internetPlus: random.int(in: 7...30)
        default: random.int(in: 10...30)
        }
    }

    /// Yuan per trainee who passes, and the higher tier for one who then obtains a certificate
    /// (0: none): apprenticeships are paid by the year, 以工代训 a flat 500, some online
    /// enterprise courses nothing; the certificate-bound programmes pay the tier.
    static func subsidy(_ kind: Kind, _ random: inout SplitMix64) -> (UInt32, UInt32) {
        func hundreds(_ range: ClosedRange<Int>) -> UInt32 { UInt32(random.int(in: range) * 100) }
        switch (kind.programme, kind.mode) {
        case (.enterpriseEmployeeUpgrade, .newApprenticeship): return (hundreds(40...60), 0)
        case (.enterpriseEmployeeUpgrade, .trainingInPlaceOfWork): return (500, 0)
        case (.enterpriseEmployeeUpgrade, _): return random.chance(0.5) ? (0, 0) : (300, 0)
        case (.keyGroupSubsidised, _):
            let standard = hundreds(8...18)
            return (standard, standard + hundreds(3...6))
        case (.firstCertificate, _):
            let standard = hundreds(6...12)
            return (standard, standard + hundreds(2...5))
        default:
            let standard = hundreds(8...20)
            return (standard, standard + hundreds(3...8))
        }
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
