import JCSkillsProtocol

/// The stock of skilled workers the evaluation centre declares for 31 December 2019, the
/// plan's baseline (seeds/: 284,000 skilled workers, 67,000 of them high-skill talents), by
/// county and highest level: what `EvaluationService.declareBaseline` is called with.
///
/// Shared out by each county's estimated labour force; by level 14 % holders of certificates
/// without levels, 29 % 五级, 33 % 四级 and the 67,000 high-skill talents as 45,000 三级, 15,000
/// 二级 and 7,000 一级. A demo smaller than the plan's 1.5 M persons declares the same shape
/// in proportion, so its story reads the same.
enum PlanBaseline {
    static let asOf = CalendarDate(year: 2019, month: 12, day: 31)!
    static let planPersons = 1_500_000

    /// The city's declared stock at the plan's size, by level.
    static let byLevel: [(level: SkillLevel, persons: Int)] = [
        (.unspecified, 40_000), (.level5, 82_000), (.level4, 95_000), (.level3, 45_000), (.level2, 15_000), (.level1, 7_000),
    ]

    /// The declarations for a demo of `persons`: one per county and level, each level's city
    /// total shared out by labour force with the rounding left to the last county.
    static func declarations(persons: Int) -> [BaselineDeclaration] {
        let counties = JinchengDivisions.countyCodes
        let force = counties.map { PlanCounties.labourForce[$0] ?? 0 }
        let total = force.reduce(0, +)
        var declarations: [BaselineDeclaration] = []
        for (level, planned) in byLevel {
            let city = planned * persons / planPersons
            var given = 0
            for (index, county) in counties.enumerated() {
                let share = index == counties.count - 1 ? city - given : city * force[index] / total
                given += share
                declarations.append(BaselineDeclaration(county: county, level: level, persons: UInt64(share), asOf: asOf.yyyymmdd))
            }
        }
        return declarations
    }

    /// A level drawn in the declared proportions: the level of an identified pre-system holder.
    static let levels = WeightedTable<SkillLevel>(byLevel.map { ($0.level, $0.persons / 1_000) })
}
