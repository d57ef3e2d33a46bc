extension Messages {
    /// The data-quality view (docs/QUALITY.md): `jcskills registry quality`
    /// (Sources/CLI/Registry/RegistryQualityCommand.swift) and the dashboard's `/quality` page
    /// (Services/Gateway/Service/Web/QualityPage.swift).
    public enum Quality {
        // Help.
        public static let abstract = Message(
            zh: "一个县（市、区）或全市的数据质量：导入被拒行及原因、建档覆盖、超龄仍在册、缺手机号。",
            en: "A county's or the city's data quality: rejected import rows and why, coverage, persons past age still active, cards without a phone.")
        public static let discussion = Message(
            zh: """
                只有汇总数字，不含任何个人信息。县级人社部门只能查看本县；全市（不给 --county）\
                限登记办公室、管理员和审计人员。各项数字的含义见 docs/QUALITY.md。
                """,
            en: """
                Aggregates only, never personal data. A county office sees its own county; the city \
                (no --county) is for the registry office, admin and auditors. What each figure counts: \
                docs/QUALITY.md.
                """)
        public static let countyHelp = Message(zh: "县（市、区）代码；不给则为全市。", en: "A county code; none for the city.")
        public static let countyValue = Message(zh: "代码", en: "code")
        public static let jsonHelp = Message(zh: "输出 JSON（字段名同协议），不输出表格。", en: "Print JSON (field names as in the protocol) instead of tables.")

        // Headings.
        public static func title(_ scope: String) -> Message {
            Message(zh: "数据质量：\(scope)", en: "Data quality: \(scope)")
        }
        public static func asOf(_ time: String) -> Message { Message(zh: "截至 \(time)", en: "as of \(time)") }
        public static let summary = Message(zh: "概况", en: "Summary")
        public static let imports = Message(zh: "最近的导入", en: "Latest imports")
        public static let rejections = Message(zh: "被拒行（按原因）", en: "Rejected rows by reason")
        public static let coverage = Message(zh: "建档覆盖（类别 × 性别 × 年龄段）", en: "Coverage by category × gender × age band")
        public static let expected = Message(
            zh: "对照劳动力估计（性别 × 年龄段；按各年龄均匀、男女各半拆分）",
            en: "Against the estimated labour force (gender × age band; split evenly over ages, half men, half women)")
        public static let none = Message(zh: "无", en: "none")

        // Summary lines.
        public static let registered = Message(zh: "在册人数（劳动年龄内）", en: "Registered (active, of labour-force age)")
        public static let estimatedLabourForce = Message(zh: "劳动力估计", en: "Estimated labour force")
        public static let pastAgeActive = Message(zh: "超过劳动年龄仍在册", en: "Past the labour-force age, still active")
        public static let missingPhone = Message(zh: "缺手机号的在册人员", en: "Active cards without a phone")
        public static let duplicateRegistrations = Message(
            zh: "逐人登记时发现已有卡号（重复）", en: "Single registrations refused as duplicates")

        // Column headers.
        public static let kind = Message(zh: "类型", en: "kind")
        public static let when = Message(zh: "时间", en: "when")
        public static let importedBy = Message(zh: "导入者", en: "by")
        public static let received = Message(zh: "收到", en: "received")
        public static let accepted = Message(zh: "接收", en: "accepted")
        public static let alreadyRegistered = Message(zh: "已登记（重复）", en: "already registered")
        public static let rejected = Message(zh: "拒绝", en: "rejected")
        public static let reason = Message(zh: "原因", en: "reason")
        public static let whyRejected = Message(zh: "被拒原因（行数）", en: "why rejected (rows)")
        public static let rows = Message(zh: "行数", en: "rows")
        public static let category = Message(zh: "类别", en: "category")
        public static let gender = Message(zh: "性别", en: "gender")
        public static let ageBand = Message(zh: "年龄段", en: "age band")
        public static let registeredColumn = Message(zh: "在册", en: "registered")
        public static let expectedColumn = Message(zh: "预期", en: "expected")
        public static let share = Message(zh: "覆盖率", en: "coverage")

        // Values.
        public static let persons = Message(zh: "人员", en: "persons")
        public static let enterprises = Message(zh: "企业", en: "enterprises")
        public static let male = Message(zh: "男", en: "male")
        public static let female = Message(zh: "女", en: "female")
        public static let poor = Message(zh: "贫困劳动力", en: "poor labour")
        public static let universityGraduate = Message(zh: "毕业大学生", en: "university graduates")
        public static let rural = Message(zh: "农村劳动力", en: "rural labour")
        public static let urban = Message(zh: "城镇劳动力", en: "urban labour")
        /// A labour category by its protocol number (`LabourCategory`), nil for another.
        public static func categoryName(number: Int32) -> Message? {
            [1: poor, 2: universityGraduate, 3: rural, 4: urban][number]
        }
        /// A gender by its protocol number (`Gender`), nil for another.
        public static func genderName(number: Int32) -> Message? { [1: male, 2: female][number] }
        public static func kindName(_ name: String) -> Message? { ["persons": persons, "enterprises": enterprises][name] }

        /// What a rejection reason code (Services/Registry/Service/Rules/RejectionReason.swift)
        /// means; nil for a code the catalogue does not know, which is shown as it is.
        public static func reasonName(_ code: String) -> Message? { reasons[code] }

        static let reasons: [String: Message] = [
            "out_of_scope": Message(zh: "不属本县（越权）", en: "another county's row"),
            "id_number.wrong_length": Message(zh: "身份证号位数不对", en: "ID number: wrong length"),
            "id_number.invalid_character": Message(zh: "身份证号含非法字符", en: "ID number: invalid character"),
            "id_number.impossible_birth_date": Message(zh: "身份证号出生日期不存在", en: "ID number: impossible birth date"),
            "id_number.birth_date_in_future": Message(zh: "身份证号出生日期在未来", en: "ID number: birth date in the future"),
            "id_number.wrong_check_character": Message(zh: "身份证号校验码错误", en: "ID number: wrong check character"),
            "id_number.age": Message(zh: "登记时不在劳动年龄内", en: "age outside the labour-force ages"),
            "phone": Message(zh: "手机号无效", en: "invalid phone"),
            "residence_county": Message(zh: "户籍县（市、区）代码无效", en: "unknown residence county"),
            "name": Message(zh: "姓名或名称为空、过长", en: "name empty or too long"),
            "gender": Message(zh: "性别与身份证号不符", en: "gender does not match the ID number"),
            "category": Message(zh: "人员类别无效", en: "invalid category"),
            "registered_on": Message(zh: "登记日期无效", en: "invalid registration date"),
            "training_mode": Message(zh: "培训方式无效", en: "invalid training mode"),
            "key_groups": Message(zh: "重点群体无效", en: "invalid key group"),
            "occupation": Message(zh: "职业代码无效", en: "invalid occupation code"),
            "training_wish": Message(zh: "培训意愿代码无效", en: "invalid training wish"),
            "credit_code": Message(zh: "统一社会信用代码无效", en: "invalid credit code"),
            "county": Message(zh: "所在县（市、区）代码无效", en: "unknown county"),
        ]

        // The dashboard page.
        public static let pageTitle = Message(zh: "晋城市 数据质量", en: "Jincheng data quality")
        public static let chooseCounty = Message(zh: "选择县（市、区）：", en: "Choose a county: ")
        public static let backToIndicators = Message(zh: "返回指标总览", en: "Back to the indicators")
        public static func unavailable(_ reason: String) -> Message {
            Message(zh: "无法从登记服务取得数据质量：\(reason)", en: "The registry's data quality could not be read: \(reason)")
        }
        public static func notYourCounty(_ own: String) -> Message {
            Message(zh: "你的证书属于 \(own)，只能查看本县的数据质量", en: "Your certificate is \(own)'s: you see that county's data quality only")
        }
        public static let notACounty = Message(zh: "不是晋城的县（市、区）代码", en: "not a Jincheng county code")
        public static let noCertificateIdentity = Message(
            zh: "此证书不代表县级人社部门或市级部门，不能查看数据质量",
            en: "This certificate names no county office or city office: the data quality is not shown to it")
    }
}
