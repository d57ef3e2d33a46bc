extension Messages {
    /// `jcskills-load`: its commands (Sources/Load) and the reports it prints (Sources/LoadKit).
    public enum Load {
        // A run's report (Sources/LoadKit/Reporting/LoadReport.swift)
        public static let workload = Message(zh: "负载", en: "workload")
        public static let mode = Message(zh: "方式", en: "mode")
        public static let measured = Message(zh: "测量", en: "measured")
        public static let throughput = Message(zh: "吞吐量", en: "throughput")
        public static let latency = Message(zh: "延迟 µs", en: "latency µs")
        public static let service = Message(zh: "服务 µs", en: "service µs")
        public static let errors = Message(zh: "错误", en: "errors")
        public static let stopped = Message(zh: "停止", en: "stopped")
        public static func against(_ workload: String, endpoint: String) -> Message {
            Message(zh: "\(workload)，目标 \(endpoint)", en: "\(workload) against \(endpoint)")
        }
        public static func openLoop(rate: String, concurrency: Int) -> Message {
            Message(zh: "开环，每秒 \(rate) 次调用，最多 \(concurrency) 个未完成", en: "open loop at \(rate) calls/s, at most \(concurrency) outstanding")
        }
        public static func closedLoop(_ concurrency: Int) -> Message {
            Message(zh: "闭环，\(concurrency) 个并发", en: "closed loop, \(concurrency) outstanding")
        }
        public static func overConnections(_ mode: String, connections: Int) -> Message {
            Message(zh: "\(mode)，\(connections) 个连接", en: "\(mode) over \(connections) connection(s)")
        }
        public static func measuredLine(seconds: String, calls: Int, failed: Int) -> Message {
            Message(zh: "\(seconds) 秒，成功 \(calls) 次调用，失败 \(failed) 次", en: "\(seconds) s, \(calls) calls succeeded, \(failed) failed")
        }
        public static func callsPerSecond(_ rate: String) -> Message { Message(zh: "\(rate) 次/秒", en: "\(rate) calls/s") }
        public static let fromDue = Message(zh: "（自每次调用应发出之时计）", en: "(from when each call was due)")
        public static let fromSend = Message(zh: "（自实际发出之时计：未校正）", en: "(from the actual send: uncorrected)")
        public static func operation(rate: String, p50: String, p99: String, failed: Int) -> Message {
            Message(zh: "\(rate) 次/秒  p50 \(p50) µs  p99 \(p99) µs  失败 \(failed)",
                    en: "\(rate) calls/s  p50 \(p50) µs  p99 \(p99) µs  failed \(failed)")
        }
        public static let none = Message(zh: "无", en: "none")
        public static func early(_ why: String) -> Message { Message(zh: "提前：\(why)", en: "early: \(why)") }
        public static func gaveUp(_ seconds: String) -> Message {
            Message(zh: "没有一次调用成功，服务持续 \(seconds) 秒不可用（UNAVAILABLE）",
                    en: "no call succeeded and the service stayed UNAVAILABLE for \(seconds) s")
        }
        public static func setupUnreachable(_ error: String) -> Message {
            Message(zh: "负载准备阶段无法连接服务（\(error)）", en: "the workload's setup could not reach the service (\(error))")
        }
        public static func setupFailed(_ workload: String, error: String) -> Message {
            Message(zh: "\(workload) 负载准备失败：\(error)", en: "setting up \(workload) failed: \(error)")
        }

        // The progress line
        public static func warmingUp(errors: Int) -> Message { Message(zh: "预热中……\(errors) 个错误", en: "warming up … \(errors) errors") }
        public static func progress(calls: String, seconds: String, rate: String, errors: Int) -> Message {
            Message(zh: "\(calls) 次调用  \(seconds) 秒  \(rate) 次/秒  \(errors) 个错误",
                    en: "\(calls) calls  \(seconds) s  \(rate) calls/s  \(errors) errors")
        }

        // `compare`
        public static func compared(_ letter: String, name: String, workload: String, mode: String, concurrency: Int, connections: Int) -> Message {
            Message(zh: "\(letter)：\(name)——\(workload)，\(mode == "open" ? "开环" : mode == "closed" ? "闭环" : mode)，\(concurrency) 个并发，\(connections) 个连接",
                    en: "\(letter): \(name) — \(workload), \(mode) loop, \(concurrency) outstanding, \(connections) connection(s)")
        }
        public static let figure = Message(zh: "指标", en: "figure")
        public static let rowNames: [String: Message] = [
            "throughput calls/s": Message(zh: "吞吐量 次/秒", en: "throughput calls/s"),
            "p50 µs": Message(zh: "p50 µs", en: "p50 µs"),
            "p90 µs": Message(zh: "p90 µs", en: "p90 µs"),
            "p99 µs": Message(zh: "p99 µs", en: "p99 µs"),
            "p99.9 µs": Message(zh: "p99.9 µs", en: "p99.9 µs"),
            "max µs": Message(zh: "最大 µs", en: "max µs"),
            "mean µs": Message(zh: "平均 µs", en: "mean µs"),
            "calls": Message(zh: "调用数", en: "calls"),
            "errors": Message(zh: "错误数", en: "errors"),
            "service p99 µs": Message(zh: "服务 p99 µs", en: "service p99 µs"),
        ]

        // The store benchmark
        public static let database = Message(zh: "数据库", en: "database")
        public static let rows = Message(zh: "行数", en: "rows")
        public static let time = Message(zh: "用时", en: "time")
        public static func rowsInBatches(_ rows: String, batch: String, perInsert: Int, inFlight: Int) -> Message {
            Message(zh: "\(rows)，每批 \(batch) 行（每条 INSERT \(perInsert) 行，同时 \(inFlight) 批）",
                    en: "\(rows) in batches of \(batch) (\(perInsert) per INSERT, \(inFlight) batches in flight)")
        }
        public static func seconds(_ value: String) -> Message { Message(zh: "\(value) 秒", en: "\(value) s") }
        public static func rowsPerSecond(_ value: String) -> Message { Message(zh: "\(value) 行/秒", en: "\(value) rows/s") }
        public static let temporarySQLite = Message(zh: "SQLite（临时文件）", en: "SQLite (temporary file)")

        // `abuse`
        public static func abuseTitle(connections: Int, endpoint: String, seconds: String) -> Message {
            Message(zh: "滥用测试  \(connections) 个连接，目标 \(endpoint)，持续 \(seconds) 秒",
                    en: "abuse        \(connections) connection(s) against \(endpoint) for \(seconds) s")
        }
        public static let abuseColumns: [Message] = [
            Message(zh: "类型", en: "kind"), Message(zh: "连接", en: "conns"), Message(zh: "建立", en: "estab."),
            Message(zh: "被拒", en: "refused"), Message(zh: "被关", en: "closed"), Message(zh: "发送MiB", en: "MiB sent"),
            Message(zh: "   服务端结束的调用 / 关闭", en: "   calls ended by the server / closures"),
        ]
        public static let closedPrefix = Message(zh: "关闭：", en: "closed: ")
        public static func abuseProgress(seconds: String, up: Int, refused: Int, closed: Int, mib: String, ended: String) -> Message {
            Message(zh: "\(seconds) 秒  \(up) 个在线  \(refused) 被拒  \(closed) 被关  已发送 \(mib) MiB\(ended)",
                    en: "\(seconds) s  \(up) up  \(refused) refused  \(closed) closed  \(mib) MiB sent\(ended)")
        }

        // The competition scenario
        public static func scenarioTitle(participants: Int, group: String, events: Int, judges: Int) -> Message {
            Message(zh: "竞赛：\(events) 个项目 \(participants) 名\(group == "workers" ? "职工" : group == "students" ? "学生" : group)选手，\(judges) 名裁判",
                    en: "competition: \(participants) \(group) in \(events) events, \(judges) judges")
        }
        public static func scenarioSetup(_ seconds: String, workers: Bool) -> Message {
            Message(zh: "  准备                  \(seconds) 秒（裁判、\(workers ? "劳动力资源库导入、" : "")项目、报名）",
                    en: "  setup                 \(seconds) s (judges, \(workers ? "registry import, " : "")events, entries)")
        }
        public static func scenarioMarks(_ marks: Int, sheets: Int, seconds: String, rate: String, flagged: Int) -> Message {
            Message(zh: "  已提交评分            \(sheets) 张评分表共 \(marks) 个，\(seconds) 秒 = \(rate) marks/s（每秒评分数；\(flagged) 个待复核）",
                    en: "  marks submitted       \(marks) in \(sheets) sheets, \(seconds) s = \(rate) marks/s (\(flagged) flagged)")
        }
        public static func scenarioEndToEnd(_ seconds: String, results: Int) -> Message {
            Message(zh: "  端到端                \(seconds) 秒：全部评分提交、全部项目截止、\(results) 条成绩已传出",
                    en: "  end to end            \(seconds) s: every mark submitted, every event closed, \(results) results streamed")
        }
        public static func scenarioCounts(experts: UInt64, participants: UInt64, promoted: UInt64, pending: UInt64) -> Message {
            Message(zh: "  本年统计              技术能手 \(experts) 人，参赛 \(participants) 人，晋升 \(promoted) 人，待晋升 \(pending) 人",
                    en: "  counts for the year   \(experts) technical experts, \(participants) participants, \(promoted) promoted, \(pending) pending")
        }

        // The commands' own checks and errors (Sources/Load)
        public static func serviceOneOf(_ names: String) -> Message { Message(zh: "--service：可选值为 \(names)", en: "--service: one of \(names)") }
        public static let atLeastOne = Message(
            zh: "--concurrency、--connections 和 --threads 至少为 1", en: "--concurrency, --connections and --threads must be at least 1")
        public static func mustBePositive(_ flag: String) -> Message { Message(zh: "\(flag) 须为正数", en: "\(flag) must be positive") }
        public static func mustBeAtLeastOne(_ flag: String) -> Message { Message(zh: "\(flag) 至少为 1", en: "\(flag) must be at least 1") }
        public static let warmupAndTimeout = Message(
            zh: "--warmup 不能为负，--timeout 须为正数", en: "--warmup must not be negative, --timeout must be positive")
        public static func failed(_ error: String) -> Message { Message(zh: "jcskills-load：\(error)", en: "jcskills-load: \(error)") }
        public static func cannotRead(_ path: String) -> Message { Message(zh: "无法读取 \(path)", en: "cannot read \(path)") }
        public static func notAReport(_ path: String, error: String) -> Message {
            Message(zh: "\(path) 不是 jcskills-load --json 报告：\(error)", en: "\(path) is not a jcskills-load --json report: \(error)")
        }
    }
}

