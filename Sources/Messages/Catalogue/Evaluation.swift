extension Messages {
    /// `jcskills evaluation` and `jcskills cert` (Sources/CLI/Evaluation).
    public enum Evaluation {
        // Certificate states and institution statuses, by the protocol's names (Protocol/Sources/Contracts/Evaluation/EvaluationEnums.swift).
        public static let states: [String: Message] = [
            "valid": Message(zh: "有效", en: "valid"),
            "expired": Message(zh: "已过期", en: "expired"),
            "revoked": didRevoke,
            "superseded": Message(zh: "已被更高等级取代", en: "superseded"),
            "unknown": Message(zh: "未知", en: "unknown"),
            "active": Message(zh: "有效", en: "active"),
            "suspended": Message(zh: "已暂停", en: "suspended"),
        ]
        public static func state(_ name: String) -> String { states[name]?.text() ?? name }

        public static func lookupAnswer(number: String, state: String) -> Message {
            Message(zh: "\(number)：\(Messages.Evaluation.states[state]?.zh ?? state)", en: "\(number): \(state)")
        }
        public static func cannotRead(_ file: String) -> Message { Message(zh: "无法读取 \(file)", en: "cannot read \(file)") }
        public static func cannotVerify(_ file: String, error: String) -> Message {
            Message(zh: "\(file)：无法核验：\(error)", en: "\(file): cannot verify: \(error)")
        }
        public static let contentsChanged = Message(
            zh: "签名与内容不符：文件在签名后被改动过", en: "the signature does not match the contents: the file was changed after it was signed")
        public static func otherKey(_ named: String, this: String) -> Message {
            Message(zh: "文件注明的签名密钥是 \(named)，不是这把公钥（\(this)），签名也不符",
                    en: "it names signing key \(named), not this public key (\(this)), and the signature does not match")
        }
        public static func invalid(_ file: String, why: String) -> Message { Message(zh: "无效 \(file)：\(why)", en: "INVALID \(file): \(why)") }
        public static func valid(number: String, holder: String, id: String, kind: String, occupation: String, level: String) -> Message {
            Message(zh: "有效：证书 \(number)，持证人 \(holder)（\(id)），\(kind) \(occupation) \(level)",
                    en: "valid: certificate \(number) of \(holder) (\(id)), \(kind) \(occupation) \(level)")
        }
        public static func signed(on date: String, key: String, state: String) -> Message {
            Message(zh: "  \(date) 由密钥 \(key) 签名；签名时状态：\(Messages.Evaluation.states[state]?.zh ?? state)",
                    en: "  signed \(date) by key \(key); state then: \(state)")
        }

        public static func typeOneOf(_ allowed: String) -> Message { Message(zh: "--type：可选值为 \(allowed)", en: "--type: one of \(allowed)") }
        public static func compliance(lacking: Int, of total: UInt64, minimumStaff: UInt32) -> Message {
            Message(zh: "职工 ≥ \(minimumStaff) 人的 \(total) 家企业中，\(lacking) 家没有有效的企业评价机构",
                    en: "\(lacking) of \(total) enterprises with ≥ \(minimumStaff) staff have no active evaluation body")
        }

        // `evaluation counts`
        public static func asOf(_ scope: String, date: String) -> Message { Message(zh: "\(scope)，截至 \(date)", en: "\(scope) as of \(date)") }
        public static func countyScope(_ county: String) -> Message { Message(zh: county, en: "county \(county)") }
        public static func skilledWorkers(_ total: UInt64, inSystem: UInt64, baseline: UInt64) -> Message {
            Message(zh: "  技能人才        \(total)（本系统持证 \(inSystem) 人 + 申报存量 \(baseline) 人）",
                    en: "  skilled workers        \(total)  (\(inSystem) with certificates here + \(baseline) declared baseline)")
        }
        public static func highSkill(_ total: UInt64, baseline: UInt64) -> Message {
            Message(zh: "  高技能人才      \(total)（三级至一级；其中存量 \(baseline) 人）",
                    en: "  high-skill talents     \(total)  (levels 3–1; \(baseline) of them baseline)")
        }
        public static func newSkilled(_ total: UInt64, year: Int32) -> Message {
            Message(zh: "  新增技能人才    \(total)（\(year) 年首次取证）", en: "  new skilled workers    \(total)  (first certificate in \(year))")
        }
        public static func lackingBody(_ value: String) -> Message {
            Message(zh: "  职工 ≥ 300 人且无评价机构的企业  \(value)", en: "  enterprises ≥ 300 staff without a body  \(value)")
        }
        public static let registryUnreachable = Message(zh: "未知（无法连接劳动力资源库）", en: "unknown (registry unreachable)")
        public static let institutionsHeading = Message(zh: "  评价机构", en: "  institutions")
        public static func institutionCount(_ count: Int) -> Message { Message(zh: "评价机构 \(count) 家", en: "\(count) institutions") }
        public static func scope(_ text: String) -> Message { Message(zh: "      备案范围 \(text)", en: "      scope \(text)") }

        // `evaluation baseline`
        public static let baselineAsOf = Message(zh: "截至日期", en: "as of")
        public static let baselineDeclared = Message(zh: "申报", en: "declared")
        public static let baselineClaimed = Message(zh: "已认领", en: "claimed")
        public static let baselineCounted = Message(zh: "计入", en: "counted")

        // One certificate (`cert show`)
        public static let number = Message(zh: "证书编号", en: "number")
        public static let kind = Message(zh: "证书类别", en: "kind")
        public static let occupation = Message(zh: "职业", en: "occupation")
        public static let level = Message(zh: "等级", en: "level")
        public static func operation(_ code: String) -> Message { Message(zh: "  操作/项目 \(code)", en: "  operation/item \(code)") }
        public static let holder = Message(zh: "持证人", en: "holder")
        public static let institution = Message(zh: "评价机构", en: "institution")
        public static func employer(_ code: String) -> Message { Message(zh: "  用人单位 \(code)", en: "  employer \(code)") }
        public static let issued = Message(zh: "发证日期", en: "issued")
        public static func expires(_ date: String) -> Message { Message(zh: "   有效期至 \(date)", en: "   expires \(date)") }
        public static func reviews(_ dates: String) -> Message { Message(zh: "   复核 \(dates)", en: "   reviews \(dates)") }
        public static let state = Message(zh: "状态", en: "state")
        public static func since(_ date: String) -> Message { Message(zh: "（自 \(date) 起）", en: " since \(date)") }

        // `evaluation recognitions`
        public static func highestLevel(_ level: String) -> Message { Message(zh: "最高等级 \(level)", en: "highest level \(level)") }
        public static let noValidCertificates = Message(zh: "  没有有效证书", en: "  no valid certificates")

        // `evaluation issue / revoke`
        public static let didIssue = Message(zh: "已颁发", en: "issued")
        public static let didRevoke = Message(zh: "已撤销", en: "revoked")
        public static func supersedes(_ numbers: String) -> Message { Message(zh: "；取代 \(numbers)", en: "; supersedes \(numbers)") }
        public static func levelWord(_ number: Int32, _ chinese: String) -> Message { Message(zh: chinese, en: "level \(number) \(chinese)") }
        public static func countyAndIssued(county: String, date: String) -> Message {
            Message(zh: "\(county)  \(date) 发证", en: "county \(county)  issued \(date)")
        }

        public static let scopeFormat = Message(
            zh: "应为以“;”分隔的 职业:等级 条目，如 6-18-02-04:5/4/3", en: "expected occupation:levels entries separated by ';', e.g. 6-18-02-04:5/4/3")
    }
}
