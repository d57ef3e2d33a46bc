import JCSkillsProtocol

/// Who gives the demo's courses: the registry demo's enterprises (same seed, same credit
/// codes) and three private training schools per county, each with how well its trainees do —
/// most pass about 96 % and place half or more in jobs; about one in eight passes fewer than
/// 95 % or places fewer than 30 %, so the indicators' provider flags have something to show.
struct TrainingDemoProviders: Sendable {
    struct Provider: Sendable {
        let creditCode: String
        let kind: TrainingProviderKind
        let county: Int32
        /// Chance that a trainee passes.
        let passRate: Double
        /// Chance that a trainee who passed reports a job after the course.
        let placementRate: Double
    }

    static let institutionsPerCounty = 3

    /// The training schools of each county.
    let institutions: [Int32: [Provider]]
    /// The demo enterprises of each county (empty without enterprises).
    let enterprises: [Int32: [Provider]]
    /// Every demo enterprise's credit code, in row order: employers after training.
    let enterpriseCodes: [String]

    init(enterprises count: Int, seed: UInt64) {
        let registry = RegistryDemoData(persons: 0, enterprises: count, seed: seed)
        var enterprises: [Int32: [Provider]] = [:]
        var codes: [String] = []
        for row in stride(from: 1, through: count, by: 1) {
            let enterprise = registry.enterprise(row: row)
            codes.append(enterprise.creditCode)
            var random = SplitMix64(seed: seed, stream: 35, index: UInt64(row))
            enterprises[enterprise.county, default: []].append(
                Self.provider(enterprise.creditCode, .enterprise, enterprise.county, &random))
        }
        var institutions: [Int32: [Provider]] = [:]
        for county in JinchengDivisions.countyCodes {
            institutions[county] = (1...Self.institutionsPerCounty).map { index in
                var random = SplitMix64(seed: seed, stream: 36, index: UInt64(county) * 10 + UInt64(index))
                return Self.provider(Self.schoolCreditCode(county: county, index: index, seed: seed), .trainingInstitution, county, &random)
            }
        }
        self.institutions = institutions
        self.enterprises = enterprises
        self.enterpriseCodes = codes
    }

    private static func provider(_ code: String, _ kind: TrainingProviderKind, _ county: Int32, _ random: inout SplitMix64) -> Provider {
        let passRate = random.chance(0.12) ? 0.85 : 0.965
        let placementRate = random.chance(0.12) ? 0.2 : 0.5 + Double(random.below(25)) / 100
        return Provider(creditCode: code, kind: kind, county: county, passRate: passRate, placementRate: placementRate)
    }

    /// A private training school's code: `52` (civil affairs, 民办非企业单位) + the county +
    /// an organisation code + check. The `52` prefix keeps them apart from the enterprises'
    /// `91` codes; the body is a bijection of (county, index).
    static func schoolCreditCode(county: Int32, index: Int, seed: UInt64) -> String {
        let n = (Int(county % 1_000) * 100 + index) * 37_619_471 % 100_000_000
        let offset = Int(seed % 1_000_000)
        let digits = String((n + offset) % 100_000_000)
        let body = String(repeating: "0", count: 8 - digits.count) + digits
        let first17 = "52" + String(county) + body + String(EnterpriseGenerator.organizationCheck(body))
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: first17)!)
    }
}