extension Messages.Load {
    public static let connectionsAndThreads = Message(zh: "--connections 和 --threads 至少为 1", en: "--connections and --threads must be at least 1")
    public static let payloadRange = Message(zh: "--payload：0 到 4 MiB（服务端的消息上限）", en: "--payload: 0 to 4 MiB (the server's message limit)")
    public static let payloadNotNegative = Message(zh: "--payload 不能为负", en: "--payload must not be negative")
    public static func kinds(_ error: String) -> Message { Message(zh: "--kinds：\(error)", en: "--kinds: \(error)") }
    public static func abuseFailed(_ error: String) -> Message { Message(zh: "jcskills-load abuse：\(error)", en: "jcskills-load abuse: \(error)") }
    public static func noConnection(_ endpoint: String) -> Message {
        Message(zh: "jcskills-load abuse：未能与 \(endpoint) 建立任何连接", en: "jcskills-load abuse: no connection was established with \(endpoint)")
    }
    public static func codecRecord(bytes: Int, iterations: Int) -> Message {
        Message(zh: "记录：编码后 \(bytes) 字节，迭代 \(iterations) 次", en: "record: \(bytes) bytes encoded, \(iterations) iterations")
    }
    public static func codecTimes(encode: String, decode: String) -> Message {
        Message(zh: "编码：每次 \(encode) ns\n解码：每次 \(decode) ns", en: "encode: \(encode) ns/op\ndecode: \(decode) ns/op")
    }
    public static let eventsRange = Message(zh: "--events 须在 1 到 999 之间", en: "--events must be 1 to 999")
    public static let participantsAtLeastEvents = Message(
        zh: "--participants 不能少于 --events：每个项目都需要选手", en: "--participants must be at least --events: every event needs a competitor")
    public static let groupWorkersOrStudents = Message(zh: "--group：workers 或 students", en: "--group: workers or students")
    public static func expectedHostPort(_ flag: String, got: String) -> Message {
        Message(zh: "\(flag)：应为 主机:端口，收到“\(got)”", en: "\(flag): expected HOST:PORT, got '\(got)'")
    }
    public static func competitionSetup(participants: Int, group: String, events: Int) -> Message {
        Message(zh: "竞赛：正在准备并为 \(events) 个项目的 \(participants) 名\(group == "workers" ? "职工" : "学生")选手评分……",
                en: "competition: setting up and marking \(participants) \(group) in \(events) events …")
    }
    public static let storeSizesPositive = Message(
        zh: "--rows、--batch、--rows-per-statement 和 --concurrency 须为正数", en: "--rows, --batch, --rows-per-statement and --concurrency must be positive")
    public static let databaseURL = Message(zh: "--database：应为 postgres:// 地址", en: "--database: expected a postgres:// URL")
    public static let personsAndListSize = Message(zh: "--persons 和 --list-size 至少为 1", en: "--persons and --list-size must be at least 1")
}

