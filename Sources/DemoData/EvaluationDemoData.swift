import Foundation
import JCSkillsProtocol

/// Deterministic demo data for the evaluation service, consistent with the registry's demo
/// data of the same persons, enterprises and seed: the certificate holders are the registry's
/// demo persons (same ID numbers and names), the enterprise bodies belong to its enterprises
/// of ≥ 300 staff. Written as ``EvaluationCSVFormat`` files.
///
/// - **Institutions** (≥ 50, the four types): the city centre, a vocational college per
///   county, social organisations in every county, and an enterprise body for about two of
///   every three large enterprises (the rest show up in the compliance view).
/// - **Certificates**: about a third of the persons hold 1–3 certificates of the five kinds,
///   issued 2008–2021 by an institution of their county or the city centre; levels weighted
///   towards 4 and 5, as in the city, and never above what the holder's years of work at the
///   issue date allow (``minimumYearsWorked``: no 18-year-old 高级技师); special operations and
///   special equipment spread over their categories as a coal-mining city's would
///   (``operations``, ``equipment``); those issued before 2020 carry `pre_system`.
public struct EvaluationDemoData: Sendable {
    public var persons: Int
    public var enterprises: Int
    public var seed: UInt64
    /// Share of persons holding at least one certificate.
    public var certifiedShare: Double = 0.35

    public init(persons: Int, enterprises: Int, seed: UInt64) {
        self.persons = persons
        self.enterprises = enterprises
        self.seed = seed
    }

    public struct Summary: Hashable, Sendable {
        public var institutions: Int
        public var certificates: Int
        public var holders: Int
    }

    static let counties: [Int32] = JinchengDivisions.counties.map(\.code)
    static let centre = "JC-CENTRE"
    static let preSystemBefore: Int32 = 20200101
    static let firstIssue = CalendarDate(year: 2008, month: 1, day: 1)!
    static let issueDays = 5_053  // through 2021-10-31

    /// Every institution, by type then county.
    public func institutions() -> [Institution] {
        let catalogue = OccupationCatalogue.default.occupations
        let everything = catalogue.flatMap { occupation in
            [ScopeEntry(occupation: occupation.code, levels: occupation.levels), ScopeEntry(occupation: occupation.code, levels: [])]
        }
        var result: [Institution] = [Self.make(Self.centre, "晋城市职业技能鉴定中心", .cityCentre, JinchengDivisions.city.code, scope: everything)]
        for county in Self.counties {
            result.append(Self.make("JC-VC-\(county)", "\(Self.countyName(county))职业技术学校", .vocationalCollege, county, scope: everything))
        }
        let registry = RegistryDemoData(persons: 0, enterprises: enterprises, seed: seed)
        var bodies: [Institution] = []
        for row in stride(from: 1, through: enterprises, by: 1) {
            let enterprise = registry.enterprise(row: row)
            var random = SplitMix64(seed: seed, stream: 21, index: UInt64(row))
            guard enterprise.staffCount >= 300, random.chance(0.67) else { continue }
            let occupations = (0..<2).map { _ in random.element(of: catalogue) }
            var body = Self.make("JC-EB-\(enterprise.creditCode.suffix(8))", "\(enterprise.name)技能评价站", .enterpriseBody, enterprise.county,
                                 scope: occupations.map { ScopeEntry(occupation: $0.code, levels: $0.levels) })
            body.enterpriseCreditCode = enterprise.creditCode
            bodies.append(body)
        }
        // At least fifty in all (the plan's target), with at least four social organisations a county.
        let perCounty = max(4, (50 - result.count - bodies.count + Self.counties.count - 1) / Self.counties.count)
        for county in Self.counties {
            for index in 1...perCounty {
                result.append(Self.make("JC-SO-\(county)-\(index)", "\(Self.countyName(county))第\(index)社会培训评价组织",
                                        .socialOrganisation, county, scope: everything))
            }
        }
        return result + bodies
    }

    public static func institutionFields(_ institution: Institution) -> [String] {
        [
            institution.code, institution.name, EvaluationCSVFormat.institutionType.text(for: institution.type),
            String(institution.county), institution.enterpriseCreditCode, EvaluationCSVFormat.formatScope(institution.scope),
        ]
    }

