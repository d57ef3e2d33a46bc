import Foundation

extension Messages {
    /// The client's root command and the options every call shares (Sources/CLI/JCSkillsCommand.swift, ClientOptions.swift).
    public enum Client {
        public static let abstract = Message(
            zh: "JCSkills 客户端：健康检查、开发用证书，以及在一台机器上运行整套服务。",
            en: "The JCSkills client: health checks, the development PKI, and the whole set of services on one machine.")
        public static let discussion = Message(
            zh: """
                调用使用双向 TLS：--tls DIR 指定含 ca.crt 和 <id>.crt/.key 的目录（即 `jcskills pki init` \
                所写），--as ID 指定出示的身份。两者也可来自环境变量 JCSKILLS_TLS、JCSKILLS_AS。默认：\
                .jcskills/pki 和 admin。

                语言：默认中文；--lang en（或 JCSKILLS_LANG=en，或英文区域设置）改为英文。
                """,
            en: """
                Calls use mutual TLS: --tls DIR names a directory with ca.crt and <id>.crt/.key (as \
                `jcskills pki init` writes), --as ID the identity to present. Both can come from the \
                environment: JCSKILLS_TLS, JCSKILLS_AS. Defaults: .jcskills/pki and admin.

                Language: Chinese by default; --lang en (or JCSKILLS_LANG=en, or an English locale) for English.
                """)
        public static let tlsHelp = Message(
            zh: "含 ca.crt 和 <id>.crt/.key 的目录。环境变量 JCSKILLS_TLS；默认 .jcskills/pki。",
            en: "Directory with ca.crt and <id>.crt/.key. Env JCSKILLS_TLS; default .jcskills/pki.")
        public static let revokedSerialsHelp = Message(
            zh: "吊销证书序列号文件（每行一个十六进制序列号，`jcskills pki revoke` 写入）：出示其中证书的服务在握手时即被拒绝。环境变量 JCSKILLS_REVOKED_SERIALS。",
            en: "File of revoked certificate serials, one hexadecimal serial a line (as `jcskills pki revoke` writes): a service presenting one is refused at the handshake. Env JCSKILLS_REVOKED_SERIALS.")
        public static let asHelp = Message(
            zh: "出示的身份（TLS 目录中的文件名）。环境变量 JCSKILLS_AS；默认 admin。",
            en: "Identity to present (a file name in the TLS directory). Env JCSKILLS_AS; default admin.")
        public static let idempotencyKeyHelp = Message(
            zh: "使用此键代替随机键：带同一键再次运行同一命令不会重复写入，答复与第一次相同。",
            en: "Send this key instead of a random one: the same command run again with it writes nothing twice and answers as the first time.")
        public static let encodingHelp = Message(
            zh: "文件编码：utf-8、gbk、big5、gb18030 或 auto（合法 UTF-8 按 UTF-8 读，否则按 GB18030，也能读 GBK）。",
            en: "The file's encoding: utf-8, gbk, big5, gb18030, or auto (UTF-8 if it is valid UTF-8, otherwise GB18030, which reads GBK too).")
        public static let endpointHelp = Message(zh: "服务地址。", en: "The service's address.")
    }

    /// `jcskills health` (Sources/CLI/HealthCommand.swift).
    public enum Health {
        public static let abstract = Message(zh: "询问服务是否正在服务；是则退出码为 0。", en: "Ask a service whether it is serving; exit 0 if it is.")
        public static let discussion = Message(
            zh: "退出码：0 正在服务，1 有答复但不在服务（如正在停止），2 无法连接或被拒绝。",
            en: "Exit codes: 0 serving, 1 answering but not serving (e.g. draining), 2 unreachable or refused.")
        public static let timeoutHelp = Message(zh: "等待答复的秒数。", en: "Seconds to wait for the answer.")
        public static let serving = Message(zh: "正在服务", en: "serving")
        public static let notServing = Message(zh: "不在服务", en: "not serving")
        public static let unknown = Message(zh: "状态未知", en: "unknown")
        public static let draining = Message(zh: "正在停止", en: "draining")
    }

