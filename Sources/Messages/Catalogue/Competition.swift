extension Messages {
    /// `jcskills competition` and `jcskills studio` (Sources/CLI/Competition).
    public enum Competition {
        public static let eventStates: [String: Message] = [
            "open": Message(zh: "进行中", en: "open"), "closed": Message(zh: "已截止", en: "closed"),
        ]
        public static func eventState(_ name: String) -> String { eventStates[name]?.text() ?? name }

        // Award rules
        public static func topCount(_ count: UInt32) -> Message { Message(zh: "前 \(count) 名", en: "the top \(count)") }
        public static func topShare(_ percent: UInt32) -> Message { Message(zh: "前 \(percent) %", en: "the top \(percent) %") }
        public static let nobodyAwarded = Message(zh: "不设奖", en: "nobody is awarded")
        public static let namedExperts = Message(zh: "授予“晋城技术能手”", en: "named 晋城技术能手")
        public static func promotedBy(_ institution: String) -> Message {
            Message(zh: "由 \(institution) 晋升一级", en: "promoted one level by \(institution)")
        }
        public static func awardRule(bounds: [Message], what: [Message]) -> Message {
            let zhBounds = bounds.map(\.zh).joined(separator: "或")
            let enBounds = bounds.map(\.en).joined(separator: " or ")
            return Message(zh: "每个项目\(zhBounds)（取较少者）\(what.isEmpty ? "" : "：" + what.map(\.zh).joined(separator: "，"))",
                           en: "\(enBounds) of each event (whichever fewer)\(what.isEmpty ? "" : ": " + what.map(\.en).joined(separator: ", "))")
        }

        // Lists and one competition
        public static func competitionCount(_ count: Int) -> Message { Message(zh: "竞赛 \(count) 项", en: "\(count) competitions") }
        public static let code = Message(zh: "代码", en: "code")
        public static let year = Message(zh: "年份", en: "year")
        public static let kind = Message(zh: "类别", en: "kind")
        public static let level = Message(zh: "级别", en: "level")
        public static let eventsColumn = Message(zh: "项目数", en: "events")
        public static let entriesColumn = Message(zh: "报名数", en: "entries")
        public static let name = Message(zh: "名称", en: "name")
        public static let organiser = Message(zh: "主办单位", en: "organiser")
        public static let awards = Message(zh: "奖励", en: "awards")
        public static let events = Message(zh: "项目", en: "events")
        public static func countyLevel(_ county: String) -> Message { Message(zh: "县级 \(county)", en: "county \(county)") }
        public static func eventsAndEntries(_ events: UInt32, entries: UInt64) -> Message {
            Message(zh: "\(events) 个，报名 \(entries) 人次", en: "\(events), \(entries) entries")
        }

        // Events
        public static func eventCount(_ count: Int) -> Message { Message(zh: "比赛项目 \(count) 个", en: "\(count) events") }
        public static func eventFigures(entries: UInt64, fullyMarked: UInt64, flagged: UInt64, judges: String) -> Message {
            Message(zh: "      报名 \(entries)，评分完成 \(fullyMarked)，待复核 \(flagged)；裁判 \(judges)",
                    en: "      entries \(entries), fully marked \(fullyMarked), flagged \(flagged); judges \(judges)")
        }
        public static let schemeIndent = Message(zh: "      评分方案  ", en: "      scheme  ")
        public static let defaultSpreadBound = Message(zh: "分差上限为各项满分的 20 %", en: "spread bound 20 % of each maximum")
        public static func spreadBound(_ marks: String) -> Message { Message(zh: "分差上限 \(marks)", en: "spread bound \(marks)") }
        public static let event = Message(zh: "比赛项目", en: "event")
        public static let occupation = Message(zh: "职业", en: "occupation")
        public static let state = Message(zh: "状态", en: "state")
        public static let entries = Message(zh: "报名", en: "entries")
        public static let judges = Message(zh: "裁判", en: "judges")
        public static let scheme = Message(zh: "评分方案", en: "scheme")
        public static func entryFigures(entries: UInt64, fullyMarked: UInt64, flagged: UInt64) -> Message {
            Message(zh: "\(entries)，评分完成 \(fullyMarked)，\(flagged) 个评价分待复核",
                    en: "\(entries), \(fullyMarked) fully marked, \(flagged) judgement marks flagged for review")
        }
        public static func spreadBoundLine(_ bound: String?) -> Message {
            guard let bound else { return Message(zh: "分差上限 各评分项满分的 20 %", en: "spread bound 20 % of each criterion's maximum") }
            return Message(zh: "分差上限 \(bound)", en: "spread bound \(bound)")
        }
        public static func noOpenEvents(_ competition: String) -> Message {
            Message(zh: "\(competition) 没有进行中的项目", en: "no open events in \(competition)")
        }
        public static func closed(_ event: String, state: String, entries: UInt64, fullyMarked: UInt64, flagged: UInt64) -> Message {
            Message(zh: "\(event) \(Messages.Competition.eventStates[state]?.zh ?? state)：报名 \(entries)，评分完成 \(fullyMarked)，待复核 \(flagged)",
                    en: "\(event) \(state): \(entries) entries, \(fullyMarked) fully marked, \(flagged) flagged")
        }

        // Entries and results
        public static let entered = Message(zh: "已报名", en: "entered")
        public static func enteredIn(_ number: String, event: String, group: String) -> Message {
            Message(zh: "\(number)，\(event)（\(group)）", en: "\(number) in \(event) (\(group))")
        }
        public static let person = Message(zh: "选手", en: "person")
        public static let rank = Message(zh: "名次", en: "rank")
        public static let entry = Message(zh: "参赛编号", en: "entry")
        public static let personName = Message(zh: "姓名", en: "name")
        public static let resultColumns: [Message] = [
            rank, entry, personName, Messages.Common.county, Message(zh: "总分", en: "total"), Message(zh: "测量分", en: "meas."),
            Message(zh: "标准分", en: "std"), Message(zh: "未评", en: "unmarked"), Message(zh: "待复核", en: "flagged"),
            Message(zh: "获奖", en: "awarded"), Message(zh: "学校", en: "school"),
        ]
        public static func entryCount(_ count: Int) -> Message { Message(zh: "共 \(count) 人", en: "\(count) entries") }

        // Awards
        public static func awardCount(_ count: Int, experts: Int) -> Message {
            Message(zh: "获奖 \(count) 人，其中技术能手（晋城技术能手）\(experts) 人", en: "\(count) awards, \(experts) technical experts (晋城技术能手)")
        }
        public static let awardColumns: [Message] = [
            competitionWord, entry, rank, personName, Messages.Common.county, Message(zh: "技术能手", en: "expert"),
            Message(zh: "晋升", en: "promotion"),
        ]
        public static func promotionIssued(_ step: String, certificate: String) -> Message {
            Message(zh: "已颁发 \(step)，\(certificate)", en: "issued \(step), \(certificate)")
        }
        public static func promotionPending(_ step: String, lastError: String) -> Message {
            Message(zh: "待颁发 \(step)\(lastError.isEmpty ? "" : "（上次尝试：\(lastError)）")",
                    en: "pending \(step)\(lastError.isEmpty ? "" : " (last try: \(lastError))")")
        }
        public static let atTopLevel = Message(zh: "已是最高等级（高级技师）：无需颁发", en: "at the top level (高级技师): nothing to issue")
        public static func promotionRefused(_ why: String) -> Message { Message(zh: "被拒绝：\(why)", en: "refused: \(why)") }

        // Studios
        public static func studioTotal(_ total: UInt32, target: UInt32) -> Message {
            Message(zh: "技能大师工作室 \(total) 个；规划目标 2021 年前 \(target) 个", en: "\(total) skill-master studios (技能大师工作室); the plan's target \(target) by 2021")
        }
        public static let met = Message(zh: "：已达成", en: ": met")
        public static func short(_ count: UInt32) -> Message { Message(zh: "：尚差 \(count) 个", en: ": \(count) short") }
        public static func countiesWithoutStudio(_ counties: String) -> Message {
            Message(zh: "没有工作室的县（市、区）（2020 年底前每县一至两个）：\(counties)",
                    en: "counties without a studio (one or two each by the end of 2020): \(counties)")
        }
        public static func largeWithout(_ list: String) -> Message {
            Message(zh: "没有工作室的大型企业（职工 ≥ 300 人）：\(list)", en: "large enterprises (≥ 300 staff) hosting none: \(list)")
        }
        public static let largeWithoutUnknown = Message(
            zh: "没有工作室的大型企业：未知（未能及时询问劳动力资源库）", en: "large enterprises hosting none: unknown (the registry could not be asked in time)")
        public static let none = Message(zh: "无", en: "none")
        public static let countyHosted = Message(zh: "县里承办", en: "county-hosted")
        public static func hostedAt(_ code: String) -> Message { Message(zh: "依托 \(code)", en: "at \(code)") }
        public static func master(_ name: String, id: String, level: String, host: String) -> Message {
            Message(zh: "      领办人 \(name) \(id)，\(level)；\(host)", en: "      master \(name) \(id), \(level); \(host)")
        }
        public static func studioYear(_ year: Int32, apprentices: UInt32, problems: UInt32) -> Message {
            Message(zh: "      \(year)  带徒 \(apprentices) 人，解决技术难题 \(problems) 项",
                    en: "      \(year)  \(apprentices) apprentices mentored, \(problems) technical problems solved")
        }

        // Counts
        public static let thisYear = Message(zh: "本年", en: "this year")
        public static let countsRows: [Message] = [
            Message(zh: "授予技术能手", en: "technical experts named"), Message(zh: "参赛人数", en: "participants (persons)"),
            Message(zh: "已颁发晋升证书", en: "promotions issued"), Message(zh: "待颁发晋升证书", en: "promotions pending"),
            Message(zh: "技能大师工作室", en: "master studios"),
        ]
        public static let countiesWithoutStudioRow = Message(zh: "没有工作室的县（市、区）", en: "counties without a studio")
        public static let hasStudioRow = Message(zh: "有工作室", en: "has a studio")

        // Marks
        public static func sheetsRecorded(as identity: String, sheets: UInt64, flagged: UInt64) -> Message {
            Message(zh: "以 \(identity) 身份：记录评分表 \(sheets) 张，\(flagged) 个评价分现待复核",
                    en: "as \(identity): \(sheets) sheet\(sheets == 1 ? "" : "s") recorded, \(flagged) judgement mark\(flagged == 1 ? "" : "s") now flagged for review")
        }
        public static func sheetNotRecorded(_ reason: String, event: String, marks: Int, lines: String) -> Message {
            Message(zh: "\(reason)——\(event) 的评分表（\(marks) 个评分，\(lines)）未记录",
                    en: "\(reason) — the sheet for \(event) (\(marks) marks, \(lines)) was not recorded")
        }
        public static func lines(_ first: UInt32, _ last: UInt32) -> Message { Message(zh: "第 \(first)–\(last) 行", en: "lines \(first)–\(last)") }
        public static func sheetStopped(file: String, event: String, lines: String, error: String) -> Message {
            Message(zh: "\(file)：\(event) 的评分表（\(lines)）：\(error)——在此停止；此前的评分表已记录（重新发送该文件即可：它们计为未变）",
                    en: "\(file): the sheet for \(event) (\(lines)): \(error) — stopped here; the sheets before it were recorded (send the file again: they count as unchanged)")
        }
        public static func entryNotMade(_ number: String) -> Message {
            Message(zh: "文件中的参赛报名 \(number) 未成功（其报名行被拒绝）", en: "entry \(number) of the file was not made (its entry row was refused)")
        }
        public static func identicalMark(_ first: UInt32) -> Message {
            Messages.Import.identicalDuplicate(what: Messages.Import.Key.entryAndCriterion, firstLine: first, outcome: Messages.Import.sentOnce)
        }
        public static func differingMark(_ first: UInt32) -> Message {
            Message(zh: "与第 \(first) 行的参赛编号和评分项相同，但分数不同：未发送（第 \(first) 行已发送；请更正文件后重新发送）",
                    en: "the same entry and criterion as line \(first), with another mark: not sent (line \(first) was; correct the file and send it again)")
        }
        public static let competitionWord = Message(zh: "竞赛", en: "competition")
        public static let schemeFormat = Message(
            zh: "应为以“;”分隔的 代码:类型:满分[:说明] 条目（类型 measurement 或 judgement，满分以分计），如 A1:measurement:30.00;B1:judgement:20.00",
            en: "expected code:type:maximum[:description] entries separated by ';' (type measurement or judgement, maximum in marks), e.g. A1:measurement:30.00;B1:judgement:20.00")
        public static let isEmpty = Message(zh: "为空", en: "is empty")
        public static func notAMark(_ text: String) -> Message {
            Message(zh: "“\(text)”不是分数（如 12.50：最多两位小数）", en: "'\(text)' is not a mark (e.g. 12.50: at most two decimals)")
        }

        // The commands' own checks
        public static func sheetRange(_ limit: Int) -> Message { Message(zh: "--sheet 须在 1–\(limit) 之间", en: "--sheet must be 1–\(limit)") }
        public static let giveEntryFlags = Message(
            zh: "请给出 --competition、--event、--id-number 和 --name，或一个 entries.csv", en: "give --competition, --event, --id-number and --name, or an entries.csv")
        public static let giveEventOrFile = Message(zh: "请给出 events.csv 或项目参数，不要同时给出", en: "give an events.csv or the event's flags, not both")
        public static let giveEventFlags = Message(
            zh: "请给出 --competition、--code、--name、--occupation、--criterion … 和 --judge …，或一个 events.csv",
            en: "give --competition, --code, --name, --occupation, --criterion … and --judge …, or an events.csv")
        public static let giveScheme = Message(zh: "请给出评分方案：--criterion 代码:类型:满分，可重复", en: "give the marking scheme: --criterion code:type:maximum, repeated")
        public static let giveJudges = Message(zh: "请给出项目裁判：--judge J01，可重复", en: "give the event's judges: --judge J01, repeated")
        public static func badGroup(_ text: String) -> Message {
            Message(zh: "--group：“\(text)”不是 workers 或 students", en: "--group: '\(text)' is not workers or students")
        }
        public static func badCriterion(_ text: String) -> Message {
            Message(zh: "--criterion “\(text)”：应为 代码:类型:满分[:说明]，类型 measurement 或 judgement，满分以分计（如 A1:measurement:25.00）",
                    en: "--criterion '\(text)': expected code:type:maximum[:description], type measurement or judgement, maximum in marks (e.g. A1:measurement:25.00)")
        }
        public static func maximaTotal(_ total: String) -> Message {
            Message(zh: "各评分项满分合计为 \(total)，不是 100.00", en: "the criteria's maxima add up to \(total), not 100.00")
        }
        public static func badSpreadBound(_ text: String) -> Message {
            Message(zh: "--spread-bound：“\(text)”不是分数（如 3.00）", en: "--spread-bound: '\(text)' is not a mark (e.g. 3.00)")
        }
        public static let giveEventOrAll = Message(zh: "请给出 --event CODE（可重复）或 --all", en: "give --event CODE (repeatable) or --all")
        public static let giveCompetitionOrYear = Message(zh: "请给出 --competition CODE 或 --year YEAR", en: "give --competition CODE or --year YEAR")
        public static let giveStudioAndYear = Message(
            zh: "请给出 --studio 和 --year（及 --apprentices、--problems），或一个 studio_years.csv",
            en: "give --studio and --year (with --apprentices, --problems), or a studio_years.csv")
    }
}
