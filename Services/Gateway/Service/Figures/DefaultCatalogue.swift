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
            key: "enterprise_training", nameZh: "企业职工技能提升培训", nameEn: "Enterprise-employee upgrade training in the year", unit: "person-times",
            formula: .measure(Measure(service: "training", name: "enterprise_training")),
            target: .city(200_000), yearly: true),
        Indicator(
            key: "key_group_training", nameZh: "重点群体补贴性培训", nameEn: "Subsidised key-group training in the year", unit: "person-times",
            formula: .measure(Measure(service: "training", name: "key_group_training")),
            target: .city(30_000), yearly: true),
        Indicator(
            key: "key_group_pass_rate", nameZh: "重点群体培训合格率", nameEn: "Key-group training pass rate", unit: "percent",
            formula: .percentage(Measure(service: "training", name: "key_group_passed"), of: Measure(service: "training", name: "key_group_completed")),
            target: .everyScope(95), yearly: true, steady: true),
        Indicator(
            key: "key_group_certificate_rate", nameZh: "重点群体培训后取证率", nameEn: "Key-group trainees then holding a certificate", unit: "percent",
            formula: .percentage(Measure(service: "training", name: "key_group_certified"), of: Measure(service: "training", name: "key_group_completed")),
            target: .everyScope(60), yearly: true, steady: true),
        Indicator(
            key: "key_group_employment_rate", nameZh: "重点群体培训后就业率", nameEn: "Key-group trainees then employed", unit: "percent",
            formula: .percentage(Measure(service: "training", name: "key_group_employed"), of: Measure(service: "training", name: "key_group_completed")),
            target: .everyScope(30), yearly: true, steady: true),
        Indicator(
            key: "trained_for_certificate", nameZh: "取证升级培训", nameEn: "Trained to obtain or upgrade a certificate", unit: "person-times",
            formula: .measure(Measure(service: "training", name: "trained_for_certificate")),
            baseline: 0, baselineDate: date(20200101), target: .city(400_000), deadline: date(20211231)),
        Indicator(
            key: "labour_brands", nameZh: "劳务品牌", nameEn: "Labour brands (city level or higher)", unit: "brands",
            formula: .measure(Measure(service: "training", name: "labour_brands")),
            target: .city(10), deadline: date(20211231)),
        Indicator(
            key: "counties_lacking_city_brand", nameZh: "缺市级劳务品牌的县", nameEn: "Counties without a city-level labour brand", unit: "counties",
            formula: .measure(Measure(service: "training", name: "counties_lacking_city_brand")),
            target: .everyScope(0), deadline: date(20201231), lowerIsBetter: true),
        Indicator(
            key: "counties_lacking_provincial_brand", nameZh: "缺省级劳务品牌的县", nameEn: "Counties without a provincial-level labour brand", unit: "counties",
            formula: .measure(Measure(service: "training", name: "counties_lacking_provincial_brand")),
            target: .everyScope(0), deadline: date(20211231), lowerIsBetter: true),
        Indicator(
            key: "technical_experts", nameZh: "晋城技术能手", nameEn: "Jincheng technical experts named in the year", unit: "persons",
            formula: .measure(Measure(service: "competition", name: "technical_experts")),
            target: .city(100), yearly: true),
        Indicator(
            key: "competition_participants", nameZh: "职业技能竞赛参赛人数", nameEn: "Competitors in the year's skills competitions", unit: "persons",
            formula: .measure(Measure(service: "competition", name: "participants")),
            target: .city(10_000), yearly: true),
        Indicator(
            key: "level_promotions", nameZh: "竞赛晋升职业技能等级", nameEn: "Winners promoted one skill level in the year", unit: "persons",
            formula: .measure(Measure(service: "competition", name: "level_promotions")),
            yearly: true),
        Indicator(
            key: "master_studios", nameZh: "技能大师工作室", nameEn: "Skill-master studios", unit: "studios",
            formula: .measure(Measure(service: "competition", name: "master_studios")),
            target: .city(50), deadline: date(20211231)),
        Indicator(
            key: "counties_without_studio", nameZh: "未建技能大师工作室的县", nameEn: "Counties without a skill-master studio", unit: "counties",
            formula: .measure(Measure(service: "competition", name: "counties_without_studio")),
            target: .everyScope(0), deadline: date(20201231), lowerIsBetter: true),
        Indicator(
            key: "certified_share", nameZh: "人人持证：持证劳动力占比", nameEn: "Registered labour holding a certificate", unit: "percent",
            formula: .percentage(Measure(service: "evaluation", name: "in_system_skilled_workers"), of: Measure(service: "registry", name: "registered"))),
    ])

    private static func date(_ yyyymmdd: Int32) -> CalendarDate { CalendarDate(yyyymmdd: yyyymmdd)! }
}