    /// `jcskills pki` (Sources/CLI/PKICommand.swift).
    public enum PKI {
        public static let abstract = Message(zh: "开发或测试站点用的证书。", en: "Certificates for a development or test site.")
        public static let initAbstract = Message(
            zh: "创建开发用 CA，并为每个服务、admin 及每个 --extra 创建身份。",
            en: "Create a development CA and an identity for every service, the admin, and any --extra.")
        public static let initDiscussion = Message(
            zh: """
                写出 DIR/ca.crt、DIR/ca.key 以及 registry、training、evaluation、competition、gateway \
                和 admin 的 DIR/<id>.crt、DIR/<id>.key（PEM，ECDSA P-256），每个都带 SAN：localhost、\
                127.0.0.1 和 jcskills://<id>。已有的 CA 保留，只补缺少的身份，除非加 --force。同时写出\
                全市的 Ed25519 证书签名密钥 DIR/city-signing.key（保密，由技能评价服务读取）和 \
                DIR/city-signing.pub（交给核验导出证书的一方）；已有的保留。生产站点使用自己的 PEM \
                文件（deploy/pki/README.md）。
                """,
            en: """
                Writes DIR/ca.crt, DIR/ca.key and DIR/<id>.crt, DIR/<id>.key (PEM, ECDSA P-256) for \
                registry, training, evaluation, competition, gateway and admin, each with SANs \
                localhost, 127.0.0.1 and jcskills://<id>. An existing CA is kept and only missing \
                identities are added, unless --force. Also writes the city's Ed25519 certificate-signing \
                key, DIR/city-signing.key (kept secret, read by the evaluation service) and \
                DIR/city-signing.pub (give it to whoever verifies exported certificates); an existing \
                one is kept. Production sites bring their own PEM files (deploy/pki/README.md).
                """)
        public static let outHelp = Message(zh: "输出目录。", en: "Output directory.")
        public static let extraHelp = Message(zh: "更多身份，如 county-140524 或 auditor（可重复）。", en: "More identities, e.g. county-140524 or auditor (repeatable).")
        public static let forceHelp = Message(zh: "替换已有的 CA 和列出的每个身份。", en: "Replace an existing CA and every listed identity.")
        public static func signingKeyCreated(_ privateKey: String, publicKey: String) -> Message {
            Message(zh: "已创建全市证书签名密钥 \(privateKey)（公钥：\(publicKey)）",
                    en: "created the city's certificate-signing key \(privateKey) (public: \(publicKey))")
        }
    }
}

extension Messages.Health {
    /// `127.0.0.1:7103: SERVING (jcskills-evaluation 1.0)`; the status's name stays for scripts.
    public static func answer(target: String, status: String, server: String, version: String) -> Message {
        let word = ["SERVING": serving, "NOT_SERVING": notServing, "DRAINING": draining][status] ?? unknown
        return Message(zh: "\(target)：\(word.zh)（\(status)，\(server) \(version)）", en: "\(target): \(status) (\(server) \(version))")
    }

    public static func failed(target: String, error: String) -> Message {
        Message(zh: "\(target)：\(error)", en: "\(target): \(error)")
    }
}

extension Messages.PKI {
    public static func caLine(created: Bool, path: String) -> Message {
        created ? Message(zh: "CA：已创建 \(path)", en: "CA: created \(path)") : Message(zh: "CA：已保留 \(path)", en: "CA: kept \(path)")
    }
    public static func createdIdentities(_ ids: String) -> Message { Message(zh: "已创建：\(ids)", en: "created: \(ids)") }
    public static func keptIdentities(_ ids: String) -> Message { Message(zh: "已保留：\(ids)", en: "kept: \(ids)") }
}

extension Messages.Health {
    /// A serving status's word, its name kept in English for scripts.
    public static func word(_ status: String) -> String {
        guard Language.current == .zh else { return status }
        let word = ["SERVING": serving, "NOT_SERVING": notServing, "DRAINING": draining][status] ?? unknown
        return "\(word.zh)（\(status)）"
    }
}

extension Messages.Client {
    /// ArgumentParser's own words in its help screens and usage errors, as it writes them (en)
    /// and as the tools show them in Chinese (Sources/CLI/Support/ErrorExit.swift).
    public static let parserWords: [Message] = [
        Message(zh: "概述：", en: "OVERVIEW: "),
        Message(zh: "用法：", en: "USAGE: "),
        Message(zh: "参数：", en: "ARGUMENTS:"),
        Message(zh: "选项：", en: "OPTIONS:"),
        Message(zh: "子命令：", en: "SUBCOMMANDS:"),
        Message(zh: "显示帮助信息。", en: "Show help information."),
        Message(zh: "显示版本。", en: "Show the version."),
        Message(zh: "（默认：", en: "(default: "),
        Message(zh: "（默认）", en: "(default)"),
        Message(zh: "详见 ", en: "See "),
        Message(zh: " 了解详细帮助。", en: " for detailed help."),
        Message(zh: " 了解更多信息。", en: " for more information."),
        Message(zh: "缺少参数 ", en: "Missing expected argument "),
        Message(zh: "多余的参数 ", en: "Unexpected argument "),
        Message(zh: "未知选项 ", en: "Unknown option "),
        Message(zh: "缺少取值：", en: "Missing value for "),
        Message(zh: "取值无效：", en: "The value "),
    ]

