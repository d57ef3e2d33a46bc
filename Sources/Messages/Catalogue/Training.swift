extension Messages {
    /// `jcskills training` (Sources/CLI/Training).
    public enum Training {
        // The plan's training modes (Protocol's TrainingMode carries the Chinese names).
        public static let newApprenticeship = Message(zh: "新型学徒制", en: "new apprenticeship")
        public static let inPlaceOfWork = Message(zh: "以工代训", en: "training in place of work")
        public static let projectBased = Message(zh: "项目制培训", en: "project-based")
        public static let workStudy = Message(zh: "工学一体化", en: "work-study integration")
        public static let internetPlus = Message(zh: "互联网+职业技能培训", en: "Internet+")
        public static func mode(_ number: Int32) -> Message { Message(zh: "培训方式 \(number)", en: "mode \(number)") }
        public static let city = Message(zh: "全市", en: "(city)")

        // Course list and one course
        public static func courseCount(_ count: Int) -> Message { Message(zh: "课程 \(count) 个", en: "\(count) courses") }
        public static let code = Message(zh: "代码", en: "code")
        public static let county = Message(zh: "县（市、区）", en: "county")
        public static let dates = Message(zh: "起止日期", en: "dates")
        public static let programme = Message(zh: "培训项目", en: "programme")
        public static let modeHeading = Message(zh: "培训方式", en: "mode")
        public static let places = Message(zh: "名额", en: "places")
        public static let subsidy = Message(zh: "补贴", en: "subsidy")
        public static let name = Message(zh: "名称", en: "name")
        public static let occupation = Message(zh: "职业", en: "occupation")
        public static let certificate = Message(zh: "证书", en: "certificate")
        public static let provider = Message(zh: "培训机构", en: "provider")
        public static let labourBrand = Message(zh: "劳务品牌", en: "labour brand")
        public static func placesTaken(_ enrolled: UInt32, of capacity: UInt32) -> Message {
            Message(zh: "已报 \(enrolled) / 共 \(capacity)", en: "\(enrolled) of \(capacity) taken")
        }
        public static func subsidyPerTrainee(_ yuan: UInt32) -> Message {
            Message(zh: "每名合格学员 \(yuan) 元", en: "\(yuan) yuan per trainee who passes")
        }
        public static func subsidyTier(_ yuan: UInt32) -> Message {
            Message(zh: "，结业后取得证书者 \(yuan) 元", en: ", \(yuan) with a certificate after the course")
        }

        // Enrolment and result
        public static let enrolled = Message(zh: "已报名", en: "enrolled")
        public static func enrolledIn(_ number: String, course: String, on date: String) -> Message {
            Message(zh: "\(number)，课程 \(course)，\(date)", en: "\(number) in course \(course) on \(date)")
        }
        public static let card = Message(zh: "卡号", en: "card")
        public static let keyGroups = Message(zh: "重点群体", en: "key groups")
        public static let enrolment = Message(zh: "报名编号", en: "enrolment")
        public static func inCourse(_ number: String, course: String) -> Message {
            Message(zh: "\(number)，课程 \(course)", en: "\(number) in course \(course)")
        }
        public static let result = Message(zh: "培训结果", en: "result")
        public static let job = Message(zh: "就业", en: "job")
        public static let noResultYet = Message(zh: "尚无结果", en: "no result yet")
        public static func passed(on date: String, completion: String) -> Message {
            Message(zh: "\(date) 合格，结业编号 \(completion)", en: "passed on \(date), completion \(completion)")
        }
        public static func notPassed(on date: String) -> Message {
            Message(zh: "不合格（\(date) 结业或退出）", en: "not passed (completed or left on \(date))")
        }
        public static let verified = Message(zh: "已核实", en: "verified")
        public static let declared = Message(zh: "自报", en: "declared")
        public static func employedWith(_ employer: String, from date: String, _ how: Message) -> Message {
            Message(zh: "自 \(date) 起就职于 \(employer)（\(how.zh)）", en: "with \(employer) from \(date) (\(how.en))")
        }
        public static func selfEmployed(from date: String, _ how: Message) -> Message {
            Message(zh: "自 \(date) 起自主创业（\(how.zh)）", en: "self-employed from \(date) (\(how.en))")
        }

        // Labour brands
        public static func brandCount(_ count: Int) -> Message { Message(zh: "劳务品牌 \(count) 个", en: "\(count) labour brands") }
        public static func reached(_ levels: String) -> Message { Message(zh: "      获评      \(levels)", en: "      reached   \(levels)") }
        public static let notYetRecognised = Message(zh: "尚未获评", en: "not yet recognised")
        public static func brandYear(_ year: Int32, trained: UInt64, placed: UInt64) -> Message {
            Message(zh: "      \(year)      培训 \(trained) 人，就业 \(placed) 人", en: "      \(year)      \(trained) trained, \(placed) placed in jobs")
        }
        public static func lackingCityBrand(_ counties: String) -> Message {
            Message(zh: "2020 年底前没有市级劳务品牌的县（市、区）：\(counties)", en: "counties without a city-level brand by the end of 2020: \(counties)")
        }
        public static func lackingProvincialBrand(_ counties: String) -> Message {
            Message(zh: "2021 年底前没有省级劳务品牌的县（市、区）：\(counties)", en: "counties without a provincial-level brand by the end of 2021: \(counties)")
        }
        public static let none = Message(zh: "无", en: "none")

        // A person's record
        public static func recordTitle(card: String, courses: Int) -> Message {
            Message(zh: "卡号 \(card)：课程 \(courses) 个", en: "card \(card): \(courses) course\(courses == 1 ? "" : "s")")
        }
        public static func enrolmentOn(_ number: String, date: String) -> Message {
            Message(zh: "\(number)，\(date)", en: "\(number) on \(date)")
        }
        public static let certificatesHeading = Message(zh: "证书（技能评价服务）：", en: "certificates (evaluation service):")
        public static let certificatesUnknown = Message(
            zh: "  未知：未能及时询问技能评价服务", en: "  unknown: the evaluation service could not be asked in time")

        // Indicators
        public static func indicatorsTitle(year: Int32, county: String) -> Message {
            Message(zh: "\(year) 年职业技能培训，\(county)", en: "Training \(year), \(county)")
        }
        public static let total = Message(zh: "合计", en: "total")
        public static func noEnrolments(_ year: Int32) -> Message {
            Message(zh: "  （\(year) 年开课的课程尚无报名）", en: "  (no enrolments in courses starting in \(year))")
        }
        public static let byProgramme = Message(zh: "按培训项目", en: "By programme")
        public static let byMode = Message(zh: "按培训方式", en: "By mode")
        public static let byProvider = Message(zh: "按培训机构", en: "By provider")
        public static let byCourse = Message(zh: "按课程", en: "By course")
        public static let flagged = Message(zh: "  预警：", en: "  flagged: ")
        public static let ratesNote = Message(
            zh: "比率以已有结果的学员为基数。合格率低于 95 % 或就业率低于 30 % 的培训机构标出预警。",
            en: "Rates are of the trainees with a result. Providers are flagged under 95 % passing or 30 % employed.")
        public static let subsidyNote = Message(
            zh: "应付补贴：合格人数 × 课程标准；结业后取得证书者按较高档。",
            en: "Subsidy due: passes × the course's standard, or its higher tier for those who then obtained a certificate.")
        public static let columns: [Message] = [
            Message(zh: "报名", en: "enrolled"), Message(zh: "有结果", en: "results"), Message(zh: "合格", en: "passed"),
            Message(zh: "合格率", en: "pass"), Message(zh: "就业", en: "employed"), Message(zh: "就业率", en: "empl."),
            Message(zh: "取证", en: "certified"), Message(zh: "取证率", en: "cert."), Message(zh: "应付补贴", en: "subsidy due"),
        ]
        public static let passRateFlag = Message(zh: "合格率（低于 95 %）", en: "pass_rate (under 95 % passed)")
        public static let employmentRateFlag = Message(zh: "就业率（低于 30 % 就业）", en: "employment_rate (under 30 % in a job)")

        // Errors
        public static let recognitionsFormat = Message(
            zh: "应为以“;”分隔的 级别:年份 条目（级别 city、provincial、national），如 city:2020;provincial:2021",
            en: "expected level:year entries separated by ';' (levels city, provincial, national), e.g. city:2020;provincial:2021")
        public static func enrolmentNotMade(_ number: String) -> Message {
            Message(zh: "文件中的报名 \(number) 未成功（其报名行被拒绝）", en: "enrolment \(number) of the file was not made (its enrolment row was refused)")
        }
        public static let courseWord = Message(zh: "课程", en: "course")
        public static let giveEnrolmentAndCertificate = Message(zh: "请给出 --enrolment 和 --certificate，或一个 certificates_after.csv，不要同时给出",
                                                                en: "give --enrolment and --certificate, or a certificates_after.csv, not both")
        public static let giveCourseAndID = Message(zh: "请给出 --course 和 --id-number，或一个 enrolments.csv", en: "give --course and --id-number, or an enrolments.csv")
        public static let courseAndIDOrFile = Message(zh: "请给出 --course 和 --id-number（及 --on）或一个文件，不要同时给出", en: "give --course and --id-number (and --on), or a file, not both")
    }
}
