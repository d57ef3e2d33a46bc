extension Messages {
    /// The training service's refusals (Services/Training/Service), in the caller's language; the
    /// English is what the service has always sent. The words every service shares are `Refusals`'.
    public enum TrainingRefusals {
        // Courses and brands (Rules/CourseRules.swift, Rules/BrandRules.swift).
        public static let certificateKinds = Message(zh: "须为五类证书之一", en: "must be one of the five kinds of certificate")
        /// `kind` as the contract names it, `chineseName` as the certificate does.
        public static func kindHasLevels(_ kind: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "\(chineseName)有技能等级", en: "\(kind) certificates have a level")
        }
        public static func kindHasNoLevels(_ kind: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "\(chineseName)没有技能等级", en: "\(kind) certificates have no level")
        }
        public static let modes = Message(
            zh: "须为规划的五种培训模式之一（1 新型学徒制 … 5 互联网+）", en: "must be one of the plan's five modes (1 新型学徒制 … 5 互联网+)")
        public static let programmes = Message(
            zh: "须为 enterprise_employee_upgrade、key_group_subsidised、first_certificate 或 level_upgrade 之一",
            en: "must be enterprise_employee_upgrade, key_group_subsidised, first_certificate or level_upgrade")
        public static let providerKinds = Message(zh: "须为培训机构或企业", en: "must be a training institution or an enterprise")
        public static func endsBeforeStart(_ endsOn: Int32) -> Message {
            Message(zh: "\(endsOn) 不是 yyyymmdd 格式的日期，或早于 starts_on", en: "\(endsOn) is not a yyyymmdd date on or after starts_on")
        }
        public static let subsidyStandard = Message(
            zh: "重点群体培训对学员免费：请给出补贴标准", en: "key-group training is free to the trainee: give the subsidy standard")
        public static func certificateTierBelow(_ tier: some CustomStringConvertible, standard: some CustomStringConvertible) -> Message {
            Message(zh: "\(tier) 低于标准 \(standard)：取证后的补贴档次应更高",
                    en: "\(tier) is below the standard, \(standard): the tier for a certificate is the higher one")
        }
        public static func noLabourBrand(_ brand: String) -> Message {
            Message(zh: "劳务品牌 \(brand) 尚未登记", en: "no labour brand \(brand) is registered")
        }
        public static func brandLevel(_ level: Int32) -> Message {
            Message(zh: "等级 \(level) 不是市级、省级或国家级", en: "level \(level) is not city, provincial or national")
        }
        public static func brandLevelTwice(_ level: some CustomStringConvertible) -> Message {
            Message(zh: "\(level) 重复给出", en: "\(level) is given twice")
        }
        public static func brandLevelsOutOfOrder(_ level: some CustomStringConvertible, _ year: Int32,
                                                 before previous: some CustomStringConvertible, _ previousYear: Int32) -> Message {
            Message(zh: "\(level)（\(year) 年）早于 \(previous)（\(previousYear) 年）",
                    en: "\(level) in \(year), before \(previous) in \(previousYear)")
        }
        public static func noCourse(_ code: String) -> Message {
            Message(zh: "没有代码为 \(code) 的课程", en: "no course with code \(code)")
        }
        public static func capacityBelowEnrolled(_ code: String, enrolled: some CustomStringConvertible, capacity: some CustomStringConvertible) -> Message {
            Message(zh: "课程 \(code) 已有 \(enrolled) 人报名，多于 \(capacity) 个名额", en: "course \(code) has \(enrolled) enrolled, more than \(capacity)")
        }

        // Enrolments (Rules/EnrolmentRules.swift, Repositories/EnrolmentRepository.swift).
        public static func afterCourseEnded(_ date: some CustomStringConvertible, course: String, endsOn: Int32) -> Message {
            Message(zh: "\(date) 晚于课程 \(course) 的结束日期（\(endsOn)）", en: "\(date) is after course \(course) ended (\(endsOn))")
        }
        public static func yearBeforeCourse(_ date: some CustomStringConvertible, course: String, startsOn: Int32) -> Message {
            Message(zh: "\(date) 比课程 \(course) 的开课日期（\(startsOn)）早一年以上",
                    en: "\(date) is more than a year before course \(course) starts (\(startsOn))")
        }
        public static let noRegistryCard = Message(zh: "劳动力资源库中没有此身份证号的卡", en: "the registry has no card for this ID number")
        public static func notAKeyGroupMember(course: String, card: String) -> Message {
            Message(zh: "课程 \(course) 是面向重点就业群体的免费培训；卡 \(card) 不属于任何重点群体",
                    en: "course \(course) is free training for the key employment groups; card \(card) belongs to none")
        }
        public static func alreadyEnrolled(course: String, enrolment: String) -> Message {
            Message(zh: "已报名课程 \(course)（报名编号 \(enrolment)）", en: "already enrolled in course \(course) (enrolment \(enrolment))")
        }
        public static func overlaps(_ other: String, _ otherStarts: Int32, _ otherEnds: Int32, course: String, _ starts: Int32, _ ends: Int32) -> Message {
            Message(zh: "已报名课程 \(other)（\(otherStarts)–\(otherEnds)），与 \(course)（\(starts)–\(ends)）时间重叠",
                    en: "already enrolled in course \(other) (\(otherStarts)–\(otherEnds)), which overlaps \(course) (\(starts)–\(ends))")
        }
        public static func subsidisedUsedUp(_ count: Int, year: Int32, limit: Int) -> Message {
            Message(zh: "\(year) 年已参加 \(count) 个补贴课程；每年至多 \(limit) 个",
                    en: "already in \(count) subsidised courses in \(year); at most \(limit) a year")
        }
        public static func courseFull(_ course: String, places: some CustomStringConvertible) -> Message {
            Message(zh: "课程 \(course) 已满（\(places) 个名额）", en: "course \(course) is full (\(places) places)")
        }

        // Results and certificates after training (Rules/ResultRules.swift, Rules/CertificateAfterTrainingRules.swift).
        public static func noEnrolment(_ number: String) -> Message {
            Message(zh: "没有编号为 \(number) 的报名", en: "no enrolment numbered \(number)")
        }
        public static func completedBeforeStart(_ completedOn: Int32, startsOn: Int32) -> Message {
            Message(zh: "\(completedOn) 不是 yyyymmdd 格式的日期，或早于课程开课日期 \(startsOn)",
                    en: "\(completedOn) is not a yyyymmdd date on or after the course's start, \(startsOn)")
        }
        public static let employerAndSelfEmployed = Message(
            zh: "已给出用人单位：就业要么在用人单位，要么自主就业，不能兼有",
            en: "an employer is given: a job is with an employer or self-employed, not both")
        public static func employedBeforeStart(_ employedOn: Int32) -> Message {
            Message(zh: "\(employedOn) 不是 yyyymmdd 格式的日期，或早于课程开课日期", en: "\(employedOn) is not a yyyymmdd date on or after the course's start")
        }
        public static let noJob = Message(
            zh: "既无用人单位也非自主就业：没有可记录日期或核实的工作", en: "no employer and not self-employed: there is no job to date or verify")
        public static func noCertificateOfTrainee(_ number: String) -> Message {
            Message(zh: "技能评价服务没有此学员的证书 \(number)", en: "the evaluation service has no certificate \(number) of this trainee")
        }
        public static func certificateRevoked(_ number: String) -> Message {
            Message(zh: "证书 \(number) 已被撤销", en: "certificate \(number) is revoked")
        }
        public static func certificateBeforeCourse(_ number: String, issuedOn: Int32, course: String, startsOn: Int32) -> Message {
            Message(zh: "证书 \(number) 于 \(issuedOn) 取得，早于课程 \(course) 的开课日期 \(startsOn)",
                    en: "certificate \(number) was issued on \(issuedOn), before course \(course) began on \(startsOn)")
        }
        public static func tooManyRows(_ count: Int, limit: Int) -> Message {
            Message(zh: "一条消息 \(count) 行，至多 \(limit) 行", en: "\(count) rows in one message; at most \(limit)")
        }

        // A county office's reach (Access/TrainingAccess.swift, the imports).
        public static func manageCoursesOfCounty(_ identity: String, own: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 只能管理县（市、区）\(own) 的课程，不能管理 \(county) 的",
                    en: "\(identity) may manage only courses of county \(own), not \(county)")
        }
        public static func enrolInCounty(_ identity: String, own: String) -> Message {
            Message(zh: "\(identity) 只能报名县（市、区）\(own) 的课程", en: "\(identity) may enrol only in courses of county \(own)")
        }
        public static func resultsOfCounty(_ identity: String, own: String) -> Message {
            Message(zh: "\(identity) 只能填报县（市、区）\(own) 课程的培训结果", en: "\(identity) may report results only of courses of county \(own)")
        }
        public static func certificatesOfCounty(_ identity: String, own: String) -> Message {
            Message(zh: "\(identity) 只能登记县（市、区）\(own) 课程的证书", en: "\(identity) may record certificates only of courses of county \(own)")
        }
    }
}