    /// ArgumentParser's text with its words in the user's language.
    public static func parserText(_ text: String, in language: Language = .current) -> String {
        guard language == .zh else { return text }
        return parserWords.reduce(text) { $0.replacingOccurrences(of: $1.en, with: $1.zh) }
    }
}

extension Messages.PKI {
    // The development PKI's errors (Sources/PKI/PKIError.swift, whose `description` is the English).
    public static func unreadableFile(_ path: String, reason: String) -> Message {
        Message(zh: "无法读取 \(path)：\(reason)", en: "cannot read \(path): \(reason)")
    }
    public static func invalidCertificate(_ source: String, reason: String) -> Message {
        Message(zh: "无法读取证书 \(source)：\(reason)", en: "cannot read certificate \(source): \(reason)")
    }
    public static func invalidPrivateKey(_ source: String, reason: String) -> Message {
        Message(zh: "无法读取私钥 \(source)：\(reason)", en: "cannot read private key \(source): \(reason)")
    }
    public static func keyDoesNotMatch(certificate: String, key: String) -> Message {
        Message(zh: "私钥 \(key) 与证书 \(certificate) 不匹配", en: "private key \(key) does not belong to certificate \(certificate)")
    }
    public static func notACA(_ source: String) -> Message {
        Message(zh: "证书 \(source) 不是 CA 证书（没有 basicConstraints CA:TRUE）",
                en: "certificate \(source) is not a CA certificate (it lacks basicConstraints CA:TRUE)")
    }
    public static func badIdentityName(_ id: String) -> Message {
        Message(zh: "身份“\(id)”无效：身份名为 1–64 个字母、数字、“.”、“_”或“-”，以字母或数字开头",
                en: "invalid identity \"\(id)\": ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    }
    public static let reservedIdentity = Message(
        zh: "身份“ca”无效：“ca”留给 CA 自己的文件", en: "invalid identity \"ca\": \"ca\" is reserved for the CA's own files")
    public static func invalidIdentity(_ id: String, reason: String) -> Message {
        Message(zh: "身份“\(id)”无效：\(reason)", en: "invalid identity \"\(id)\": \(reason)")
    }
    public static func invalidIPAddress(_ text: String) -> Message {
        Message(zh: "IP 地址“\(text)”无效：应为 IPv4（127.0.0.1）或 IPv6（::1）",
                en: "invalid IP address \"\(text)\": expected IPv4 (127.0.0.1) or IPv6 (::1) text")
    }
    public static func notIssuedByCA(_ path: String, ca: String) -> Message {
        Message(zh: "\(path) 不是由 \(ca) 签发的：删除它即可重新签发，或用 --force 重建整个目录",
                en: "\(path) was not issued by \(ca); delete it to have it reissued, or re-create the whole directory with overwrite")
    }
    public static func caKeyWithoutCertificate(_ path: String, certificate: String) -> Message {
        Message(zh: "不会覆盖 \(path)：目录中有 CA 私钥却没有 \(certificate)；请恢复它，或用 --force 重建目录",
                en: "refusing to overwrite \(path): there is a CA key but no \(certificate); restore it, or re-create the directory with overwrite")
    }
    public static func fileOfAnotherCA(_ path: String, certificate: String) -> Message {
        Message(zh: "不会覆盖 \(path)：目录中没有 \(certificate)，此文件属于另一个 CA；请删除它，或用 --force 重建目录",
                en: "refusing to overwrite \(path): the directory has no \(certificate), so this file belongs to another CA; remove it, or re-create the directory with overwrite")
    }
    public static func writeFailed(_ path: String, reason: String) -> Message {
        Message(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
    }
    public static func signingFailed(_ subject: String, reason: String) -> Message {
        Message(zh: "无法为 \(subject) 生成证书：\(reason)", en: "cannot create the certificate for \(subject): \(reason)")
    }
    /// An error the catalogue has no words for: the library's own.
    public static func failed(_ description: String) -> Message {
        Message(zh: "开发用 PKI 出错：\(description)", en: "\(description)")
    }
}
