extension Messages {
    /// `jcskills registry` (Sources/CLI/Registry).
    public enum Registry {
        public static func exported(_ count: Int) -> Message { Message(zh: "已导出 \(count) 人", en: "exported \(count) persons") }
        public static let giveIDOrCard = Message(zh: "请给出 --id 或 --card（只给其一）", en: "give --id or --card")
        public static let giveIDNumberOrCard = Message(zh: "请给出 --id-number 或 --card（只给其一）", en: "give --id-number or --card")
        public static let giveLeavingReasonOrMovedAway = Message(zh: "请给出 --leaving-reason 或 --moved-away（只给其一）", en: "give --leaving-reason or --moved-away")
        public static let nothingToChange = Message(
            zh: "没有要修改的内容：请至少给出 --phone、--category、--education、--occupation、--employment、--training-wish、--training-mode、--stage、--key-groups 之一",
            en: "nothing to change: give at least one of --phone, --category, --education, --occupation, --employment, --training-wish, --training-mode, --stage, --key-groups")
        public static func statistics(registered: UInt64, enterprises: UInt64, surveyed: UInt64) -> Message {
            Message(zh: "已登记 \(registered) 人；企业 \(enterprises) 家，其中 \(surveyed) 家已填报用工需求",
                    en: "registered \(registered) persons; \(enterprises) enterprises, \(surveyed) surveyed")
        }
        public static func coverage(county: String, registered: String, estimated: String, share: String) -> Message {
            Message(zh: "  \(county)  \(registered) / \(estimated)  \(share)%", en: "  \(county)  \(registered) of \(estimated)  \(share)%")
        }
        public static let gapOccupation = Message(zh: "职业", en: "occupation")
        public static let gapYear = Message(zh: "年份", en: "year")
        public static let gapDemand = Message(zh: "需求", en: "demand")
        public static let gapWorking = Message(zh: "在岗", en: "working")
        public static let gapWishing = Message(zh: "有培训意愿", en: "wishing")

        // One person's card (`registry get`).
        public static let card = Message(zh: "卡号", en: "card")
        public static let idNumber = Message(zh: "身份证号", en: "id number")
        public static let masked = Message(zh: "（已脱敏）", en: "  (masked)")
        public static let name = Message(zh: "姓名", en: "name")
        public static let genderAge = Message(zh: "性别/年龄", en: "gender / age")
        public static let county = Message(zh: "县（市、区）", en: "county")
        public static let category = Message(zh: "人员类别", en: "category")
        public static let keyGroups = Message(zh: "重点群体", en: "key groups")
        public static let employment = Message(zh: "就业状态", en: "employment")
        public static let trainingWish = Message(zh: "培训意愿", en: "training wish")
        public static let phone = Message(zh: "手机号", en: "phone")
        public static let registered = Message(zh: "登记日期", en: "registered")
        public static func statusAndVersion(status: String, version: Int64) -> Message {
            Message(zh: "状态 \(status)，版本 \(version)", en: "status \(status), version \(version)")
        }
        public static let male = Message(zh: "男", en: "male")
        public static let female = Message(zh: "女", en: "female")

        // One line per written person, and the history.
        public static let didRegister = Message(zh: "已登记", en: "registered")
        public static let didUpdate = Message(zh: "已更新", en: "updated")
        public static let didMove = Message(zh: "已迁移", en: "moved")
        public static let didChange = Message(zh: "已变更", en: "changed")
        public static func countyWord(_ county: String) -> Message { Message(zh: "县（市、区）\(county)", en: "county \(county)") }
        public static func version(_ version: Int64) -> Message { Message(zh: "版本 \(version)", en: "version \(version)") }
        public static let active = Message(zh: "在册", en: "active")
        public static let movedAway = Message(zh: "已迁出", en: "moved_away")
        public static let leftLabourForce = Message(zh: "已退出劳动力", en: "left_labour_force")
        public static let unspecified = Message(zh: "未指明", en: "unspecified")
        public static func historyTitle(card: String, changes: Int) -> Message {
            Message(zh: "卡号 \(card)：\(changes) 次变更", en: "card \(card): \(changes) \(changes == 1 ? "change" : "changes")")
        }
        public static let historyAt = Message(zh: "时间（北京时间）", en: "at (Beijing)")
        public static let historyBy = Message(zh: "操作人", en: "by")
        public static let historyField = Message(zh: "字段", en: "field")
        public static let historyChange = Message(zh: "原值 → 新值", en: "old → new")
    }
}
