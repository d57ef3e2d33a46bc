import JCSkillsProtocol

/// Which key employment groups a demo person belongs to: zero to two, consistent with the rest
/// of the record — 贫困劳动力 exactly for the poor category, 高校毕业生 only for graduates,
/// 企业职工 and 转岗职工 only when employed, 下岗失业人员 only when not, 两后生 only up to age
/// 19 without a degree. Only the plan's ten, which the registry accepts by default.
enum KeyGroupAssignment {
    static let maximum = 2

    static func draw(
        category: LabourCategory, age: Int, male: Bool, education: EducationLevel,
        employment: EmploymentStatus, _ random: inout SplitMix64
    ) -> [KeyEmploymentGroup] {
        let working = employment == .employed || employment == .selfEmployed
        var candidates: [(KeyEmploymentGroup, Double)] = []
        switch category {
        case .poor:
            candidates = [(.poorLabour, 1), (.ruralMigrantWorkers, 0.25)]
        case .universityGraduate:
            candidates = [(.collegeGraduates, 0.85), (.poorFamilyChildren, 0.05)]
        case .urban:
            candidates = [
                (.laidOffUnemployed, working ? 0 : 0.45),
                (.enterpriseEmployees, employment == .employed ? 0.35 : 0), (.redeployedWorkers, employment == .employed ? 0.05 : 0),
            ]
        default:
            candidates = [
                (.ruralMigrantWorkers, age >= 18 ? 0.30 : 0), (.poorFamilyChildren, age <= 25 ? 0.04 : 0),
            ]
        }
        let schoolLeaverAge = age <= 19 && education.rawValue <= EducationLevel.vocational.rawValue
        candidates += [
            (.schoolLeavers, schoolLeaverAge && category != .universityGraduate ? 0.4 : 0),
            (.veterans, age >= 20 ? (male ? 0.03 : 0.003) : 0),
            (.disabled, 0.02),
        ]
        var groups: [KeyEmploymentGroup] = []
        for (group, probability) in candidates where probability > 0 && random.chance(probability) {
            groups.append(group)
        }
        // Draw everything first so the stream of draws does not depend on the cap.
        return Array(groups.prefix(maximum)).sorted { $0.rawValue < $1.rawValue }
    }
}
