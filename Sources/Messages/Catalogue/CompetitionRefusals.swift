extension Messages {
    /// The competition service's refusals (Services/Competition/Service), in the caller's language;
    /// the English is what the service has always sent. The words every service shares are `Refusals`'.
    public enum CompetitionRefusals {
        // Competitions and events (Rules/CompetitionRules.swift, Repositories/CompetitionRepository.swift).
        public static let unknownKind = Message(zh: "不是已知的竞赛类别", en: "is not a known kind")
        public static let unknownLevel = Message(zh: "不是已知的竞赛级别", en: "is not a known level")
        public static func shareAbove100(_ percent: some CustomStringConvertible) -> Message {
            Message(zh: "\(percent) 大于 100", en: "\(percent) is more than 100")
        }
        public static let promotionNamesInstitution = Message(
            zh: "晋级规则须写明发证的评价机构", en: "a rule that promotes names the institution that issues the certificates")
        public static let groups = Message(zh: "须为职工组或学生组", en: "is not workers or students")
        public static let needsCriterion = Message(zh: "评分方案至少须有一项评分标准", en: "a marking scheme has at least one criterion")
        public static func appearsTwice(_ code: String) -> Message { Message(zh: "\(code) 重复出现", en: "\(code) appears twice") }
        public static let criterionTypes = Message(zh: "须为测量或评判", en: "is not measurement or judgement")
        public static let isZero = Message(zh: "为 0", en: "is 0")
        public static func maximaSum(_ sum: String) -> Message {
            Message(zh: "各项满分合计 \(sum)，不是 100 分", en: "the maxima add up to \(sum), not 100 marks")
        }
        public static func notAJudgeCode(_ judge: String) -> Message {
            Message(zh: "“\(judge)”不是裁判代码（字母、数字、- 和 _）", en: "\"\(judge)\" is not a judge code (letters, digits, - and _)")
        }
        public static let judgeTwice = Message(zh: "有裁判重复出现", en: "a judge appears twice")
        public static func tooFewJudges(_ minimum: Int, listed: Int) -> Message {
            Message(zh: "评判类标准至少须有 \(minimum) 名裁判；现列 \(listed) 名", en: "judgement criteria need at least \(minimum) judges; \(listed) listed")
        }
        public static let needsJudge = Message(zh: "项目须有裁判", en: "an event needs a judge")
        public static func notACode(_ code: String) -> Message {
            Message(zh: "“\(code)”不是代码（至多 32 个字母、数字、-、_ 和 .）", en: "\"\(code)\" is not a code (at most 32 letters, digits, -, _ and .)")
        }
        public static func noCompetition(_ code: String) -> Message {
            Message(zh: "没有代码为 \(code) 的竞赛", en: "no competition with code \(code)")
        }
        public static func noEvent(_ event: String, competition: String) -> Message {
            Message(zh: "竞赛 \(competition) 中没有项目 \(event)", en: "no event \(event) in competition \(competition)")
        }
        public static func eventClosed(_ event: String) -> Message { Message(zh: "项目 \(event) 已截止", en: "event \(event) is closed") }
        public static func marksLocked(_ event: String) -> Message {
            Message(zh: "项目 \(event) 已截止，评分已锁定", en: "event \(event) is closed; its marks are locked")
        }
        public static func schemeFixed(_ event: String, marks: some CustomStringConvertible) -> Message {
            Message(zh: "项目 \(event) 已有 \(marks) 个评分，评分方案和裁判不可再改", en: "event \(event) has \(marks) marks; its scheme and judges are fixed")
        }
        public static func outsideYear(_ date: some CustomStringConvertible, year: Int32) -> Message {
            Message(zh: "\(date) 不在竞赛年度 \(year) 年内", en: "\(date) is outside the competition's year \(year)")
        }
        public static let nameCompetitionOrYear = Message(zh: "请给出竞赛或年份", en: "name a competition or a year")

        // Entries (Rules/EntryRules.swift).
        public static let workerNotRegistered = Message(
            zh: "劳动力资源库中没有此身份证号的卡；职工须以已登记人员身份参赛",
            en: "the registry has no card for this ID number; workers enter as registered persons")
        public static let studentNamesSchool = Message(zh: "学生参赛须写明学校", en: "a student's entry names the school")
        public static let studentNamesCounty = Message(zh: "学生参赛须写明县（市、区）", en: "a student's entry names the county")

        // Marks (Repositories/MarkSheetWriter.swift, RPC/CompetitionRPCService.swift).
        public static func tooManyMarks(_ count: Int, limit: Int) -> Message {
            Message(zh: "一张评分表 \(count) 个分数，至多 \(limit) 个", en: "\(count) marks; at most \(limit) a sheet")
        }
        public static func noEntry(_ number: String, event: String) -> Message {
            Message(zh: "项目 \(event) 中没有参赛编号 \(number)", en: "no entry \(number) in event \(event)")
        }
        public static func noCriterion(_ code: String, event: String) -> Message {
            Message(zh: "项目 \(event) 没有评分标准 \(code)", en: "event \(event) has no criterion \(code)")
        }
        public static func aboveMaximum(_ mark: String, criterion: String, maximum: String) -> Message {
            Message(zh: "\(mark) 超过 \(criterion) 的满分 \(maximum)", en: "\(mark) is above the maximum of \(criterion), \(maximum)")
        }
        public static func markedTwice(_ number: String, _ criterion: String) -> Message {
            Message(zh: "\(number)/\(criterion) 在评分表中重复出现", en: "\(number)/\(criterion) appears twice in the sheet")
        }
        public static func judgedAlready(_ number: String, _ criterion: String, by judges: String) -> Message {
            Message(zh: "\(number)/\(criterion) 已有 \(judges) 的评分", en: "\(number)/\(criterion) already has the scores of \(judges)")
        }

        // Studios (Rules/StudioRules.swift, Repositories/StudioRepository.swift).
        public static let studioLevels = Message(zh: "须为市级、省级或国家级", en: "is not city, provincial or national")
        public static let masterWithoutLevel = Message(
            zh: "领办人没有有效的职业技能等级证书；工作室领办人须为技师或高级技师",
            en: "the master holds no valid skill-level certificate; a studio's master is a 技师 or 高级技师")
        /// `level` as the contract names it, `chineseName` as the certificate does.
        public static func masterLevelTooLow(_ level: some CustomStringConvertible, chineseName: String) -> Message {
            Message(zh: "领办人的最高有效等级为\(chineseName)；工作室领办人须为技师或高级技师",
                    en: "the master's highest valid level is \(level); a studio's master is a 技师 or 高级技师")
        }
        public static func noStudio(_ code: String) -> Message {
            Message(zh: "没有代码为 \(code) 的技能大师工作室", en: "no studio with code \(code)")
        }

        // A county office's and a judge's reach (Access/CompetitionAccess.swift).
        public static let competitions = Message(zh: "竞赛", en: "competitions")
        public static let studios = Message(zh: "技能大师工作室", en: "studios")
        /// `what`: ``competitions`` or ``studios``.
        public static func manageOfCounty(_ identity: String, _ what: Message, own: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 只能管理县（市、区）\(own) 的\(what.zh)，不能管理\(county == 0 ? "全市" : " \(county) ")的",
                    en: "\(identity) may manage only \(what.en) of county \(own), not \(county == 0 ? "the city" : String(county))")
        }
        public static func notAJudgeOf(_ identity: String, event: String, competition: String) -> Message {
            Message(zh: "\(identity) 不是竞赛 \(competition) 项目 \(event) 的裁判", en: "\(identity) is not a judge of event \(event) in \(competition)")
        }
    }
}
