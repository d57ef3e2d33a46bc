extension Messages {
    /// What every CSV import says (Sources/CLI/Support): its progress, its summary, and the
    /// errors of rows the client reads before anything is sent.
    public enum Import {
        public static let rows = Message(zh: "行", en: "rows")
        public static let rowsPerSecond = Message(zh: "行/秒", en: "rows/s")
        public static func took(file: String, rows: UInt64, seconds: String, rate: String) -> Message {
            Message(zh: "\(file)：\(rows) 行，用时 \(seconds) 秒（每秒 \(rate) 行）", en: "\(file): \(rows) rows in \(seconds) s (\(rate) rows/s)")
        }
        public static let accepted = Message(zh: "已接收", en: "accepted")
        public static let alreadyRegistered = Message(zh: "此前已登记", en: "already registered")
        public static let duplicatesInFile = Message(zh: "文件内重复", en: "duplicates in file")
        public static let rejected = Message(zh: "被拒绝", en: "rejected")
        public static func lineError(line: UInt32, column: String, reason: String) -> Message {
            column.isEmpty
                ? Message(zh: "第 \(line) 行：\(reason)", en: "line \(line): \(reason)")
                : Message(zh: "第 \(line) 行，\(column)：\(reason)", en: "line \(line), \(column): \(reason)")
        }
        public static func more(_ count: UInt64) -> Message {
            Message(zh: "……另有 \(count) 条（用 --errors FILE 列出全部被拒绝的行）", en: "… \(count) more (use --errors FILE to list the rejected rows)")
        }

        public static func identicalDuplicate(what: Message, firstLine: UInt32, outcome: Message) -> Message {
            Message(zh: "与第 \(firstLine) 行的\(what.zh)相同，且整行相同：\(outcome.zh)",
                    en: "the same \(what.en) as line \(firstLine), an identical row: \(outcome.en)")
        }
        public static func differingDuplicate(what: Message, firstLine: UInt32, notDone: Message) -> Message {
            Message(zh: "与第 \(firstLine) 行的\(what.zh)相同，但其他值不同：\(notDone.zh)（第 \(firstLine) 行已处理；请更正文件后重新导入）",
                    en: "the same \(what.en) as line \(firstLine), with other values: \(notDone.en) (line \(firstLine) was sent; correct the file and import it again)")
        }
        public static let importedOnce = Message(zh: "只导入一次", en: "imported once")
        public static let notImported = Message(zh: "未导入", en: "not imported")
        public static let sentOnce = Message(zh: "只发送一次", en: "sent once")
        public static let notSent = Message(zh: "未发送", en: "not sent")
        public static let registeredOnce = Message(zh: "只登记一次", en: "registered once")
        public static let notRegistered = Message(zh: "未登记", en: "not registered")
        public static let enteredOnce = Message(zh: "只报名一次", en: "entered once")
        public static func registeredWithOtherValues(_ what: Message, code: String) -> Message {
            Message(zh: "\(what.zh) \(code) 已用其他值登记：已更新", en: "\(what.en) \(code) was registered with other values: updated")
        }

        public static func notOneOf(_ text: String, _ allowed: String) -> Message {
            Message(zh: "“\(text)”不在可选值中：\(allowed)", en: "'\(text)' is not one of \(allowed)")
        }
        public static func notANumber(_ text: String) -> Message { Message(zh: "“\(text)”不是数字", en: "'\(text)' is not a number") }
        public static func notADate(_ text: String) -> Message {
            Message(zh: "“\(text)”不是日期（yyyy-mm-dd）", en: "'\(text)' is not a date (yyyy-mm-dd)")
        }
        public static let expectedTrueOrFalse = Message(zh: "应为 true 或 false", en: "expected true or false")
        public static func notALevel(_ text: String) -> Message { Message(zh: "“\(text)”不是技能等级（1–5）", en: "'\(text)' is not a level (1–5)") }
        public static func notACounty(_ text: String) -> Message { Message(zh: "“\(text)”不是县（市、区）代码", en: "'\(text)' is not a county code") }
        public static func fieldCount(_ count: Int, expected: Int) -> Message {
            Message(zh: "有 \(count) 个字段，应为 \(expected) 个", en: "\(count) fields, expected \(expected)")
        }
        public static func fieldTooLong(_ bytes: Int, maximum: Int) -> Message {
            Message(zh: "长 \(bytes) 字节；每个字段最多 \(maximum) 字节", en: "is \(bytes) bytes long; a field has at most \(maximum)")
        }
        public static func column(_ number: Int) -> Message { Message(zh: "第 \(number) 列", en: "column \(number)") }
        public static func unknownKeyGroup(_ text: String) -> Message {
            Message(zh: "“\(text)”含有未知的重点群体", en: "'\(text)' names an unknown key group")
        }

        public static func emptyFile(_ path: String) -> Message { Message(zh: "\(path) 是空文件", en: "\(path) is empty") }
        public static func headerUnreadable(_ path: String, reason: String) -> Message {
            Message(zh: "\(path)：无法读取表头（第 1 行）：\(reason)", en: "\(path): the header (line 1) cannot be read: \(reason)")
        }
        public static func headerNotCSV(_ path: String, error: String) -> Message {
            Message(zh: "\(path)：表头（第 1 行）不是 CSV 记录：\(error)", en: "\(path): the header (line 1) is not a CSV record: \(error)")
        }
        public static func wrongHeader(_ path: String, found: String, expected: String) -> Message {
            Message(zh: "\(path)：表头为\n  \(found)\n应为\n  \(expected)", en: "\(path): the header is\n  \(found)\nexpected\n  \(expected)")
        }
        public static func stoppedAt(file: String, line: UInt32, error: String) -> Message {
            Message(zh: "\(file) 第 \(line) 行：\(error)——在此停止；此前各行已发送（重新运行该文件即可：它们会计为此前已登记）",
                    en: "\(file) line \(line): \(error) — stopped here; the rows before it were sent (run the file again: they count as already registered)")
        }
        public static let errorsGoWithFile = Message(zh: "--errors 只能与文件一起使用", en: "--errors goes with a file")
        public static let errorsAndNumbersGoWithFile = Message(zh: "--errors 和 --numbers 只能与文件一起使用", en: "--errors and --numbers go with a file")
        public static let flagsOrFile = Message(zh: "请给出参数或文件，不要同时给出", en: "give the flags or a file, not both")
        public static let batchAtLeastOne = Message(zh: "--batch 至少为 1", en: "--batch must be at least 1")
        public static func batchRange(_ limit: Int) -> Message { Message(zh: "--batch 须在 1–\(limit) 之间", en: "--batch must be 1–\(limit)") }

        public static let errorsHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件。", en: "Write every rejected row to this CSV file.")
        public static let batchHelp = Message(zh: "每条消息（及每个数据库事务）的行数。", en: "Rows per message (and per database transaction).")
    }
}

