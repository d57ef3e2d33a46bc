extension Messages {
    /// The evaluation service's refusals (Services/Evaluation/Service), in the caller's language;
    /// the English is what the service has always sent. The words every service shares are `Refusals`'.
    public enum EvaluationRefusals {
        // Institutions (Repositories/InstitutionRepository.swift, RPC/EvaluationRPCService.swift).
        public static let institutionTypes = Message(
            zh: "须为企业评价机构、社会培训评价组织、职业院校或市级中心之一",
            en: "must be an enterprise body, social organisation, vocational college or city centre")
        public static func notACountyNorTheCity(_ county: Int32) -> Message {
            Message(zh: "\(county) 既不是晋城市的县（市、区），也不是全市（140500）", en: "\(county) is neither a Jincheng county nor the city (140500)")
        }
        public static func bodyNeedsCreditCode(_ error: Message) -> Message {
            Message(zh: "企业评价机构须给出本企业的统一社会信用代码：\(error.zh)", en: "an enterprise body needs its enterprise's credit code: \(error.en)")
        }
        public static let onlyBodiesNameEnterprises = Message(zh: "只有企业评价机构才填写企业", en: "only an enterprise body names an enterprise")
        public static let scopeWithoutOccupation = Message(zh: "有一项没有职业", en: "an entry has no occupation")
        public static func unknownLevel(_ level: Int32) -> Message { Message(zh: "未知等级 \(level)", en: "unknown level \(level)") }
        public static func scopeUnknownLevel(_ occupation: String, _ level: Int32) -> Message {
            Message(zh: "\(occupation)：未知等级 \(level)", en: "\(occupation): unknown level \(level)")
        }
        public static let institutionStatuses = Message(zh: "须为 active、suspended 或 revoked 之一", en: "must be active, suspended or revoked")
        public static func noInstitution(_ code: String) -> Message {
            Message(zh: "没有代码为 \(code) 的评价机构", en: "no evaluation institution with code \(code)")
        }
        public static func enterpriseNotInRegistry(_ creditCode: String) -> Message {
            Message(zh: "企业 \(creditCode) 不在劳动力资源库中，职工人数不详", en: "enterprise \(creditCode) is not in the registry, so its staff count is unknown")
        }
        public static func tooFewStaff(_ creditCode: String, staff: UInt32, minimum: UInt32) -> Message {
            Message(zh: "企业 \(creditCode) 有职工 \(staff) 人；企业评价机构至少须有 \(minimum) 人（规模较小的企业请由推荐的社会培训评价组织评价）",
                    en: "enterprise \(creditCode) has \(staff) staff; an enterprise evaluation body needs at least \(minimum) (smaller employers use a recommended social organisation)")
        }
        public static func manageInstitutionsOfCounty(_ identity: String, own: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 只能管理县（市、区）\(own) 的评价机构，不能管理 \(county) 的",
                    en: "\(identity) may manage only institutions of county \(own), not \(county)")
        }

        // Certificates (Rules/ValidatedIssue.swift, Rules/EvaluationRefusals.swift, the import).
        public static func notACertificateKind(_ kind: Int32) -> Message {
            Message(zh: "\(kind) 不是五类证书之一", en: "\(kind) is not one of the five certificate kinds")
        }
        /// `kind` as the contract names it, `chineseName` as the certificate does.
        public static func kindCarriesLevel(_ kind: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "\(chineseName)须有技能等级：请给出", en: "a \(kind) certificate carries a skill level; give one")
        }
        public static func kindCarriesNoLevel(_ kind: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "\(chineseName)不带技能等级", en: "a \(kind) certificate carries no skill level")
        }
        public static func kindNamesOperation(_ kind: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "\(chineseName)须写明作业类别或设备项目", en: "a \(kind) certificate names its operation category or equipment item")
        }
        public static let onlySpecialKindsNameOperations = Message(
            zh: "只有特种作业操作证和特种设备作业人员证才有此项", en: "only special-operations and special-equipment certificates carry one")
        /// `names` and `level` are the levels' Chinese names, as the catalogue of occupations gives them.
        public static func occupationLacksLevel(_ occupation: String, code: String, levels names: String, not level: String) -> Message {
            Message(zh: "\(occupation)（\(code)）只有 \(names) 等级，没有\(level)", en: "\(occupation) (\(code)) has the levels \(names); not \(level)")
        }
        public static func institutionNotActive(_ code: String, status: some CustomStringConvertible) -> Message {
            Message(zh: "评价机构 \(code) 的状态为 \(status)，不能发证", en: "institution \(code) is \(status) and may not issue certificates")
        }
        /// `level`: the level's Chinese name, nil for a certificate without a level.
        public static func notInFiledScope(_ code: String, occupation: String, level: String?) -> Message {
            Message(zh: "评价机构 \(code) 的备案范围不含 \(occupation)\(level.map { "（\($0)）" } ?? "")",
                    en: "institution \(code) has not filed \(level.map { "\(occupation) at \($0)" } ?? occupation) in its scope")
        }
        /// `employer`: the holder's employer's credit code, nil when not given.
        public static func bodyCertifiesOwnEmployees(_ code: String, enterprise: String, employer: String?) -> Message {
            Message(zh: "企业评价机构 \(code) 只评价 \(enterprise) 的职工；持证人的用人单位\(employer.map { "是 \($0)" } ?? "未给出")",
                    en: "enterprise body \(code) certifies only employees of \(enterprise); the holder's employer is \(employer ?? "not given")")
        }
        public static func cityWideInstitution(_ code: String) -> Message {
            Message(zh: "评价机构 \(code) 面向全市：请给出持证人的县（市、区）", en: "institution \(code) is city-wide: give the holder's county")
        }
        public static func notACountyInstitution(_ code: String) -> Message {
            Message(zh: "请给出持证人的县（市、区）：评价机构 \(code) 不是在此登记的县级机构",
                    en: "give the holder's county: institution \(code) is not a county institution registered here")
        }
        public static func notACertificateNumber(_ quoted: String) -> Message {
            Message(zh: "“\(quoted)”不是证书编号（字母、数字、- 和 /，至多 40 个）",
                    en: "'\(quoted)' is not a certificate number (letters, digits, - and /, at most 40)")
        }
        public static func systemSeries(_ number: String) -> Message {
            Message(zh: "\(number) 属于本系统签发的 JCC 系列；历史证书编号来自其他系统",
                    en: "\(number) is in the JCC series this system issues; historical numbers come from elsewhere")
        }
        public static func noCertificate(_ number: String) -> Message {
            Message(zh: "没有编号为 \(number) 的证书", en: "no certificate numbered \(number)")
        }
        public static let sayWhyRevoked = Message(zh: "请说明撤销证书的原因", en: "say why the certificate is revoked")
        public static func tooManyVerifications(_ count: Int, limit: Int) -> Message {
            Message(zh: "一次调用 \(count) 个核验，至多 \(limit) 个", en: "\(count) verifications in one call; at most \(limit)")
        }
    }
}
