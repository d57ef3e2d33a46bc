extension Messages {
    /// The demo data: `jcskills demo-data`, `jcskills local up --demo` and `local down` / `status`.
    public enum Demo {
        // MARK: local

        public static let localAbstract = Message(zh: "在本机运行整套服务（默认使用内嵌 SQLite）。", en: "Run the whole set of services on this machine, on the embedded SQLite default.")
        public static let upAbstract = Message(
            zh: "在默认端口（7100–7104）启动五个服务，首次使用时生成开发用 PKI。",
            en: "Start the five services on their default ports (7100–7104), with a development PKI made on first use.")
        public static let upDiscussion = Message(
            zh: """
                所有内容都在 --home（默认 .jcskills）下：pki/、data/<服务>/、logs/<服务>.log 和 run/<服务>.pid。\
                等每个服务都通过健康检查后，打印各自的监听地址。用 `jcskills local down` 停止。
                --demo [plan|small] 载入演示数据（只载入一次）：plan（默认）是规划规模的全市——150 万登记人员、\
                2019 年申报的技能人才基数、2020 和 2021 两年的证书、培训和竞赛；small 是 5,000 人的小数据集，几秒载入，供测试使用。
                """,
            en: """
                Everything lives under --home (default .jcskills): pki/, data/<service>/, logs/<service>.log \
                and run/<service>.pid. Waits until every service answers its health check, then \
                prints where each listens. Stop them with `jcskills local down`.
                --demo [plan|small] loads demo data, once: plan (the default) is the city at the plan's \
                scale — 1.5 million registered persons, the declared 2019 baseline of skilled workers, two \
                years (2020, 2021) of certificates, training and the annual competition; small is the quick \
                set of 5,000 persons that loads in seconds, for tests.
                """)
        public static let demoHelp = Message(
            zh: "载入演示数据（一次）：--demo 或 --demo plan 为规划规模（约 3 分钟），--demo small 为 5,000 人的小数据集。",
            en: "Load demo data, once: --demo or --demo plan for the city at the plan's scale (about 3 minutes), --demo small for the quick set of 5,000 persons.")
        public static let demoSizeHelp = Message(zh: "与 --demo 连用：plan（默认）或 small。", en: "With --demo: plan (the default) or small.")
        public static let sizeWithoutDemo = Message(zh: "演示数据规模只能跟在 --demo 后面（--demo small）", en: "a demo size goes with --demo (--demo small)")
        public static let timeoutHelp = Message(zh: "等待所有服务健康的秒数。", en: "Seconds to wait for every service to become healthy.")
        public static let downAbstract = Message(
            zh: "停止 `local up` 启动的服务（先 SIGTERM，--timeout 后 SIGKILL）。",
            en: "Stop the services `local up` started (SIGTERM, then SIGKILL after --timeout).")
        public static let drainHelp = Message(zh: "等待每个服务处理完在途请求的秒数。", en: "Seconds to wait for each service to drain.")
        public static let statusAbstract = Message(zh: "各本地服务的健康状况；全部正常时退出码为 0。", en: "Health of each local service; exit 0 only if all are serving.")
        public static let homeHelp = Message(zh: "本地服务存放 PKI、数据、日志和 pid 文件的目录。", en: "Where the local set keeps its PKI, data, logs and pid files.")
        public static let binHelp = Message(zh: "jcskills-* 可执行文件所在目录。默认：与本程序同目录。", en: "Directory of the jcskills-* executables. Default: next to this one.")
        public static let basePortHelp = Message(
            zh: "网关端口；其余服务依次排在其后（registry +1 … competition +4，指标 +2000，看板 +80）。默认：此 home 上次启动时的端口，否则 7100。",
            en: "The gateway's port; the others follow it (registry +1 … competition +4, metrics +2000, dashboard +80). Default: the one this home's set was started with, else 7100.")

        // MARK: loading

        public static func alreadyLoaded(_ marker: String) -> Message {
            Message(zh: "演示数据已载入（要重新开始，请删除 \(marker) 和数据目录）",
                    en: "demo data already loaded (remove \(marker) and the data directory to start over)")
        }
        public static func generating(_ size: String, persons: Int) -> Message {
            Message(zh: "演示数据（\(size)）：生成 \(persons) 人的文件……", en: "demo data (\(size)): generating the files of \(persons) persons…")
        }
        /// Between the files of ``generated(_:)``.
        public static let listSeparator = Message(zh: "、", en: ", ")
        public static func fileRows(_ file: String, rows: Int) -> Message { Message(zh: "\(file) \(rows) 行", en: "\(file) \(rows) rows") }
        public static func generated(_ files: String) -> Message { Message(zh: "演示数据：已生成 \(files)", en: "demo data: generated \(files)") }
        public static func registryLoaded(persons: some BinaryInteger, enterprises: some BinaryInteger, demand: some BinaryInteger) -> Message {
            Message(zh: "演示数据：登记 \(persons) 人、企业 \(enterprises) 家、用工需求 \(demand) 条",
                    en: "demo data: registry \(persons) persons, \(enterprises) enterprises, \(demand) demand lines")
        }
        public static func evaluationLoaded(institutions: some BinaryInteger, baseline: some BinaryInteger, certificates: some BinaryInteger) -> Message {
            Message(zh: "演示数据：评价机构 \(institutions) 家、申报基数 \(baseline) 人、证书 \(certificates) 本",
                    en: "demo data: evaluation \(institutions) institutions, a declared baseline of \(baseline) persons, \(certificates) certificates")
        }
        public static func enrolmentsLoaded(brands: some BinaryInteger, courses: some BinaryInteger, enrolments: some BinaryInteger) -> Message {
            Message(zh: "演示数据：培训 劳务品牌 \(brands) 个、课程 \(courses) 个、报名 \(enrolments) 人次",
                    en: "demo data: training \(brands) brands, \(courses) courses, \(enrolments) enrolments")
        }
        public static func enrolmentsNotNumbered(accepted: some BinaryInteger, rows: Int) -> Message {
            Message(zh: "  培训服务只接收了 \(rows) 条报名中的 \(accepted) 条：无法对应编号，培训结果和培训后证书不载入",
                    en: "  the training service took \(accepted) of \(rows) enrolments: their numbers cannot be told, so no results or certificates after training are loaded")
        }
        public static func resultsLoaded(results: some BinaryInteger) -> Message {
            Message(zh: "演示数据：培训结果 \(results) 条", en: "demo data: training \(results) results")
        }
        public static func certificatesAfterLoaded(_ recorded: Int, of total: Int) -> Message {
            Message(zh: "演示数据：培训后取证 \(recorded) 本（共 \(total) 本）", en: "demo data: \(recorded) of \(total) certificates after training recorded")
        }
        public static func competitionLoaded(competitions: some BinaryInteger, events: some BinaryInteger, entries: Int, marks: UInt64, judges: Int,
                                             flagged: UInt64, closed: Int, awards: Int, studios: some BinaryInteger, studioYears: some BinaryInteger) -> Message {
            Message(zh: "演示数据：竞赛 \(competitions) 项、赛项 \(events) 个、报名 \(entries) 人、\(judges) 位裁判打分 \(marks) 条（\(flagged) 条待复核）、结束赛项 \(closed) 个、获奖 \(awards) 人、大师工作室 \(studios) 个、年度记录 \(studioYears) 条",
                    en: "demo data: competition \(competitions) competition, \(events) events, \(entries) entries, \(marks) marks from \(judges) judges (\(flagged) judgements flagged), \(closed) events closed, \(awards) awards, \(studios) studios, \(studioYears) studio years")
        }
        public static func refusedLine(_ line: UInt32, column: String, reason: String) -> Message {
            Message(zh: "  第 \(line) 行\(column.isEmpty ? "" : "（\(column)）")被拒：\(reason)",
                    en: "  refused line \(line)\(column.isEmpty ? "" : ", \(column)"): \(reason)")
        }
        public static func stage(_ text: String, seconds: Double) -> Message {
            let elapsed = String(format: "%.1f", seconds)
            return Message(zh: "\(text)（\(elapsed) 秒）", en: "\(text) (\(elapsed) s)")
        }
        public static func loadedIn(seconds: Double) -> Message {
            let elapsed = String(format: "%.1f", seconds)
            return Message(zh: "演示数据：全部载入，用时 \(elapsed) 秒", en: "demo data: loaded in \(elapsed) s")
        }

        // MARK: demo-data

        public static let dataAbstract = Message(
            zh: "生成确定性的、真实感的 CSV 文件，供各服务的导入命令使用。",
            en: "Write deterministic, realistic CSV files that the services' imports accept.")
        public static let sizeHelp = Message(
            zh: "数据集：small（5,000 人、200 家企业）或 plan（1,500,000 人、5,000 家企业）；--persons 等可单独改。",
            en: "The set: small (5,000 persons, 200 enterprises) or plan (1,500,000 persons, 5,000 enterprises); --persons and the others override it.")
        public static let personsHelp = Message(zh: "登记演示数据的人数（其他服务的数据取自这些人）。", en: "Persons of the registry's demo data (the other services' data draw on them).")
        public static let enterprisesHelp = Message(zh: "企业数（每家 1–4 条用工需求；培训机构、雇主、工作室所在企业取自其中）。", en: "Enterprises (each with 1–4 demand lines; providers, employers and studio hosts are drawn from them).")
        public static let seedHelp = Message(zh: "生成器种子：同一种子总是写出相同的字节。", en: "Seed of the generator: the same seed always writes the same bytes.")
        public static let invalidEveryHelp = Message(
            zh: "每 N 行人员故意写错一行（测试导入用）；其他服务的数据不使用这些行。默认不写错。",
            en: "Corrupt every Nth person row (for testing imports); the other services' data leave those rows out. Off by default.")
        public static let outHelp = Message(zh: "输出目录。", en: "Output directory.")
        public static let negativeSizes = Message(zh: "数量不能为负", en: "sizes must not be negative")
        public static let invalidEveryTooSmall = Message(zh: "--invalid-every 至少为 1", en: "--invalid-every must be at least 1")
        public static let personsLabel = Message(zh: "人员", en: "persons")

        public static let allAbstract = Message(zh: "写出一个数据集的全部服务文件（local up --demo 载入的就是这些）。", en: "Every service's files of one set (what local up --demo loads).")
        public static let allDiscussion = Message(
            zh: """
                --size plan 写出规划规模的全市（一次遍历 150 万人，内存只保留课程、参赛者和大师）；\
                2019 年基数和评价机构的批准日期不在 CSV 中，由 local up --demo 直接申报和登记。\
                例：jcskills demo-data all --size plan --out demo/
                """,
            en: """
                --size plan writes the city at the plan's scale (one pass over 1.5 M persons; memory holds only \
                the courses, competitors and masters); the 2019 baseline and the institutions' approval dates are \
                not in the CSV files: local up --demo declares and registers them itself. \
                Example: jcskills demo-data all --size plan --out demo/
                """)
        public static func wroteAll(_ out: String, files: Int) -> Message {
            Message(zh: "已写出 \(out)/ 下的 \(files) 个文件", en: "wrote \(files) files into \(out)/")
        }

        public static let registryAbstract = Message(
            zh: "persons.csv、enterprises.csv 和 demand.csv，供 `jcskills registry import…` 使用。",
            en: "persons.csv, enterprises.csv and demand.csv for `jcskills registry import…`.")
        public static let registryDiscussion = Message(
            zh: "同一 --seed 总是写出相同的字节。例：jcskills demo-data registry --persons 1500000 --enterprises 5000 --out demo/",
            en: "The same --seed always writes the same bytes. Example: jcskills demo-data registry --persons 1500000 --enterprises 5000 --out demo/")
        public static func wroteRegistry(_ out: String, persons: Int, enterprises: Int, demand: Int) -> Message {
            Message(zh: "已写出 \(out)/persons.csv（\(persons) 人）、enterprises.csv（\(enterprises) 家）、demand.csv（\(demand) 条）",
                    en: "wrote \(out)/persons.csv (\(persons) persons), enterprises.csv (\(enterprises)), demand.csv (\(demand) lines)")
        }

        public static let evaluationAbstract = Message(
            zh: "institutions.csv 和 certificates.csv，供 `jcskills evaluation import-institutions` / `import` 使用。",
            en: "institutions.csv and certificates.csv for `jcskills evaluation import-institutions` / `import`.")
        public static let evaluationDiscussion = Message(
            zh: """
                与相同 --persons、--enterprises、--seed 的 `jcskills demo-data registry` 一致：持证人是其中的人员\
                （相同身份证号和姓名），企业评价机构属于其中 300 人以上的企业，所以先导入登记数据。\
                至少 50 家四类评价机构；约三分之一的人持有 1–3 本证书。
                """,
            en: """
                Consistent with `jcskills demo-data registry` of the same --persons, --enterprises and \
                --seed: the holders are its persons (same ID numbers and names) and the enterprise \
                bodies belong to its enterprises of ≥ 300 staff, so import the registry first. At \
                least 50 institutions of the four types; about a third of the persons hold 1–3 \
                certificates. Example: jcskills demo-data evaluation --persons 100000 --enterprises 2000 --seed 7 --out demo/
                """)
        public static func wroteEvaluation(_ out: String, institutions: Int, certificates: Int, holders: Int) -> Message {
            Message(zh: "已写出 \(out)/institutions.csv（\(institutions) 家机构）、certificates.csv（\(holders) 人的 \(certificates) 本证书）",
                    en: "wrote \(out)/institutions.csv (\(institutions) institutions), certificates.csv (\(certificates) certificates of \(holders) holders)")
        }

        public static let trainingAbstract = Message(
            zh: "brands.csv、courses.csv、enrolments.csv、results.csv 和 certificates_after.csv，供 `jcskills training …` 使用。",
            en: "brands.csv, courses.csv, enrolments.csv, results.csv and certificates_after.csv for `jcskills training …`.")
        public static let trainingDiscussion = Message(
            zh: """
                与相同规模和种子的 `jcskills demo-data registry` 一致：学员是其中的人员，企业培训机构和雇主是其中的企业，\
                所以先导入登记数据。每条报名都符合服务的规则（重点群体课程只收重点群体、课程不重叠、每人每年至多 3 个补贴课程、\
                名额），results.csv 按空服务依文件顺序给报名编的号编号——所以要导入空的培训服务（`local up --demo` 会自己对号）。顺序：
                  jcskills demo-data training --out demo/
                  jcskills training brands register demo/brands.csv
                  jcskills training courses register demo/courses.csv
                  jcskills training enrol demo/enrolments.csv
                  jcskills training results upload demo/results.csv
                certificates_after.csv 列出合格学员之后取得的证书，由相同规模和种子的 `jcskills demo-data evaluation` 颁发：\
                先导入评价证书，再逐行 `jcskills training certificate --enrolment N --certificate 编号`。
                """,
            en: """
                Consistent with `jcskills demo-data registry` of the same sizes and seed (and --invalid-every): \
                the trainees are its persons, the enterprise providers and employers its enterprises, so import the \
                registry first. Every enrolment keeps to the service's rules (key-group courses take members only, no \
                overlapping courses, at most 3 subsidised courses a person a year, capacity), and results.csv numbers \
                the enrolments as a training service that starts empty numbers enrolments.csv in file order — so load \
                them into an empty one, after the whole registry file (`local up --demo` maps the numbers itself). \
                Load in this order:
                  jcskills demo-data training --persons 100000 --enterprises 2000 --seed 7 --out demo/
                  jcskills training brands register demo/brands.csv
                  jcskills training courses register demo/courses.csv
                  jcskills training enrol demo/enrolments.csv
                  jcskills training results upload demo/results.csv
                certificates_after.csv lists the certificates about two in three of those who passed obtained \
                afterwards; `jcskills demo-data evaluation` of the same sizes and seed issues them, so load the \
                evaluation's certificates first, then record each row with \
                `jcskills training certificate --enrolment N --certificate NUMBER` (`local up --demo` does all of this).
                """)
        public static func wroteTraining(_ out: String, brands: Int, courses: Int, enrolments: Int, trainees: Int, results: Int,
                                         passed: Int, employed: Int, certificates: Int) -> Message {
            Message(zh: "已写出 \(out)/brands.csv（\(brands) 个品牌）、courses.csv（\(courses) 个课程）、enrolments.csv（\(trainees) 人 \(enrolments) 人次）、results.csv（\(results) 条，合格 \(passed)，就业 \(employed)）、certificates_after.csv（培训后取证 \(certificates) 本）",
                    en: "wrote \(out)/brands.csv (\(brands) brands), courses.csv (\(courses) courses), enrolments.csv (\(enrolments) enrolments of \(trainees) persons), results.csv (\(results) results, \(passed) passed, \(employed) in a job), certificates_after.csv (\(certificates) certificates after training)")
        }

        public static let competitionAbstract = Message(
            zh: "competitions.csv、events.csv、entries.csv、marks_<裁判>.csv、studios.csv 和 studio_years.csv，供 `jcskills competition …` 和 `jcskills studio …` 使用。",
            en: "competitions.csv, events.csv, entries.csv, marks_<judge>.csv, studios.csv and studio_years.csv for `jcskills competition …` and `jcskills studio …`.")
        public static let competitionDiscussion = Message(
            zh: """
                与相同规模和种子的登记、评价演示数据一致：2021 年全市年度竞赛，8 个赛项（6 个企业职工赛项——参赛者是该职业的登记人员，\
                由登记服务确认；2 个学生赛项，学生带学校），裁判 J01–J24 各一个打分文件；技能大师工作室的大师持有评价演示数据中的\
                技师或高级技师证书。裁判需要 PKI 身份：`jcskills pki init --out DIR --extra judge-J01 …`。先导入登记和评价数据，然后：
                  jcskills demo-data competition --out demo/
                  jcskills competition register demo/competitions.csv
                  jcskills competition event register demo/events.csv
                  jcskills competition enter demo/entries.csv
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv   # 每位裁判
                  jcskills competition close --competition JC-2021-CITY --all
                  jcskills studio register demo/studios.csv
                  jcskills studio year demo/studio_years.csv
                """,
            en: """
                Consistent with `jcskills demo-data registry` and `evaluation` of the same sizes and seed (and \
                --invalid-every): the 2021 annual city competition with eight events (six for enterprise workers — \
                registry demo persons in the event's occupation, so the registry confirms them — and two for students, \
                who carry their school), judges J01–J24 with one marks file each, and skill-master studios whose \
                masters hold 技师 or 高级技师 certificates in the evaluation demo data. The marks name entries by the \
                competitor numbers a competition service that starts empty gives entries.csv in file order \
                (`local up --demo` maps the numbers itself). The judges need PKI identities: \
                `jcskills pki init --out DIR --extra judge-J01 …`. Load the registry and evaluation data first, then:
                  jcskills demo-data competition --out demo/
                  jcskills competition register demo/competitions.csv
                  jcskills competition event register demo/events.csv
                  jcskills competition enter demo/entries.csv
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv   # each judge
                  jcskills competition close --competition JC-2021-CITY --all
                  jcskills studio register demo/studios.csv
                  jcskills studio year demo/studio_years.csv
                """)
        public static func wroteCompetition(_ out: String, competitions: Int, events: Int, entries: Int, workers: Int, students: Int,
                                            judges: Int, marks: Int, studios: Int, studioYears: Int) -> Message {
            Message(zh: "已写出 \(out)/competitions.csv（\(competitions) 项竞赛）、events.csv（\(events) 个赛项）、entries.csv（\(entries) 人：职工 \(workers)、学生 \(students)）、\(judges) 个 marks_<裁判>.csv（\(marks) 条打分）、studios.csv（\(studios) 个工作室）、studio_years.csv（\(studioYears) 条）",
                    en: "wrote \(out)/competitions.csv (\(competitions) competition), events.csv (\(events) events), entries.csv (\(entries) entries: \(workers) workers, \(students) students), \(judges) marks_<judge>.csv (\(marks) marks), studios.csv (\(studios) studios), studio_years.csv (\(studioYears) years)")
        }
    }
}
