import JCSkillsProtocol

/// The evaluation service's two CSV files, shared by the demo-data generator and the
/// importers so the two cannot drift apart. Same conventions as ``RegistryCSVFormat``
/// (UTF-8, one header row, RFC 4180 quoting, ISO dates, `true`/`false`).
///
/// **institutions.csv** (``InstitutionColumn``):
/// `code,name,type,county,enterprise_credit_code,scope`
/// - `type` ``institutionType``; `county` a county code or 140500 for city-wide.
/// - `enterprise_credit_code` only for an enterprise body.
/// - `scope` entries separated by `;`, each `occupation:levels` with levels separated by `/`
///   (`6-18-02-04:5/4/3;6-30-05-01:` — an empty level list files the occupation for the
///   certificates without levels).
///
/// **certificates.csv** (historical certificates, ``CertificateColumn``):
/// `number,institution,kind,occupation,occupation_name,level,operation,holder_id_number,holder_name,employer,county,issued_on,pre_system`
/// - `number` as printed (not in the system's `JCC` series); `institution` the issuer's code,
///   registered here or not (it may have closed).
/// - `kind` ``certificateKind``; `level` 1–5 for the levelled kinds, else empty; `operation`
///   the operation category or equipment item of the special kinds.
/// - `pre_system` `true` when a declared baseline already counts the holder (README).
public enum EvaluationCSVFormat {
    public static let institutionsFileName = "institutions.csv"
    public static let certificatesFileName = "certificates.csv"

    public enum InstitutionColumn: String, CaseIterable, Sendable {
        case code
        case name
        case type
        case county
        case enterpriseCreditCode = "enterprise_credit_code"
        case scope

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum CertificateColumn: String, CaseIterable, Sendable {
        case number
        case institution
        case kind
        case occupation
        case occupationName = "occupation_name"
        case level
        case operation
        case holderIDNumber = "holder_id_number"
        case holderName = "holder_name"
        case employer
        case county
        case issuedOn = "issued_on"
        case preSystem = "pre_system"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public static let institutionHeader: [String] = InstitutionColumn.allCases.map(\.rawValue)
    public static let certificateHeader: [String] = CertificateColumn.allCases.map(\.rawValue)

    public static let institutionType = CSVVocabulary<InstitutionType>([
        .init(.enterpriseBody, "enterprise_body", "企业自主评价机构"),
        .init(.socialOrganisation, "social_organisation", "社会培训评价组织"),
        .init(.vocationalCollege, "vocational_college", "职业院校"),
        .init(.cityCentre, "city_centre", "市技能鉴定中心"),
    ])

    public static let certificateKind = CSVVocabulary<CertificateKind>([
        .init(.vocationalQualification, "vocational_qualification", "职业资格证书"),
        .init(.skillLevel, "skill_level", "职业技能等级证书"),
        .init(.specialAbility, "special_ability", "专项职业能力证书"),
        .init(.specialOperations, "special_operations", "特种作业操作证"),
        .init(.specialEquipmentOperator, "special_equipment", "特种设备作业人员证"),
    ])

    /// The `scope` field for a filed scope.
    public static func formatScope(_ scope: [ScopeEntry]) -> String {
        scope.map { entry in
            entry.occupation + ":" + entry.levels.map { String($0.rawValue) }.joined(separator: "/")
        }.joined(separator: ";")
    }

    /// A filed scope from a `scope` field; nil when an entry is malformed.
    public static func parseScope(_ text: String) -> [ScopeEntry]? {
        var scope: [ScopeEntry] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            var levels: [SkillLevel] = []
            for level in parts[1].split(separator: "/", omittingEmptySubsequences: true) {
                guard let value = Int32(level) else { return nil }
                levels.append(SkillLevel(rawValue: value))
            }
            scope.append(ScopeEntry(occupation: String(parts[0]), levels: levels))
        }
        return scope
    }
}
