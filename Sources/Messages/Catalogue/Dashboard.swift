extension Messages {
    /// The gateway's dashboard (Services/Gateway/Service/Web/): every label of the page and its
    /// plain answers. Status words and the planning aid's words are `Messages.Totals`', shared
    /// with `jcskills totals`.
    public enum Dashboard {
        /// The `lang` attribute of the page.
        public static let htmlLanguage = Message(zh: "zh-CN", en: "en")
        public static let title = Message(zh: "晋城市 人人持证 · 技能指标", en: "Jincheng · skills indicators")
        public static let heading = Message(zh: "人人持证、技能社会", en: "Every person certified, a skills-based society")
        public static func meta(asOf: String, year: Int32, generated: String) -> Message {
            Message(zh: "截至 \(asOf) · \(year) 年度 · 生成于 \(generated)", en: "As of \(asOf) · year \(year) · generated \(generated)")
        }
        public static let partial = Message(zh: "答复不完整：有的来源未答复", en: "partial: some sources did not answer")
        public static func answered(_ service: String, milliseconds: Int64) -> Message {
            Message(zh: "\(service)：\(milliseconds) 毫秒内答复", en: "\(service): answered in \(milliseconds) ms")
        }
        public static func sourceFailed(_ service: String, _ reason: String) -> Message {
            Message(zh: "\(service)：\(reason)", en: "\(service): \(reason)")
        }
        /// The source services, by their protocol name.
        public static let serviceNames: [String: Message] = [
            "registry": Message(zh: "劳动力建档立卡", en: "registry"),
            "evaluation": Message(zh: "技能评价", en: "evaluation"),
            "training": Message(zh: "职业培训", en: "training"),
            "competition": Message(zh: "技能竞赛", en: "competitions"),
        ]
        public static func unavailable(_ reason: String) -> Message {
            Message(zh: "无法获取：\(reason)", en: "unavailable: \(reason)")
        }
        public static func lastKnown(_ value: String, at time: String) -> Message {
            Message(zh: "最后已知 \(value)（\(time)）", en: "last known \(value) at \(time)")
        }
        public static func progressTitle(percent: Int) -> Message {
            Message(zh: "从基线到目标已完成 \(percent)%", en: "\(percent)% of the way from baseline to target")
        }
        public static func target(_ value: String) -> Message { Message(zh: "目标 \(value)", en: "target \(value)") }
        public static func targetBy(_ value: String, deadline: String) -> Message {
            Message(zh: "目标 \(value)，期限 \(deadline)", en: "target \(value) by \(deadline)")
        }
        public static let noHistory = Message(zh: "暂无历史数据", en: "no history yet")
        public static func chartLabel(_ indicator: String) -> Message { Message(zh: "\(indicator)走势", en: "\(indicator) over time") }
        public static func chartPoint(_ date: String, _ value: String) -> Message { Message(zh: "\(date)：\(value)", en: "\(date): \(value)") }
        public static func chartGap(_ date: String) -> Message { Message(zh: "\(date)：来源未答复", en: "\(date): a source did not answer") }
        public static func chartDeadline(_ date: String) -> Message { Message(zh: "期限 \(date)", en: "deadline \(date)") }
        public static let byCounty = Message(zh: "分县（市、区）", en: "By county")
        public static let indicator = Message(zh: "指标", en: "indicator")
        public static let city = Message(zh: "全市", en: "city")
        public static let otherLanguage = Message(zh: "English", en: "中文")
        /// The link to the county data-quality page (/quality).
        public static let dataQuality = Message(zh: "数据质量", en: "Data quality")

        // The planning aid beside each indicator.
        public static let plan = Message(zh: "规划", en: "Plan")
        public static func needed(_ rate: String) -> Message { Message(zh: "每月所需 \(rate)", en: "needed \(rate)") }
        public static func current(_ rate: String, days: Int32) -> Message {
            Message(zh: "近 \(days) 天每月 \(rate)", en: "last \(days) days \(rate)")
        }
        public static func reached(_ month: String) -> Message { Message(zh: "按当前速度 \(month) 达标", en: "reached \(month) at this pace") }

        // Plain answers.
        public static let readOnly = Message(zh: "看板只读", en: "the dashboard is read-only")
        public static let enter = Message(
            zh: "请出示市 CA 签发的客户端证书，或看板令牌（?token=… 或 Authorization: Bearer …）",
            en: "present a client certificate from the city's CA, or the dashboard token (?token=… or Authorization: Bearer …)")
        public static let notFound = Message(zh: "未找到：看板位于 /", en: "not found: the dashboard is at /")
        public static func totalsFailed(_ reason: String) -> Message {
            Message(zh: "无法计算指标：\(reason)", en: "the totals could not be computed: \(reason)")
        }
    }
}
