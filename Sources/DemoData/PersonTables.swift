import JCSkillsProtocol

/// The distributions behind demo persons. Plausible shapes, not statistics: they make the
/// analysis views look like a real city's (larger counties, a rural majority, graduates in
/// their twenties), nothing more.
enum PersonTables {
    /// Residence county, weighted roughly by population: 城区, 泽州 and 高平 largest.
    static let county = WeightedTable<Int32>([
        (140502, 22), (140525, 21), (140581, 21), (140522, 17), (140524, 10), (140521, 9),
    ])

    /// Counties that register first (stage 1, March–April 2020). Not in the seed: the demo's choice.
    static let pilotCounties: Set<Int32> = [140502, 140581]

    /// Category by county: the city district is mostly urban, the rest mostly rural.
    static func category(county: Int32) -> WeightedTable<LabourCategory> {
        county == 140502 ? urbanCategories : ruralCategories
    }

    private static let urbanCategories = WeightedTable<LabourCategory>([
        (.urban, 55), (.rural, 25), (.poor, 8), (.universityGraduate, 12),
    ])
    private static let ruralCategories = WeightedTable<LabourCategory>([
        (.rural, 58), (.urban, 22), (.poor, 13), (.universityGraduate, 7),
    ])

    /// Age on the registration date, by category (16–60; graduates 21–30).
    static func age(category: LabourCategory) -> WeightedTable<Int> {
        switch category {
        case .universityGraduate: graduateAges
        case .poor: poorAges
        case .urban: urbanAges
        default: ruralAges
        }
    }

    private static func ages(_ weight: (Int) -> Int) -> WeightedTable<Int> {
        WeightedTable((16...60).map { ($0, weight($0)) })
    }

    private static let ruralAges = ages { age in
        switch age {
        case ..<20: 3
        case ..<30: 7
        case ..<40: 9
        case ..<50: 11
        default: 9
        }
    }
    private static let urbanAges = ages { age in
        switch age {
        case ..<20: 1
        case ..<30: 9
        case ..<40: 11
        case ..<50: 10
        default: 6
        }
    }
    private static let poorAges = ages { age in
        switch age {
        case ..<20: 2
        case ..<30: 4
        case ..<40: 7
        case ..<50: 10
        default: 11
        }
    }
    private static let graduateAges = WeightedTable<Int>([
        (21, 4), (22, 12), (23, 14), (24, 11), (25, 8), (26, 6), (27, 4), (28, 3), (29, 2), (30, 2),
    ])

    static func education(category: LabourCategory) -> WeightedTable<EducationLevel> {
        switch category {
        case .universityGraduate: graduateEducation
        case .poor: poorEducation
        case .urban: urbanEducation
        default: ruralEducation
        }
    }

    private static let graduateEducation = WeightedTable<EducationLevel>([(.college, 45), (.university, 50), (.postgraduate, 5)])
    private static let ruralEducation = WeightedTable<EducationLevel>([
        (.primary, 12), (.juniorSecondary, 50), (.seniorSecondary, 20), (.vocational, 13), (.college, 5),
    ])
    private static let urbanEducation = WeightedTable<EducationLevel>([
        (.primary, 3), (.juniorSecondary, 25), (.seniorSecondary, 30), (.vocational, 20), (.college, 15), (.university, 7),
    ])
    private static let poorEducation = WeightedTable<EducationLevel>([
        (.primary, 25), (.juniorSecondary, 55), (.seniorSecondary, 12), (.vocational, 6), (.college, 2),
    ])

    /// The highest education plausible at an age: no degree at 16–18, no bachelor's before 21.
    static func capped(_ education: EducationLevel, age: Int) -> EducationLevel {
        switch age {
        case ..<19: EducationLevel(rawValue: min(education.rawValue, EducationLevel.vocational.rawValue))
        case ..<21: EducationLevel(rawValue: min(education.rawValue, EducationLevel.college.rawValue))
        case ..<24: EducationLevel(rawValue: min(education.rawValue, EducationLevel.university.rawValue))
        default: education
        }
    }

    static func employment(category: LabourCategory) -> WeightedTable<EmploymentStatus> {
        switch category {
        case .universityGraduate: graduateEmployment
        case .poor: poorEmployment
        case .urban: urbanEmployment
        default: ruralEmployment
        }
    }

    private static let graduateEmployment = WeightedTable<EmploymentStatus>([(.employed, 45), (.seeking, 43), (.unemployed, 8), (.selfEmployed, 4)])
    private static let ruralEmployment = WeightedTable<EmploymentStatus>([(.employed, 62), (.seeking, 14), (.unemployed, 14), (.selfEmployed, 10)])
    private static let urbanEmployment = WeightedTable<EmploymentStatus>([(.employed, 70), (.seeking, 12), (.unemployed, 12), (.selfEmployed, 6)])
    private static let poorEmployment = WeightedTable<EmploymentStatus>([(.employed, 45), (.seeking, 25), (.unemployed, 25), (.selfEmployed, 5)])

    /// Current work, by occupation code: mining, metalwork and driving dominate the city.
    static let currentOccupation = occupationTable([
        "6-16-01-05": 14, "6-16-01-06": 8, "6-18-02-04": 8, "6-31-01-03": 9, "6-18-02-01": 4, "6-18-01-01": 4,
        "6-18-01-02": 2, "6-20-01-01": 5, "6-30-05-01": 6, "6-30-05-05": 5, "4-03-02-01": 7, "4-03-02-02": 3,
        "4-10-01-06": 5, "4-12-01-01": 5, "6-17-02-02": 4, "6-22-02-01": 2, "6-25-01-13": 2, "4-02-07-08": 5,
        "4-10-01-05": 2,
    ])

    /// Wished-for training: more electricians, forklifts, domestic and elderly care, cooks.
    static let wishedOccupation = occupationTable([
        "6-16-01-05": 4, "6-16-01-06": 3, "6-18-02-04": 10, "6-31-01-03": 14, "6-18-02-01": 2, "6-18-01-01": 4,
        "6-18-01-02": 3, "6-20-01-01": 5, "6-30-05-01": 10, "6-30-05-05": 6, "4-03-02-01": 9, "4-03-02-02": 5,
        "4-10-01-06": 8, "4-12-01-01": 8, "6-17-02-02": 1, "6-22-02-01": 3, "6-25-01-13": 3, "4-02-07-08": 4,
        "4-10-01-05": 8,
    ])

    static let trainingMode = WeightedTable<TrainingMode>([
        (.projectBased, 40), (.trainingInPlaceOfWork, 25), (.internetPlus, 15), (.newApprenticeship, 10), (.workStudyIntegration, 10),
    ])

    /// Address codes of ID numbers issued outside Jincheng: Taiyuan's districts, and Changzhi
    /// codes from before its 2018 reorganisation (still on older cards).
    static let outsideAddressCodes: [Int32] = [140105, 140106, 140107, 140108, 140109, 140110, 140402, 140411]

    /// Mobile prefixes in common use (China Mobile, Unicom, Telecom).
    static let phonePrefixes: [String] = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
    ]

    private static func occupationTable(_ weights: [String: Int]) -> WeightedTable<Occupation> {
        // In catalogue order, not dictionary order, so draws are the same on every run.
        WeightedTable(OccupationCatalogue.default.occupations.map { ($0, weights[$0.code] ?? 0) })
    }
}
