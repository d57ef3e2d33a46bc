import JCSkillsProtocol

extension IndicatorCatalogue {
    /// The plan's own figures (the action plan 2020–2021 in seeds/, and docs/DESIGN.md §6),
    /// used when the city has not given a catalogue file. `deploy/config/indicators.yaml` is
    /// the same in file form.
    static let plan = IndicatorCatalogue(indicators: [
        Indicator(
            key: "labour_registered", nameZh: "劳动力建档立卡", nameEn: "Labour force registered", unit: "persons",
            formula: .measure(Measure(service: "registry", name: "registered")),
            baseline: 0, baselineDate: date(20200101),
            target: .measure(Measure(service: "registry", name: "estimated_labour_force")), deadline: date(20201031)),
        Indicator(
            key: "labour_coverage", nameZh: "建档立卡覆盖率", nameEn: "Registration coverage", unit: "percent",
            formula: .percentage(Measure(service: "registry", name: "registered"), of: Measure(service: "registry", name: "estimated_labour_force")),
            baseline: 0, baselineDate: date(20200101), target: .everyScope(100), deadline: date(20201031)),
        Indicator(
            key: "enterprises_surveyed", nameZh: "企业用工需求调查", nameEn: "Enterprises surveyed for demand", unit: "enterprises",
            formula: .measure(Measure(service: "registry", name: "enterprises_surveyed"))),
        Indicator(
            key: "skilled_workers", nameZh: "技能劳动者总量", nameEn: "Skilled workers", unit: "persons",
            formula: .measure(Measure(service: "evaluation", name: "skilled_workers")),
            baseline: 284_000, baselineDate: date(20191231), target: .city(400_000), deadline: date(20211231)),
        Indicator(
            key: "high_skill_talent", nameZh: "高技能人才", nameEn: "High-skill talent", unit: "persons",
            formula: .measure(Measure(service: "evaluation", name: "high_skill")),
            baseline: 67_000, baselineDate: date(20191231), target: .city(120_000), deadline: date(20211231)),
        Indicator(
            key: "new_skilled_workers", nameZh: "年度新增技能劳动者", nameEn: "New skilled workers in the year", unit: "persons",
            formula: .measure(Measure(service: "evaluation", name: "new_skilled_workers")),
            target: .city(60_000), yearly: true),
        Indicator(
            key: "evaluation_institutions", nameZh: "评价机构", nameEn: "Active evaluation institutions", unit: "institutions",
            formula: .measure(Measure(service: "evaluation", name: "institutions_active")),
            target: .city(50), deadline: date(20211231)),
        Indicator(
            key: "enterprises_lacking_body", nameZh: "未建评价机构的规模企业", nameEn: "Enterprises (≥ 300 staff) lacking an evaluation body",
            unit: "enterprises",
            formula: .measure(Measure(service: "evaluation", name: "enterprises_lacking_body")),
            target: .everyScope(0), deadline: date(20211231), lowerIsBetter: true),
        Indicator(
            key: "certified_share", nameZh: "人人持证：持证劳动力占比", nameEn: "Registered labour holding a certificate", unit: "percent",
            formula: .percentage(Measure(service: "evaluation", name: "in_system_skilled_workers"), of: Measure(service: "registry", name: "registered"))),
    ])

    private static func date(_ yyyymmdd: Int32) -> CalendarDate { CalendarDate(yyyymmdd: yyyymmdd)! }
}
