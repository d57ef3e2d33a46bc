import JCSkillsProtocol

/// Generates demo enterprises and their demand. Enterprise e depends only on (seed, e), so the
/// demand file regenerates it instead of keeping the enterprise list in memory.
enum EnterpriseGenerator {
    /// Enterprise county, weighted: the industrial 泽州, 城区 and 高平 host most.
    static let county = WeightedTable<Int32>([
        (140525, 26), (140502, 24), (140581, 20), (140522, 14), (140521, 9), (140524, 7),
    ])

    /// Trade-name characters; a name takes one of each list.
    static let tradeFirst: [String] = Array("宏华金兰鑫泰晋丹凤太长沁阳高天鼎盛瑞兴安永恒富昌合利丰隆源通达嘉福").map(String.init)
    static let tradeSecond: [String] = Array("达鑫源泰兴盛宇峰阳鼎润诚信和通宝德辉茂恒锦安旺晟达升荣川").map(String.init)

    static func enterprise(row: Int, seed: UInt64) -> DemoEnterprise {
        generate(row: row, seed: seed).enterprise
    }

    private static func generate(row: Int, seed: UInt64) -> (enterprise: DemoEnterprise, industry: Industry) {
        var random = SplitMix64(seed: seed, stream: 2, index: UInt64(row))
        let county = county.draw(&random)
        let industry = Industry.table.draw(&random)
        let staff = staffCount(largeShare: industry.largeShare, &random)
        let above: Bool = switch staff {
        case 300...: random.chance(0.9)
        case 100...: random.chance(0.5)
        case 20...: random.chance(0.12)
        default: false
        }
        // City-level registrations carry the city bureau's code 140500.
        let division: Int32 = random.chance(0.15) ? JinchengDivisions.city.code : county
        let place = random.chance(0.3) ? "晋城市" : JinchengDivisions.county(code: county)!.chineseName
        let suffix = random.element(of: ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"])
        let name = place + random.element(of: tradeFirst) + random.element(of: tradeSecond) + industry.nameWord + suffix
        let enterprise = DemoEnterprise(
            row: row, creditCode: creditCode(division: division, row: row, seed: seed, &random), name: name,
            county: county, industry: industry.name, staffCount: staff, aboveDesignatedSize: above
        )
        return (enterprise, industry)
    }

    /// Demand lines of enterprise `row`: 1–4 distinct (occupation, level, year) lines from its
    /// industry's occupations, at levels the occupation has.
    static func demand(row: Int, seed: UInt64) -> [DemoDemand] {
        let (enterprise, industry) = generate(row: row, seed: seed)
        var random = SplitMix64(seed: seed, stream: 3, index: UInt64(row))
        let lines = demandLineCount.draw(&random) + (enterprise.staffCount >= 300 && random.chance(0.5) ? 1 : 0)
        var seen: Set<String> = []
        var result: [DemoDemand] = []
        for _ in 0..<(lines * 3) where result.count < min(lines, 4) {
            let occupation = OccupationCatalogue.default.occupation(code: random.element(of: industry.occupations))!
            let level = closestLevel(to: demandLevel.draw(&random), in: occupation)
            let year = 2020 + random.below(3)
            let key = "\(occupation.code)|\(level.rawValue)|\(year)"
            let scale = max(1, enterprise.staffCount / 40)
            let headcount = 1 + random.below(min(scale * 2, 200))
            guard seen.insert(key).inserted else { continue }
            result.append(DemoDemand(creditCode: enterprise.creditCode, occupation: occupation, level: level, year: year, headcount: headcount))
        }
        return result
    }

    private static let demandLineCount = WeightedTable<Int>([(1, 30), (2, 35), (3, 25), (4, 10)])
    private static let demandLevel = WeightedTable<SkillLevel>([(.level5, 30), (.level4, 35), (.level3, 25), (.level2, 8), (.level1, 2)])

    /// The level itself when the occupation has it, otherwise its highest level.
    private static func closestLevel(to level: SkillLevel, in occupation: Occupation) -> SkillLevel {
        occupation.offers(level) ? level : occupation.levels.max() ?? .unspecified
    }

    /// A long tail: most enterprises small, `largeShare` percent with 300–20,000 staff.
    private static func staffCount(largeShare: Int, _ random: inout SplitMix64) -> Int {
        let tier = random.below(100)
        if tier < largeShare {
            // Pareto with α = 1.5 above 300.
            let u = 1 - random.unit()
            return min(20_000, Int(300 / pow15root(u)))
        }
        switch random.below(100) {
        case ..<55: return random.int(in: 5...49)
        case ..<82: return random.int(in: 50...149)
        default: return random.int(in: 150...299)
        }
    }

    /// u^(2/3), for the inverse CDF of a Pareto(1.5) draw. Newton's method on x³ = u rather
    /// than the C library's pow, whose last bits may differ between platforms and would make
    /// "the same" data differ.
    private static func pow15root(_ u: Double) -> Double {
        // From 1, above the root, the iteration decreases monotonically to it.
        var x = 1.0
        for _ in 0..<60 { x -= (x * x * x - u) / (3 * x * x) }
        return x * x
    }

    /// `91` + division + organisation code + check. The organisation code's 8-character body
    /// comes from a bijection of the row number, so codes are unique for up to 10⁸ rows; 60%
    /// have the post-2015 `MA…` form, the rest eight digits; position 17 is the GB 11714 check.
    static func creditCode(division: Int32, row: Int, seed: UInt64, _ random: inout SplitMix64) -> String {
        let offset = Int(seed % 100_000_000)
        // 48,271,231 is coprime with 10⁸, so rows map to distinct bodies, spread over the range.
        let n = (row * 48_271_231 + offset) % 100_000_000
        var body: String
        if random.chance(0.6) {
            // "MA" + six characters of the 31-character alphabet (31⁶ > 10⁸, so still injective).
            body = "MA"
            var rest = n
            var characters: [Character] = []
            for _ in 0..<6 {
                characters.append(UnifiedSocialCreditCode.alphabet[rest % 31])
                rest /= 31
            }
            body += String(characters.reversed())
        } else {
            let digits = String(n)
            body = String(repeating: "0", count: 8 - digits.count) + digits
        }
        let first17 = "91" + String(division) + body + String(organizationCheck(body))
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: first17)!)
    }

    /// GB 11714 check character of an 8-character organisation code body: weights
    /// 3 7 9 10 5 8 4 2, letters valued A = 10 … Z = 35, C = 11 − (S mod 11), 10 → X, 11 → 0.
    static func organizationCheck(_ body: String) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (index, character) in body.enumerated() {
            let ascii = Int(character.asciiValue!)
            let value = ascii >= 65 ? ascii - 55 : ascii - 48
            sum += value * weights[index]
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let check: return Character(String(check))
        }
    }
}