    /// Writes certificates.csv's header and rows; returns (certificates, holders).
    @discardableResult
    public func writeCertificates(to sink: inout some CSVSink) throws -> (certificates: Int, holders: Int) {
        try sink.writeRecord(EvaluationCSVFormat.certificateHeader)
        let catalogue = OccupationCatalogue.default.occupations
        var sequence = 0
        var holders = Set<String>()
        for person in RegistryDemoData(persons: persons, enterprises: 0, seed: seed).persons() where person.defect == nil {
            var random = SplitMix64(seed: seed, stream: 22, index: UInt64(person.row))
            guard random.chance(certifiedShare) else { continue }
            holders.insert(person.idNumber)
            // Certified from age 18 on, not before 2008.
            let earliest = max(Self.firstIssue, person.birthDate.adding(years: 18) ?? Self.firstIssue)
            for _ in 0..<(1 + random.below(3)) {
                let kind = Self.kinds.draw(&random)
                let occupation = person.occupation.flatMap { own in catalogue.first { $0.code == own.code } }
                    .flatMap { random.chance(0.6) ? $0 : nil } ?? random.element(of: catalogue)
                var issued = Self.firstIssue.adding(days: random.below(Self.issueDays))!
                if issued < earliest { issued = earliest.adding(days: random.below(400)) ?? earliest }
                var level = SkillLevel.unspecified
                if kind.hasLevels {
                    level = min(Self.levels.draw(&random), Self.highestLevel(yearsWorked: person.birthDate.years(until: issued) - 18))
                    if !occupation.offers(level) { level = occupation.levels.filter { $0 <= level }.max() ?? occupation.levels.min() ?? .level5 }
                }
                sequence += 1
                let number = "JCH\(issued.year)" + String(repeating: "0", count: max(0, 8 - String(sequence).count)) + String(sequence)
                let institution = random.chance(0.2) ? Self.centre
                    : random.chance(0.3) ? "JC-VC-\(person.residenceCounty)" : "JC-SO-\(person.residenceCounty)-1"
                let operation = kind == .specialOperations ? Self.operations.draw(&random)
                    : kind == .specialEquipmentOperator ? Self.equipment.draw(&random) : ""
                try sink.writeRecord([
                    number, institution, EvaluationCSVFormat.certificateKind.text(for: kind), occupation.code, occupation.chineseName,
                    level == .unspecified ? "" : String(level.rawValue), operation, person.idNumber, person.name, "",
                    String(person.residenceCounty), issued.isoString,
                    issued.yyyymmdd < Self.preSystemBefore ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText,
                ])
            }
        }
        // The certificates trainees of the training demo data obtained after their courses.
        for after in TrainingDemoData(persons: persons, enterprises: enterprises, seed: seed).certificatesAfterTraining() {
            let course = after.course
            var random = SplitMix64(seed: seed, stream: 23, index: UInt64(after.holder.row))
            let operation = course.certificateKind == .specialOperations ? Self.operations.draw(&random)
                : course.certificateKind == .specialEquipmentOperator ? Self.equipment.draw(&random) : ""
            try sink.writeRecord([
                after.certificateNumber, "JC-SO-\(after.holder.residenceCounty)-1", EvaluationCSVFormat.certificateKind.text(for: course.certificateKind),
                course.occupation, OccupationCatalogue.default.occupation(code: course.occupation)?.chineseName ?? "",
                after.level == .unspecified ? "" : String(after.level.rawValue), operation, after.holder.idNumber, after.holder.name, "",
                String(after.holder.residenceCounty), after.issuedOn.isoString,
                after.issuedOn.yyyymmdd < Self.preSystemBefore ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText,
            ])
            sequence += 1
            holders.insert(after.holder.idNumber)
        }
        return (sequence, holders.count)
    }

    /// Writes institutions.csv and certificates.csv into `directory`.
    @discardableResult
    public func write(to directory: String) throws -> Summary {
        try FileCSVSink.makeDirectory(directory)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var institutionSink = try FileCSVSink(path: path(EvaluationCSVFormat.institutionsFileName))
        try institutionSink.writeRecord(EvaluationCSVFormat.institutionHeader)
        let all = institutions()
        for institution in all { try institutionSink.writeRecord(Self.institutionFields(institution)) }
        try institutionSink.close()
        var certificateSink = try FileCSVSink(path: path(EvaluationCSVFormat.certificatesFileName))
        let written = try writeCertificates(to: &certificateSink)
        try certificateSink.close()
        return Summary(institutions: all.count, certificates: written.certificates, holders: written.holders)
    }

    static let kinds = WeightedTable<CertificateKind>([
        (.skillLevel, 55), (.vocationalQualification, 15), (.specialAbility, 8), (.specialOperations, 10), (.specialEquipmentOperator, 12),
    ])
    static let levels = WeightedTable<SkillLevel>([(.level5, 30), (.level4, 35), (.level3, 22), (.level2, 9), (.level1, 4)])

    /// Years of work (counted from 18) a level asks for at the least, by the national skill
    /// standards' application rules taken as a straight path: 中级 about five years in, 高级
    /// ten, 技师 fourteen, 高级技师 eighteen.
    static let minimumYearsWorked: [(level: SkillLevel, years: Int)] = [
        (.level5, 0), (.level4, 5), (.level3, 10), (.level2, 14), (.level1, 18),
    ]

    /// The highest level `yearsWorked` allows.
    static func highestLevel(yearsWorked: Int) -> SkillLevel {
        minimumYearsWorked.last { yearsWorked >= $0.years }?.level ?? .level5
    }

    /// Special-operations categories (特种作业, 应急管理部 catalogue), weighted for a coal-mining
    /// city: electricians and welders everywhere, coal-mine safety work next.
    static let operations = WeightedTable<String>([
        ("电工作业", 30), ("焊接与热切割作业", 22), ("煤矿安全作业", 20), ("高处作业", 12), ("危险化学品安全作业", 5),
        ("制冷与空调作业", 4), ("金属非金属矿山安全作业", 4), ("冶金(有色)生产安全作业", 3),
    ])

    /// Special-equipment items (特种设备作业人员 codes): forklifts first, then cranes and boilers.
    static let equipment = WeightedTable<String>([
        ("N1", 35), ("Q2", 20), ("G1", 12), ("A", 10), ("Q1", 8), ("R1", 5), ("P", 5), ("T", 5),
    ])

    static func make(_ code: String, _ name: String, _ type: InstitutionType, _ county: Int32, scope: [ScopeEntry]) -> Institution {
        var institution = Institution()
        institution.code = code
        institution.name = name
        institution.type = type
        institution.county = county
        institution.scope = scope
        return institution
    }

    static func countyName(_ code: Int32) -> String {
        JinchengDivisions.counties.first { $0.code == code }?.chineseName ?? String(code)
    }
}
