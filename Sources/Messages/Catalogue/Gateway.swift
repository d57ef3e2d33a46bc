extension Messages {
    /// The gateway's refusals and the reasons it gives for a value it could not compute
    /// (Services/Gateway/Service), in the language asked: the RPC caller's `accept-language`, the
    /// dashboard page's. The English is what the gateway has always written.
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

        // Why a source, or an indicator, has no value (Peers/SourceFanOut.swift, Figures/TotalsComposer.swift).
        public static func noAnswerWithin(milliseconds: Int64) -> Message {
            Message(zh: "\(milliseconds) 毫秒内未答复", en: "no answer within \(milliseconds) ms")
        }
        /// `detail`: the source's, or the connection's, own words.
        public static func sourceUnavailable(_ detail: String) -> Message {
            Message(zh: "不可用：\(detail)", en: "unavailable: \(detail)")
        }
        public static func refusedTheGateway(_ detail: String) -> Message {
            Message(zh: "拒绝了网关的查询：\(detail)", en: "refused the gateway: \(detail)")
        }
        public static func wrongNumberOfAnswers(asked: Int, answered: Int) -> Message {
            Message(zh: "问了 \(asked) 个问题，答复了 \(answered) 个", en: "answered \(answered) of \(asked) questions")
        }
        public static func sourceFailed(_ detail: String) -> Message { Message(zh: "出错：\(detail)", en: "\(detail)") }
        /// `name`: the service's name in the language (`Dashboard.serviceNames`), when it has one.
        public static func noReader(_ service: String, name: Message?) -> Message {
            Message(zh: "网关无法读取\(name?.zh ?? service)服务", en: "the gateway has no reader for the \(service) service")
        }
        /// `name`: the service's name in the language (`Dashboard.serviceNames`), when it has one.
        public static func fromSource(_ service: String, name: Message?, _ reason: String) -> Message {
            Message(zh: "\(name?.zh ?? service)：\(reason)", en: "\(service): \(reason)")
        }
        public static func noMeasure(_ service: String, name: Message?, _ measure: String) -> Message {
            Message(zh: "\(name?.zh ?? service)服务没有报告 \(measure)", en: "the \(service) service reports no measure \(measure)")
        }
        public static let nobodyToRate = Message(zh: "暂无可统计的人员", en: "no one to rate yet")
        public static let largeEnterprisesUnknown = Message(
            zh: "技能评价服务无法向劳动力资源库查询规模以上企业", en: "the evaluation service could not ask the registry for the large enterprises")
    }
}
