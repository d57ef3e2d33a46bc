extension Messages {
    /// `jcskills local up / down / status`: the whole set on one machine (Sources/CLI/LocalCluster.swift).
    public enum Local {
        public static func createdPKI(_ directory: String) -> Message {
            Message(zh: "已在 \(directory) 创建开发用证书", en: "created a development PKI in \(directory)")
        }
        public static func alreadyRunning(_ executable: String, pid: Int32) -> Message {
            Message(zh: "\(executable) 已在运行（pid \(pid)）", en: "\(executable) already running (pid \(pid))")
        }
        public static func started(_ executable: String, pid: Int32, log: String) -> Message {
            Message(zh: "已启动 \(executable)（pid \(pid)），日志 \(log)", en: "started \(executable) (pid \(pid)), log \(log)")
        }
        public static func stoppedStarted(_ count: Int) -> Message {
            Message(zh: "已停止本次启动的 \(count) 个服务", en: "stopped the \(count) services this call had started")
        }
        public static let allServing = Message(zh: "所有服务均在服务：", en: "all services are serving:")
        public static let metrics = Message(zh: "指标", en: "metrics")
        public static func dashboard(_ url: String) -> Message {
            Message(zh: "看板：\(url)   （证书由开发用 CA 签发）", en: "dashboard: \(url)   (the development CA signs its certificate)")
        }
        public static func tryCommand(_ command: String) -> Message { Message(zh: "试一试：\(command)", en: "try: \(command)") }
        public static func stopCommand(_ command: String) -> Message { Message(zh: "停止：\(command)", en: "stop: \(command)") }

        public static let theDashboard = Message(zh: "看板", en: "the dashboard")
        public static func metricsOf(_ executable: String) -> Message { Message(zh: "\(executable) 指标端口", en: "\(executable) metrics") }
        public static func heldBy(_ holder: String) -> Message { Message(zh: "被 \(holder) 占用", en: " is held by \(holder)") }
        public static let inUse = Message(zh: "已被占用", en: " is in use")
        public static func busyPort(_ port: Int, what: String, holder: String) -> Message {
            Message(zh: "  127.0.0.1:\(port)（供 \(what) 使用）\(holder)", en: "  127.0.0.1:\(port) (for \(what))\(holder)")
        }
        public static func portsTaken(_ count: Int, lines: String, anotherSet: Bool, freeBase: Int?) -> Message {
            let zhAdvice = anotherSet
                ? "似乎另有一套本地服务在运行：用 `jcskills local down --home <其目录>` 停止它，或"
                : "请释放端口，或"
            let enAdvice = anotherSet
                ? "Another local set seems to be running: stop it with `jcskills local down --home <its home>`, or start"
                : "Free the port, or start"
            return Message(
                zh: "无法启动本地服务：所需端口\(count == 1 ? "" : "（\(count) 个）")已被占用；未启动任何服务。\n\(lines)\n"
                    + "\(zhAdvice)改用其他端口启动\(freeBase.map { "（--base-port \($0) 空闲）" } ?? "（--base-port）")。",
                en: "cannot start the local set: \(count == 1 ? "a port it needs is" : "ports it needs are") taken; nothing was started.\n\(lines)\n"
                    + "\(enAdvice) this one on other ports\(freeBase.map { " (--base-port \($0) is free)" } ?? " with --base-port").")
        }
        public static func cannotFind(_ executable: String) -> Message {
            Message(zh: "找不到 \(executable)：请先构建（swift build -c release）或用 --bin DIR 指定",
                    en: "cannot find \(executable): build first (swift build -c release) or pass --bin DIR")
        }
        public static func exitedDuringStartUp(_ executable: String, log: String, tail: String) -> Message {
            Message(zh: "\(executable) 在启动时退出。\(log) 的最后几行：\n\(tail)",
                    en: "\(executable) exited during start-up. Last lines of \(log):\n\(tail)")
        }
        public static let noAnswer = Message(zh: "无答复", en: "no answer")
        public static func status(_ status: String) -> Message { Message(zh: "状态 \(status)", en: "status \(status)") }
        public static func notHealthy(_ executable: String, last: String, log: String) -> Message {
            Message(zh: "\(executable) 未能及时进入服务状态（\(last)）；见 \(log)",
                    en: "\(executable) did not become healthy in time (\(last)); see \(log)")
        }
        public static func killing(_ executable: String, pid: Int32, seconds: Int) -> Message {
            Message(zh: "\(executable)（pid \(pid)）\(seconds) 秒内未停止：强制结束", en: "\(executable) (pid \(pid)) did not stop in \(seconds) s: killing it")
        }
        public static func stopped(_ executable: String, pid: Int32) -> Message {
            Message(zh: "已停止 \(executable)（pid \(pid)）", en: "stopped \(executable) (pid \(pid))")
        }
        public static let noneRunning = Message(zh: "没有在运行的本地服务", en: "no local services were running")
        public static func notRunning(_ name: String) -> Message { Message(zh: "\(name) 未运行", en: "\(name) not running") }
        public static func cannotWriteToken(_ path: String) -> Message {
            Message(zh: "无法把看板令牌写入 \(path)", en: "cannot write the dashboard token to \(path)")
        }
        public static func cannotWriteGatewayConfig(_ path: String) -> Message {
            Message(zh: "无法写入网关配置 \(path)", en: "cannot write the gateway's configuration to \(path)")
        }
    }
}