extension Messages.Load {
    public static func mixExpected(_ part: String) -> Message {
        Message(zh: "--mix：应为 名称=权重，收到 '\(part)'", en: "--mix: expected name=weight, got '\(part)'")
    }
    public static func mixUnknown(_ name: String, known: String) -> Message {
        Message(zh: "--mix：没有操作 '\(name)'（此负载的操作有：\(known)）", en: "--mix: no operation '\(name)' (this workload has: \(known))")
    }
    public static let mixPositive = Message(zh: "--mix：至少一个权重须为正数", en: "--mix: at least one weight must be positive")
    public static func unknownAbuseKind(_ word: String, known: String) -> Message {
        Message(zh: "未知的滥用类型 '\(word)'；可选：\(known)", en: "unknown abuse kind '\(word)'; known: \(known)")
    }
}

extension Messages.Load {
    // The competition scenario's setup and checks (Sources/LoadKit/Workloads/CompetitionWorkload.swift).
    public static func judgesMissing(_ count: Int, directory: String, first: String) -> Message {
        Message(zh: "\(directory) 中缺少 \(count) 个裁判身份，且那里没有 ca.key 可用来签发：请用 `jcskills pki init --out \(directory) --extra \(first) …` 签发",
                en: "\(count) judge identities are missing from \(directory) and there is no ca.key there to issue them: "
                    + "issue them with `jcskills pki init --out \(directory) --extra \(first) …`")
    }
    public static func workersRefused(_ count: UInt64, first: String) -> Message {
        Message(zh: "劳动力资源库拒绝了 \(count) 名职工，第一条：\(first)", en: "the registry refused \(count) workers, first: \(first)")
    }
    public static func entriesRefused(accepted: UInt64, of participants: Int, refused: UInt64, first: String) -> Message {
        Message(zh: "报名：\(participants) 人中接收 \(accepted) 人，拒绝 \(refused) 人，第一条：\(first)",
                en: "entries: \(accepted) accepted of \(participants), \(refused) refused, first: \(first)")
    }
    public static func sheetShort(_ event: String, marks: Int, recorded: UInt32) -> Message {
        Message(zh: "\(event)：一张 \(marks) 个评分的评分表只记录了 \(recorded) 个", en: "\(event): a sheet of \(marks) marks recorded \(recorded)")
    }
    public static func closedIncomplete(_ event: String, state: String, fullyMarked: UInt32, entries: Int) -> Message {
        Message(zh: "\(event)：截止时状态 \(state)，\(entries) 人中评分完成 \(fullyMarked) 人",
                en: "\(event): closed \(state) with \(fullyMarked) of \(entries) fully marked")
    }
    public static func resultsShort(_ event: String, results: Int, entries: Int) -> Message {
        Message(zh: "\(event)：\(entries) 个报名只有 \(results) 条成绩", en: "\(event): \(results) results for \(entries) entries")
    }
}
