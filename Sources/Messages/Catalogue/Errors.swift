extension Messages {
    /// How errors read: the client's own, and the services' answers (a status code, and for a
    /// refused rule its name, followed by the service's own detail, as it was sent).
    public enum Errors {
        public static let prefix = Message(zh: "错误：", en: "Error: ")
        public static let usagePrefix = Message(zh: "用法：", en: "Usage: ")

        /// The words for the RPC status codes (Protocol/Sources/Status/StatusCode.swift), by name.
        public static let statusWords: [String: Message] = [
            "OK": Message(zh: "成功", en: "OK"),
            "CANCELLED": Message(zh: "已取消", en: "cancelled"),
            "UNKNOWN": Message(zh: "未知错误", en: "unknown error"),
            "INVALID_ARGUMENT": Message(zh: "参数有误", en: "invalid argument"),
            "DEADLINE_EXCEEDED": Message(zh: "超时未答复", en: "deadline exceeded"),
            "NOT_FOUND": Message(zh: "未找到", en: "not found"),
            "ALREADY_EXISTS": Message(zh: "已存在", en: "already exists"),
            "PERMISSION_DENIED": Message(zh: "无权操作", en: "permission denied"),
            "RESOURCE_EXHAUSTED": Message(zh: "资源已满或超限", en: "resource exhausted"),
            "FAILED_PRECONDITION": Message(zh: "不符合业务规则", en: "failed precondition"),
            "ABORTED": Message(zh: "操作中止", en: "aborted"),
            "OUT_OF_RANGE": Message(zh: "超出范围", en: "out of range"),
            "UNIMPLEMENTED": Message(zh: "服务不支持此操作", en: "unimplemented"),
            "INTERNAL": Message(zh: "服务内部错误", en: "internal error"),
            "UNAVAILABLE": Message(zh: "服务不可用", en: "unavailable"),
            "DATA_LOSS": Message(zh: "数据丢失", en: "data loss"),
            "UNAUTHENTICATED": Message(zh: "身份未认证", en: "unauthenticated"),
        ]

        /// The programme's rules a service names when it refuses (RuleRefusal in
        /// Sources/ServiceKit/Requests/RuleRefusal.swift and each service's Rules/ folder).
        public static let ruleExplanations: [String: Message] = [
            "registered": Message(zh: "参训人员须已在劳动力资源库建档立卡", en: "the trainee must hold an active registry card"),
            "key_group_member": Message(zh: "该课程只招收指定重点群体人员", en: "the course admits only its key groups"),
            "no_overlap": Message(zh: "同一人员的培训时间不得重叠", en: "a person's courses may not overlap"),
            "subsidised_per_year": Message(zh: "每人每年享受补贴培训次数已达上限", en: "the year's subsidised trainings are used up"),
            "capacity": Message(zh: "课程名额已满", en: "the course is full"),
            "certificate_holder": Message(zh: "证书须属于该学员", en: "the certificate must belong to the trainee"),
            "certificate_standing": Message(zh: "证书须有效（未被撤销）", en: "the certificate must not be revoked"),
            "certificate_after_training": Message(zh: "证书须在培训结束后取得", en: "the certificate must follow the training"),
            "institution_active": Message(zh: "评价机构须处于备案有效状态", en: "the evaluation institution must be active"),
            "filed_scope": Message(zh: "职业和等级须在评价机构备案范围内", en: "the occupation and level must be in the institution's filed scope"),
            "enterprise_body_staff": Message(zh: "企业评价只面向本企业职工", en: "an enterprise evaluates only its own staff"),
            "enterprise_body_employees": Message(zh: "企业评价只面向本企业职工", en: "an enterprise evaluates only its own employees"),
            "level_for_kind": Message(zh: "证书类别与技能等级不匹配", en: "the certificate kind and the skill level do not match"),
            "occupation_levels": Message(zh: "该职业没有此技能等级", en: "the occupation has no such level"),
            "registered_worker": Message(zh: "参赛选手须持有效的劳动力资源库卡", en: "a competitor must hold an active registry card"),
            "event_open": Message(zh: "比赛项目已截止", en: "the event is closed"),
            "three_judges": Message(zh: "每个项目至少须三名裁判评分", en: "an event is marked by at least three judges"),
            "scheme_fixed": Message(zh: "已有评分，评分方案和裁判不可再改", en: "marks exist: the scheme and judges are fixed"),
            "studio_master_level": Message(zh: "技能大师工作室的领办人须达到规定技能等级", en: "a studio's master must hold the required level"),
            "labour_force_ages": Message(zh: "须在劳动年龄（16–60 岁）内", en: "within the labour-force ages (16–60)"),
        ]

        /// A service's answer as a user reads it. In English the code's name and the service's
        /// message, as the services and their tests have always written it; in Chinese the code's
        /// word with its name, the known rule explained (or, for a service that could not be
        /// reached, what to check), and the detail: the service's own, which it writes in the
        /// caller's language, or the connection's, which stays technical.
        /// `endpoint`: the service called (`HOST:PORT`), when known.
        public static func service(code: String, message: String, endpoint: String? = nil, in language: Language = .current) -> String {
            guard language == .zh else { return message.isEmpty ? code : "\(code): \(message)" }
            let word = statusWords[code]?.zh ?? "错误"
            var text = "\(word)（\(code)）"
            if let colon = message.firstIndex(of: ":"), let rule = ruleExplanations[String(message[..<colon])] {
                text += "：\(rule.zh)"
            } else if code == "PERMISSION_DENIED" && message.contains(" may not call ") {
                // The method's policy refused the caller (the RPC runtime's words, Sources/RPC/Server).
                text += "：\(policyRefusal.zh)"
            } else if code == "PERMISSION_DENIED" && (message.contains("county") || message.contains("县")) {
                text += "：\(countyScope.zh)"
            } else if let reach = reach(code: code, endpoint: endpoint) {
                text += "：\(reach.zh)"
            }
            return message.isEmpty ? text : text + "——" + message
        }

        /// What to check when a service could not be reached, did not accept the client's
        /// identity, or did not answer in time (the client's own failures, Sources/RPC/Client,
        /// which say so in English).
        static func reach(code: String, endpoint: String?) -> Message? {
            switch code {
            case "UNAVAILABLE": unreachable(endpoint)
            case "UNAUTHENTICATED": notAuthenticated(endpoint)
            case "DEADLINE_EXCEEDED": noAnswerInTime(endpoint)
            default: nil
            }
        }
        public static func unreachable(_ endpoint: String?) -> Message {
            Message(zh: "\(endpoint.map { "无法连接 \($0) 上的服务，或该服务暂不可用" } ?? "无法连接服务，或服务暂不可用")：请确认服务正在运行（本机可用 `jcskills local up` 启动），地址和端口无误",
                    en: "\(endpoint.map { "the service at \($0) cannot be reached or is unavailable" } ?? "the service cannot be reached or is unavailable"): check that it is running (`jcskills local up` starts the local ones) and that the address and port are right")
        }
        public static func notAuthenticated(_ endpoint: String?) -> Message {
            Message(zh: "\(endpoint.map { "与 \($0) 上的服务" } ?? "与服务")未能互相认证身份：请检查证书（--tls 目录和 --as 身份；开发环境可用 `jcskills pki init` 重新生成），并确认连接的是要找的服务",
                    en: "\(endpoint.map { "the service at \($0)" } ?? "the service") and this client did not accept each other's identity: check the certificates (the --tls directory and the --as identity; `jcskills pki init` makes development ones) and that this is the service you mean")
        }
        public static func noAnswerInTime(_ endpoint: String?) -> Message {
            Message(zh: "\(endpoint.map { "\($0) 上的服务" } ?? "服务")未在时限内答复：请确认它正在运行且未过载，稍后再试",
                    en: "\(endpoint.map { "the service at \($0)" } ?? "the service") did not answer in time: check that it is running and not overloaded, and try again later")
        }

        public static let policyRefusal = Message(zh: "此身份无权调用该操作", en: "this identity may not call the method")
        /// A county office's identity reaches only its own county's records (the services' Access/ folders).
        public static let countyScope = Message(zh: "县级账号只能操作本县（市、区）的数据", en: "a county office works only on its own county")

        public static func missingTLSFile(_ path: String, directory: String) -> Message {
            Message(zh: "缺少 \(path)：请用 `jcskills pki init --out \(directory)` 创建开发用证书，或用 --tls/--as 指定",
                    en: "missing \(path): create a development PKI with `jcskills pki init --out \(directory)` or pass --tls/--as")
        }
        public static func expectedEndpoint(_ value: String) -> Message {
            Message(zh: "--endpoint：应为 主机:端口，收到“\(value)”", en: "--endpoint: expected HOST:PORT, got '\(value)'")
        }
        public static func expectedHostPort(_ value: String) -> Message {
            Message(zh: "应为 主机:端口，收到“\(value)”", en: "expected HOST:PORT, got '\(value)'")
        }
        public static let idempotencyKeyLength = Message(zh: "--idempotency-key：长度须为 1 到 200 字节", en: "--idempotency-key: 1 to 200 bytes")
    }
}
