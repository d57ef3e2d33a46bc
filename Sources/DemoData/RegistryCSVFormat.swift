import JCSkillsProtocol

/// The registry's three CSV files, shared by the demo-data generator and the importer so the
/// two cannot drift apart.
///
/// Every file: UTF-8 without byte-order mark, one header row with the column names below,
/// then one record per line ended by `\n`, RFC 4180 quoting (``CSVRow``) where a field holds
/// a comma or quote; no field contains a line break. Dates are ISO `yyyy-mm-dd`, lists are
/// separated by ``listSeparator``, booleans are `true`/`false`, enums use the vocabularies
/// below (English slug; the importer also accepts the Chinese name or the wire number).
/// The importer reads more than the generator writes: GBK, GB18030 or Big5 as well as UTF-8
/// (``CSVTextEncoding``, through ``LineReader``), CRLF line ends, and a byte-order mark; it
/// holds a line to 16 KiB and a field to 4 KiB, and reports a record whose key (ID number,
/// credit code) appeared on an earlier line.
///
/// **persons.csv** (one person per line, ``PersonColumn``):
/// `id_number,name,gender,residence_county,category,key_groups,education,employment,occupation,occupation_name,training_wish,training_wish_name,training_mode,phone,stage,registered_on`
/// - `id_number` 18 characters (GB 11643); `gender` `male`/`female`, must agree with it.
/// - `residence_county` a six-digit Jincheng county code, e.g. `140524`.
/// - `category` ``category``; `key_groups` ``KeyEmploymentGroup/slug``s, e.g.
///   `poor_labour;disabled`, empty for none; `education`, `employment`, `training_mode` the
///   vocabularies below.
/// - `occupation`, `training_wish` occupation codes (`6-30-05-01`) or empty; the `_name`
///   columns repeat the Chinese name for people reading the file and are not imported.
/// - `phone` 11-digit mobile; `stage` 1 pilot, 2 key groups, 3 general rollout;
///   `registered_on` the registration date (ages are taken on it).
///
/// **enterprises.csv** (``EnterpriseColumn``):
/// `credit_code,name,county,industry,staff_count,above_designated_size`
///
/// **demand.csv** (one line per enterprise × occupation × level × year, ``DemandColumn``):
/// `credit_code,occupation,occupation_name,skill_level,year,headcount`
/// - `skill_level` the certificate number 1–5 (5 = 初级工 … 1 = 高级技师, ``SkillLevel``).
public enum RegistryCSVFormat {
    public static let personsFileName = "persons.csv"
    public static let enterprisesFileName = "enterprises.csv"
    public static let demandFileName = "demand.csv"

    /// Separates the values of a list field such as `key_groups`.
    public static let listSeparator: Character = ";"
    public static let trueText = "true"
    public static let falseText = "false"

    /// Stage numbers of the rollout (the `stage` column).
    public enum Stage {
        /// Pilot counties register first.
        public static let pilot: Int32 = 1
        /// Then key employment groups everywhere.
        public static let keyGroups: Int32 = 2
        /// Then everyone.
        public static let general: Int32 = 3
    }

    /// The columns of persons.csv, in file order; `rawValue` is the header name.
    public enum PersonColumn: String, CaseIterable, Sendable {
        case idNumber = "id_number"
        case name
        case gender
        case residenceCounty = "residence_county"
        case category
        case keyGroups = "key_groups"
        case education
        case employment
        case occupation
        case occupationName = "occupation_name"
        case trainingWish = "training_wish"
        case trainingWishName = "training_wish_name"
        case trainingMode = "training_mode"
        case phone
        case stage
        case registeredOn = "registered_on"

        /// 0-based position in a record.
        public var index: Int { Self.ordered.firstIndex(of: self)! }
        // allCases builds a new array on every call; importers ask for indexes per field.
        private static let ordered = allCases
    }

