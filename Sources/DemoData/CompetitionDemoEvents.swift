import JCSkillsProtocol

/// The demo's annual city competition: its award rule, its eight events (six for enterprise
/// workers, two for students, in occupations of ``OccupationCatalogue/default``), their
/// marking schemes and their judges.
enum CompetitionDemoEvents {
    static let year: Int32 = 2021
    static let competitionCode = "JC-2021-CITY"
    /// The day the events are held: ages are counted on it.
    static let heldOn = CalendarDate(year: 2021, month: 9, day: 15)!

    /// The annual city competition (plan, action 8): the top five of every event, and never
    /// more than a third of it, named 晋城技术能手 and promoted one level by the city centre,
    /// whose scope covers every occupation and level of the catalogue (``EvaluationDemoData``).
    static func competition() -> Competition {
        var competition = Competition()
        competition.code = competitionCode
        competition.name = "\(year)年晋城市职业技能大赛"
        competition.kind = .annualCity
        competition.year = year
        competition.organiser = "晋城市人力资源和社会保障局"
        competition.level = .city
        competition.county = 0
        competition.awardRule.topCount = 5
        competition.awardRule.topSharePercent = 34
        competition.awardRule.namesTechnicalExperts = true
        competition.awardRule.promotesOneLevel = true
        competition.awardRule.institutionCode = EvaluationDemoData.centre
        return competition
    }

    struct Plan {
        let code: String
        let occupation: String
        let group: ParticipantGroup
        /// Hundredths; 0 for the default (20 % of a criterion's maximum).
        let spreadBound: UInt32
    }

    /// Workers' events in the occupations the demo persons hold most among the verified ones;
    /// students' in the two their schools teach.
    static let plans: [Plan] = [
        Plan(code: "E01", occupation: "6-18-02-04", group: .workers, spreadBound: 0),     // 焊工
        Plan(code: "E02", occupation: "6-31-01-03", group: .workers, spreadBound: 0),     // 电工
        Plan(code: "E03", occupation: "6-18-01-01", group: .workers, spreadBound: 0),     // 车工
        Plan(code: "E04", occupation: "6-20-01-01", group: .workers, spreadBound: 0),     // 钳工
        Plan(code: "E05", occupation: "4-12-01-01", group: .workers, spreadBound: 0),     // 汽车维修工
        Plan(code: "E06", occupation: "4-03-02-01", group: .workers, spreadBound: 300),   // 中式烹调师: a tighter bound
        Plan(code: "E07", occupation: "6-31-01-03", group: .students, spreadBound: 0),    // 电工
        Plan(code: "E08", occupation: "4-12-01-01", group: .students, spreadBound: 0),    // 汽车维修工
    ]

    /// Three judges an event, J01–J24; every second event borrows the next event's first judge
    /// as a fourth (the last borrows J01), so some judges mark two events and some judgement
    /// criteria have a panel that is not the whole list.
    static let judgeCodes: [String] = (1...(3 * plans.count)).map(judgeCode)

    static func judgeCode(_ number: Int) -> String { number < 10 ? "J0\(number)" : "J\(number)" }

    static func judges(ofEvent index: Int) -> [String] {
        var judges = (1...3).map { judgeCode(3 * index + $0) }
        if index % 2 == 1 { judges.append(judgeCode((3 * (index + 1)) % judgeCodes.count + 1)) }
        return judges
    }

    /// Two schemes in the WorldSkills manner, mostly measured, a judged part; each adds up to
    /// 100 marks. Events alternate between them.
    static let schemes: [[Criterion]] = [
        [
            Criterion(code: "A1", description: "实操作品尺寸与功能", type: .measurement, maximum: 3_000),
            Criterion(code: "A2", description: "理论知识", type: .measurement, maximum: 2_000),
            Criterion(code: "B1", description: "工艺与外观质量", type: .judgement, maximum: 2_000),
            Criterion(code: "B2", description: "操作规范", type: .judgement, maximum: 1_500),
            Criterion(code: "C1", description: "安全文明生产", type: .measurement, maximum: 1_500),
        ],
        [
            Criterion(code: "A1", description: "实操任务完成度", type: .measurement, maximum: 4_000),
            Criterion(code: "A2", description: "理论知识", type: .measurement, maximum: 2_000),
            Criterion(code: "B1", description: "作品质量", type: .judgement, maximum: 2_500),
            Criterion(code: "B2", description: "职业素养", type: .judgement, maximum: 1_500),
        ],
    ]

    static func event(_ index: Int) -> Event {
        let plan = plans[index]
        var event = Event()
        event.competitionCode = competitionCode
        event.code = plan.code
        let occupation = OccupationCatalogue.default.occupation(code: plan.occupation)?.chineseName ?? plan.occupation
        event.name = "\(occupation)（\(CompetitionCSVFormat.group.terms.first { $0.value == plan.group }?.chineseName ?? plan.group.description)）"
        event.occupation = plan.occupation
        event.group = plan.group
        event.criteria = schemes[index % schemes.count]
        event.judges = judges(ofEvent: index)
        event.spreadBound = plan.spreadBound
        return event
    }

    /// The three judges who score the `judgement`-th judgement criterion of an event (0-based):
    /// a window rotating over its list, so with four judges each sits out a criterion.
    static func panel(_ judges: [String], judgement: Int) -> [String] {
        (0..<3).map { judges[(judgement + $0) % judges.count] }
    }
}
