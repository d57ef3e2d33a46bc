import JCSkillsMessages
import Testing

@Suite("Language: which language the tools speak")
struct LanguageTests {
    @Test("Chinese unless something asks for English")
    func defaults() {
        #expect(Language.resolve(arguments: ["jcskills", "health"], environment: [:]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LANG": "C"]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_ALL": "POSIX"]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    }

    @Test("--lang X and --lang=X win over the environment")
    func flag() {
        let english = ["LANG": "en_US.UTF-8", "JCSKILLS_LANG": "en"]
        #expect(Language.resolve(arguments: ["jcskills", "--lang", "en"], environment: [:]) == .en)
        #expect(Language.resolve(arguments: ["jcskills", "--lang=en"], environment: [:]) == .en)
        #expect(Language.resolve(arguments: ["jcskills", "--lang", "zh"], environment: english) == .zh)
        #expect(Language.resolve(arguments: ["jcskills", "--lang=zh-Hans"], environment: english) == .zh)
        // An unknown value leaves the choice to the environment.
        #expect(Language.resolve(arguments: ["jcskills", "--lang", "fr"], environment: ["JCSKILLS_LANG": "en"]) == .en)
        // After `--` it is an argument, not the flag.
        #expect(Language.resolve(arguments: ["jcskills", "--", "--lang", "en"], environment: [:]) == .zh)
    }

    @Test("JCSKILLS_LANG, then LC_ALL, LC_MESSAGES and LANG in POSIX's order")
    func environment() {
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["JCSKILLS_LANG": "en"]) == .en)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["JCSKILLS_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        // An empty variable is not set; a C locale keeps the default even when LANG names English.
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["jcskills"], environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .zh)
    }

    @Test("removingFlag leaves the parser every other argument")
    func removingFlag() {
        #expect(Language.removingFlag(from: ["health", "--lang", "en", "127.0.0.1:7101"]) == ["health", "127.0.0.1:7101"])
        #expect(Language.removingFlag(from: ["--lang=en", "totals", "--json"]) == ["totals", "--json"])
        #expect(Language.removingFlag(from: ["registry", "stats"]) == ["registry", "stats"])
    }

    @Test("a message in each language")
    func text() {
        let message = Message(zh: "是", en: "yes")
        #expect(message.text(in: .zh) == "是")
        #expect(message.text(in: .en) == "yes")
    }

    @Test("terminal columns: a Chinese character takes two")
    func widths() {
        #expect(TextWidth.columns("陵川县") == 6)
        #expect(TextWidth.columns("county") == 6)
        #expect(TextWidth.padded("县", to: 4) == "县  ")
        #expect(TextWidth.leftPadded("县", to: 4) == "  县")
    }

    @Test("a service's refusal: the code's word, the rule explained, the service's detail")
    func serviceErrors() {
        let refusal = Messages.Errors.service(code: "FAILED_PRECONDITION", message: "event_open: event E01 is closed", in: .zh)
        #expect(refusal == "不符合业务规则（FAILED_PRECONDITION）：比赛项目已截止——event_open: event E01 is closed")
        #expect(Messages.Errors.service(code: "FAILED_PRECONDITION", message: "event_open: event E01 is closed", in: .en)
            == "FAILED_PRECONDITION: event_open: event E01 is closed")
        #expect(Messages.Errors.service(code: "CANCELLED", message: "", in: .zh) == "已取消（CANCELLED）")
        #expect(Messages.Errors.service(code: "NOT_FOUND", message: "no such person", in: .zh) == "未找到（NOT_FOUND）——no such person")
        #expect(Messages.Errors.service(code: "PERMISSION_DENIED", message: "county-140524 may write only persons of county 140524, not 140525", in: .zh)
            .hasPrefix("无权操作（PERMISSION_DENIED）：县级账号只能操作本县（市、区）的数据——"))
        #expect(Messages.Errors.service(code: "PERMISSION_DENIED", message: "jcskills://county/140524 may not call jcskills.gateway.Gateway/Totals", in: .zh)
            .hasPrefix("无权操作（PERMISSION_DENIED）：此身份无权调用该操作——"))
        // The detail as a service now writes it for a Chinese caller.
        #expect(Messages.Errors.service(code: "FAILED_PRECONDITION", message: "event_open: 项目 E01 已截止", in: .zh)
            == "不符合业务规则（FAILED_PRECONDITION）：比赛项目已截止——event_open: 项目 E01 已截止")
        // The client's own failures: what to check, then the technical detail as it stands.
        let refused = Messages.Errors.service(code: "UNAVAILABLE", message: "connection to 127.0.0.1:7101 failed: connection refused",
                                              endpoint: "127.0.0.1:7101", in: .zh)
        #expect(refused.hasPrefix("服务不可用（UNAVAILABLE）：无法连接 127.0.0.1:7101 上的服务") && refused.contains("jcskills local up")
            && refused.hasSuffix("——connection to 127.0.0.1:7101 failed: connection refused"), "\(refused)")
        #expect(Messages.Errors.service(code: "UNAUTHENTICATED", message: "x", in: .zh).contains("--tls"))
        #expect(Messages.Errors.service(code: "DEADLINE_EXCEEDED", message: "x", endpoint: "h:1", in: .zh).contains("h:1 上的服务未在时限内答复"))
        #expect(Messages.Errors.service(code: "UNAVAILABLE", message: "connection to h:1 failed", endpoint: "h:1", in: .en)
            == "UNAVAILABLE: connection to h:1 failed")
        // Every status code has its word.
        for code in ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
                     "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
                     "DATA_LOSS", "UNAUTHENTICATED"] {
            #expect(Messages.Errors.statusWords[code] != nil, "\(code)")
        }
    }
}
