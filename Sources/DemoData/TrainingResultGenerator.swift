import JCSkillsProtocol

/// What the providers report for the demo's enrolments: results.csv rows that the service's
/// result rules accept (completion on or after the course's first day; a job with an employer
/// or self-employed, never both, starting on or after it).
///
/// About 97 % of trainees have a result; of those about 95 % pass (by provider: see
/// ``TrainingDemoProviders``); the last day of the course is the completion day, except for
/// some who fail after leaving early. Enterprise-employee courses report their trainees
/// employed by the enterprise from the course's first day; other passers find a job with a
/// demo enterprise of the course's county or set up on their own within four months.
struct TrainingResultGenerator {
    let seed: UInt64
    let providers: TrainingDemoProviders
    /// Provider credit code → provider.
    private let byCode: [String: TrainingDemoProviders.Provider]

    init(seed: UInt64, providers: TrainingDemoProviders) {
        self.seed = seed
        self.providers = providers
        var byCode: [String: TrainingDemoProviders.Provider] = [:]
        for provider in providers.institutions.values.joined() { byCode[provider.creditCode] = provider }
        for provider in providers.enterprises.values.joined() { byCode[provider.creditCode] = provider }
        self.byCode = byCode
    }

    /// The result of the `sequence`-th enrolment (1-based, in enrolments.csv order) in
    /// `course`; nil when the provider has reported none.
    func result(sequence: Int, course: Course) -> TrainingResult? {
        var random = SplitMix64(seed: seed, stream: 33, index: UInt64(sequence))
        guard random.chance(0.97) else { return nil }
        let provider = byCode[course.providerCreditCode]
        var result = TrainingResult()
        result.enrolmentNumber = TrainingCSVFormat.enrolmentNumber(sequence: sequence, year: course.startsOn / 10_000)
        result.passed = random.chance(provider?.passRate ?? 0.95)
        let start = CalendarDate(yyyymmdd: course.startsOn)!, end = CalendarDate(yyyymmdd: course.endsOn)!
        let days = end.dayNumber - start.dayNumber + 1
        result.completedOn = result.passed || random.chance(0.7) ? course.endsOn : start.adding(days: random.below(days))!.yyyymmdd

        if course.programme == .enterpriseEmployeeUpgrade, course.providerKind == .enterprise {
            // The enterprise's own employees: in the job before, during and after the course.
            guard random.chance(0.9) else { return result }
            result.employerCreditCode = course.providerCreditCode
            result.employedOn = course.startsOn
            result.employmentVerified = true
            return result
        }
        let placement = (provider?.placementRate ?? 0.5) * (result.passed ? 1 : 0.3)
        guard random.chance(placement) else { return result }
        let employers = (providers.enterprises[course.county] ?? []).map(\.creditCode)
        if random.chance(0.2) || employers.isEmpty {
            result.selfEmployed = true
            result.employmentVerified = random.chance(0.3)
        } else {
            result.employerCreditCode = random.element(of: employers)
            result.employmentVerified = random.chance(0.7)
        }
        result.employedOn = end.adding(days: 1 + random.below(120))!.yyyymmdd
        return result
    }

    /// The result as a results.csv record (``TrainingCSVFormat/ResultColumn`` order).
    static func fields(_ result: TrainingResult) -> [String] {
        func date(_ value: Int32) -> String { CalendarDate(yyyymmdd: value)?.isoString ?? "" }
        func flag(_ value: Bool) -> String { value ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText }
        return [
            result.enrolmentNumber, date(result.completedOn), flag(result.passed), result.employerCreditCode,
            flag(result.selfEmployed), date(result.employedOn), flag(result.employmentVerified),
        ]
    }
}