extension Messages.Import {
    /// What two lines of a file may not both describe (the `what` of a duplicate's message).
    public enum Key {
        public static let idNumber = Message(zh: "身份证号", en: "ID number")
        public static let creditCode = Message(zh: "统一社会信用代码", en: "credit code")
        public static let demand = Message(zh: "企业、职业、等级和年份", en: "enterprise, occupation, level and year")
        public static let certificateNumber = Message(zh: "证书编号", en: "certificate number")
        public static let institutionCode = Message(zh: "机构代码", en: "institution code")
        public static let competitionCode = Message(zh: "竞赛代码", en: "competition code")
        public static let competitionAndEvent = Message(zh: "竞赛和项目代码", en: "competition and event code")
        public static let personAndEvent = Message(zh: "人员和项目", en: "person and event")
        public static let studioCode = Message(zh: "工作室代码", en: "studio code")
        public static let studioAndYear = Message(zh: "工作室和年份", en: "studio and year")
        public static let enrolmentNumber = Message(zh: "报名编号", en: "enrolment number")
        public static let courseAndIDNumber = Message(zh: "课程和身份证号", en: "course and ID number")
        public static let brandCode = Message(zh: "品牌代码", en: "brand code")
        public static let courseCode = Message(zh: "课程代码", en: "course code")
        public static let entryAndCriterion = Message(zh: "参赛编号和评分项", en: "entry and criterion")
    }
}

extension Messages.Import {
    /// What an import's progress bar is counting.
    public enum Label {
        public static let brands = Message(zh: "劳务品牌", en: "brands")
        public static let certificates = Message(zh: "证书", en: "certificates")
        public static let certificatesAfter = Message(zh: "结业后证书", en: "certificates after training")
        public static let competitions = Message(zh: "竞赛", en: "competitions")
        public static let courses = Message(zh: "课程", en: "courses")
        public static let demand = Message(zh: "用工需求", en: "demand")
        public static let enrolments = Message(zh: "报名", en: "enrolments")
        public static let enterprises = Message(zh: "企业", en: "enterprises")
        public static let entries = Message(zh: "参赛报名", en: "entries")
        public static let events = Message(zh: "比赛项目", en: "events")
        public static let persons = Message(zh: "人员", en: "persons")
        public static let results = Message(zh: "培训结果", en: "results")
        public static let studioYears = Message(zh: "工作室年度数据", en: "studio years")
        public static let studios = Message(zh: "工作室", en: "studios")
        public static let marks = Message(zh: "评分", en: "marks")
    }
}