    /// The columns of enterprises.csv, in file order.
    public enum EnterpriseColumn: String, CaseIterable, Sendable {
        case creditCode = "credit_code"
        case name
        /// Six-digit county code.
        case county
        /// Free text, e.g. 煤炭开采.
        case industry
        case staffCount = "staff_count"
        /// 规模以上企业: `true` or `false`.
        case aboveDesignatedSize = "above_designated_size"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    /// The columns of demand.csv, in file order.
    public enum DemandColumn: String, CaseIterable, Sendable {
        case creditCode = "credit_code"
        case occupation
        case occupationName = "occupation_name"
        case skillLevel = "skill_level"
        case year
        case headcount

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public static let personHeader: [String] = PersonColumn.allCases.map(\.rawValue)
    public static let enterpriseHeader: [String] = EnterpriseColumn.allCases.map(\.rawValue)
    public static let demandHeader: [String] = DemandColumn.allCases.map(\.rawValue)

    /// `true`/`false`; also reads `1`/`0`, `yes`/`no`, `是`/`否`, and an empty field as false.
    /// Nil for anything else.
    public static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "是": true
        case "false", "0", "no", "否", "": false
        default: nil
        }
    }

    /// Splits a list field; an empty field is an empty list.
    public static func splitList(_ text: String) -> [String] {
        text.split(separator: listSeparator, omittingEmptySubsequences: true).map(String.init)
    }

    /// Key groups from a `key_groups` field (slugs, Chinese names or numbers); nil when an
    /// entry names no group of `catalogue`.
    public static func parseKeyGroups(_ text: String, catalogue: KeyGroupCatalogue = .default) -> [KeyEmploymentGroup]? {
        var groups: [KeyEmploymentGroup] = []
        for item in splitList(text) {
            let group = catalogue.group(named: item) ?? Int32(item).map(KeyEmploymentGroup.init(rawValue:))
            guard let group, catalogue.contains(group) else { return nil }
            groups.append(group)
        }
        return groups
    }

    /// The `key_groups` field for a list of groups.
    public static func formatKeyGroups(_ groups: [KeyEmploymentGroup]) -> String {
        groups.map(\.slug).joined(separator: String(listSeparator))
    }

    public static let gender = CSVVocabulary<Gender>([
        .init(.male, "male", "男"),
        .init(.female, "female", "女"),
    ])

    public static let category = CSVVocabulary<LabourCategory>([
        .init(.poor, "poor", "贫困劳动力"),
        .init(.universityGraduate, "university_graduate", "毕业大学生"),
        .init(.rural, "rural", "农村劳动力"),
        .init(.urban, "urban", "城镇劳动力"),
    ])

    public static let education = CSVVocabulary<EducationLevel>([
        .init(.primary, "primary", "小学"),
        .init(.juniorSecondary, "junior_secondary", "初中"),
        .init(.seniorSecondary, "senior_secondary", "高中"),
        .init(.vocational, "vocational", "中专"),
        .init(.college, "college", "大专"),
        .init(.university, "university", "本科"),
        .init(.postgraduate, "postgraduate", "研究生"),
    ])

    public static let employment = CSVVocabulary<EmploymentStatus>([
        .init(.employed, "employed", "就业"),
        .init(.unemployed, "unemployed", "失业"),
        .init(.seeking, "seeking", "求职"),
        .init(.selfEmployed, "self_employed", "自主创业"),
    ])

    public static let trainingMode = CSVVocabulary<TrainingMode>([
        .init(.newApprenticeship, "new_apprenticeship", "新型学徒制"),
        .init(.trainingInPlaceOfWork, "in_place_of_work", "以工代训"),
        .init(.projectBased, "project_based", "项目制"),
        .init(.workStudyIntegration, "work_study", "工学一体化"),
        .init(.internetPlus, "internet_plus", "互联网+"),
    ], aliases: [
        // Files written before the plan's five modes (registry migration 7 maps them the same way).
        "in_person": .projectBased, "线下": .projectBased, "online": .internetPlus, "线上": .internetPlus,
        "on_the_job": .trainingInPlaceOfWork, "apprenticeship": .newApprenticeship, "学徒制": .newApprenticeship,
    ])
}
