extension Messages {
    /// The gateway's refusals (Services/Gateway/Service), in the caller's language. The English
    /// is what the gateway has always written.
    public enum Gateway {
        public static func yearOutOfRange(_ year: Int32) -> Message {
            Message(zh: "年份 \(year) 超出范围", en: "year \(year) is out of range")
        }
        public static func notACounty(_ county: Int32) -> Message {
            Message(zh: "\(county) 不是晋城市的县（市、区）（全市填 0，各县填 -1）",
                    en: "county \(county) is not a Jincheng county (give 0 for the city, -1 for every county)")
        }
        public static let noTimeForSources = Message(
            zh: "调用方的时限已不够向各数据来源查询", en: "the caller's deadline leaves no time to ask the sources")
        public static func asOfNotADate(_ yyyymmdd: Int32) -> Message {
            Message(zh: "截至日期 \(yyyymmdd) 不是日期（应为 yyyymmdd）", en: "as-of date \(yyyymmdd) is not a date (yyyymmdd)")
        }
    }
}
