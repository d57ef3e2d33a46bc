extension Messages {
    /// `jcskills totals` (Sources/CLI/Gateway/): the table, the planning view, the help, and the
    /// words for an indicator's status and plan that the dashboard shares.
    public enum Totals {
        // Help.
        public static let abstract = Message(
            zh: "全市各项指标对照规划：数值、目标、进度、状态和每月所需进度。",
            en: "The city's indicators against the plan: value, target, progress, status and the pace needed.")
        public static let discussion = Message(
            zh: """
                询问网关，网关同时询问各部门的服务。某个服务未按时答复时，它的指标显示为“无法获取”\
                （附最后已知值），其余指标照常显示。所有来源都答复时退出码为 0，答复不完整时为 3，\
                无法询问网关时为 1。规划辅助：每月还需增加多少才能按期达标，近 90 天每月实际增加多少，\
                按当前速度哪个月达标（--plan 逐县逐项列出）。
                """,
            en: """
                Asks the gateway, which asks every department's service at once. A service that does \
                not answer in time makes its indicators `unavailable` (with the last known value) while \
                the rest are still shown. Exit 0 when every source answered, 3 when the answer is \
                partial, 1 when the gateway itself could not be asked. The planning aid: the change per \
                month still needed to reach each target in time, the change per month of the last 90 \
                days, and the month the target falls at that pace (--plan lists it by county and indicator).
                """)
        public static let endpointHelp = Message(zh: "网关地址。", en: "The gateway's address.")
        public static let endpointValue = Message(zh: "主机:端口", en: "host:port")
        public static let countyHelp = Message(
            zh: "县（市、区）代码，或 all（全市并按县列出）；默认全市。",
            en: "A county code, or `all` for the city with a breakdown by county; default the city.")
        public static let countyValue = Message(zh: "代码|all", en: "code|all")
        public static let asOfHelp = Message(zh: "数据截至的日期（YYYY-MM-DD）；默认今天。", en: "The date the numbers are for (YYYY-MM-DD); default today.")
        public static let asOfValue = Message(zh: "日期", en: "date")
        public static let yearHelp = Message(zh: "年度指标的年份；默认截至日期所在年份。", en: "The year of the yearly indicators; default the as-of date's year.")
        public static let deadlineHelp = Message(zh: "等待答复的时长（毫秒）。", en: "How long to wait for the answer, in milliseconds.")
        public static let deadlineValue = Message(zh: "毫秒", en: "ms")
        public static let freshHelp = Message(zh: "立即询问各来源，不用网关几秒钟的缓存。", en: "Ask the sources now rather than take the gateway's few-second cache.")
        public static let jsonHelp = Message(zh: "输出 JSON（供脚本使用），不输出表格。", en: "Print JSON (for scripts) instead of the table.")
        public static let watchHelp = Message(
            zh: "持续关注：数值一有变化就重新输出（Ctrl-C 停止）。",
            en: "Keep watching: print the set again whenever a value changes (Ctrl-C to stop).")
        public static let planHelp = Message(
            zh: "逐县逐项输出规划辅助：每月所需、当前每月、按当前速度达标的月份和简短结论。",
            en: "Print the planning aid by county and indicator: needed per month, current per month, the month reached at this pace, and a short verdict.")

        // Errors.
        public static func badCounty(_ text: String, codes: String) -> Message {
            Message(
                zh: "--county：应为晋城的县（市、区）代码（\(codes)）或 all，收到“\(text)”",
                en: "--county: expected a Jincheng county code (\(codes)) or all, got '\(text)'")
        }
        public static func badAsOf(_ text: String) -> Message {
            Message(zh: "--as-of：应为 YYYY-MM-DD，收到“\(text)”", en: "--as-of: expected YYYY-MM-DD, got '\(text)'")
        }
        public static func gatewayDidNotAnswer(_ endpoint: String, _ reason: String) -> Message {
            Message(zh: "网关 \(endpoint) 未答复：\(reason)", en: "the gateway at \(endpoint) did not answer: \(reason)")
        }
        public static func watchFailed(_ endpoint: String, _ reason: String) -> Message {
            Message(zh: "关注网关 \(endpoint) 时出错：\(reason)", en: "watching the gateway at \(endpoint): \(reason)")
        }

        // The table.
        public static func heading(asOf: String, year: Int32) -> Message {
            Message(zh: "晋城市 · 截至 \(asOf) · \(year) 年度", en: "Jincheng · as of \(asOf) · year \(year)")
        }
        public static let indicator = Message(zh: "指标", en: "indicator")
        public static let value = Message(zh: "数值", en: "value")
        public static let target = Message(zh: "目标", en: "target")
        public static let progress = Message(zh: "进度", en: "progress")
        public static let status = Message(zh: "状态", en: "status")
        public static let neededSlashCurrent = Message(zh: "每月 所需/当前", en: "per month needed/current")
        public static let byCounty = Message(zh: "分县（市、区）", en: "by county")
        public static let partialAnswer = Message(zh: "答复不完整：有的来源未答复", en: "partial answer: some sources did not answer")
        public static func unavailableBecause(_ reason: String) -> Message {
            Message(zh: "无法获取：\(reason)", en: "unavailable: \(reason)")
        }
        public static func lastKnown(_ value: String, age: String) -> Message {
            Message(zh: "（最后已知 \(value)，\(age)前）", en: " (last known \(value), \(age) ago)")
        }
        public static func seconds(_ n: Int64) -> Message { Message(zh: "\(n) 秒", en: "\(n) s") }
        public static func minutes(_ n: Int64) -> Message { Message(zh: "\(n) 分钟", en: "\(n) min") }
        public static func hours(_ n: Int64) -> Message { Message(zh: "\(n) 小时", en: "\(n) h") }
        public static func days(_ n: Int64) -> Message { Message(zh: "\(n) 天", en: "\(n) d") }

        // An indicator's status (the protocol's IndicatorStatus).
        public static let met = Message(zh: "已达标", en: "met")
        public static let onTrack = Message(zh: "进度正常", en: "on track")
        public static let behind = Message(zh: "进度滞后", en: "behind")
        public static let noTarget = Message(zh: "无目标", en: "no target")
        public static let unavailable = Message(zh: "无法获取", en: "unavailable")
        public static func unknownStatus(_ raw: Int32) -> Message { Message(zh: "状态(\(raw))", en: "status(\(raw))") }

        // The planning aid.
        public static let plan = Message(zh: "规划", en: "Plan")
        public static let planHeading = Message(zh: "规划辅助", en: "Planning aid")
        public static let neededPerMonth = Message(zh: "每月所需", en: "needed per month")
        public static func currentPerMonth(days: Int32) -> Message {
            Message(zh: "当前每月（近 \(days) 天）", en: "current per month (last \(days) days)")
        }
        public static let reachedAtThisPace = Message(zh: "按当前速度达标", en: "reached at this pace")
        public static let verdict = Message(zh: "结论", en: "verdict")
        public static let notPlanned = Message(
            zh: "无规划数据（无目标或期限、稳定比率或无法获取）",
            en: "not planned (no target or deadline, a steady rate, or unavailable)")
        /// An amount per month; a percentage's in percentage points.
        public static func perMonth(_ amount: String, percent: Bool) -> Message {
            percent
                ? Message(zh: "\(amount) 个百分点/月", en: "\(amount) pp/month")
                : Message(zh: "\(amount)/月", en: "\(amount)/month")
        }
        public static func month(year: Int, month: Int) -> Message {
            let padded = month < 10 ? "0\(month)" : "\(month)"
            return Message(zh: "\(year)年\(month)月", en: "\(year)-\(padded)")
        }
        public static let dash = Message(zh: "—", en: "—")
        public static let alreadyMet = Message(zh: "已达标", en: "already met")
        public static let deadlinePassed = Message(zh: "已过期限", en: "deadline passed")
        public static let rateUnknown = Message(zh: "当前速度未知（较早日期的数据未取得）", en: "current pace unknown (the earlier date could not be read)")
        public static let onCourse = Message(zh: "按当前速度可按期达标", en: "on course at the current pace")
        public static func tooSlow(times: String) -> Message {
            Message(zh: "需提速至当前的 \(times) 倍", en: "needs \(times) × the current pace")
        }
        public static let notMoving = Message(zh: "当前未向目标推进", en: "not moving towards the target")
        public static func deadline(_ date: String) -> Message { Message(zh: "期限 \(date)", en: "deadline \(date)") }
    }
}
