extension Messages {
    /// What the services answer when they refuse, in the caller's language (its `accept-language`,
    /// Sources/ServiceKit/Requests/CallerLanguage.swift): the words every service shares, the
    /// domain's parse errors (Sources/ServiceKit/Requests/DomainErrorMessages.swift) and the
    /// peers' outages. Each service's own are in its area beside this one. The English is what
    /// the services have always sent, byte for byte: their tests and other clients read it.
    public enum Refusals {
        // A field's reason, after `<field>: `.
        public static let isEmpty = Message(zh: "不能为空", en: "is empty")
        public static let mustBePositive = Message(zh: "须为正数", en: "must be positive")
        public static let codeLength = Message(zh: "长度须为 1 到 64 字节", en: "1 to 64 bytes")
        public static func notADate(_ value: some CustomStringConvertible) -> Message {
            Message(zh: "\(value) 不是日期（应为 yyyymmdd）", en: "\(value) is not a date (yyyymmdd)")
        }
        public static func notAYyyymmddDate(_ value: some CustomStringConvertible) -> Message {
            Message(zh: "\(value) 不是 yyyymmdd 格式的日期", en: "\(value) is not a yyyymmdd date")
        }
        public static func inTheFuture(_ date: some CustomStringConvertible) -> Message {
            Message(zh: "\(date) 是将来的日期", en: "\(date) is in the future")
        }
        public static func afterToday(_ date: some CustomStringConvertible, today: some CustomStringConvertible) -> Message {
            Message(zh: "\(date) 是将来的日期（不得晚于今天 \(today)）", en: "\(date) is in the future (not after today, \(today))")
        }
        public static func notAPlausibleYear(_ year: some CustomStringConvertible) -> Message {
            Message(zh: "\(year) 不是合理的年份", en: "\(year) is not a plausible year")
        }
        /// FieldLimits (Sources/ServiceKit/FieldLimits.swift): never quotes the text.
        public static func tooLong(bytes: Int, limit: Int) -> Message {
            Message(zh: "长 \(bytes) 字节，至多 \(limit) 字节", en: "is \(bytes) bytes long; at most \(limit)")
        }
        /// The batch figures calls (Sources/ServiceKit/Requests/BatchQuestions.swift).
        public static func tooManyQuestions(_ count: Int, limit: Int) -> Message {
            Message(zh: "一次调用 \(count) 个问题，至多 \(limit) 个", en: "\(count) questions in one call; at most \(limit)")
        }
        public static func notACountyOrCity(_ county: Int32) -> Message {
            Message(zh: "\(county) 不是晋城市的县（市、区）代码（全市填 0）", en: "\(county) is not a Jincheng county code (0 for the city)")
        }
        public static func notACounty(_ county: Int32) -> Message {
            Message(zh: "\(county) 不是晋城市的县（市、区）代码", en: "\(county) is not a Jincheng county code")
        }
        public static func notARecordCounty(_ county: Int32, zone: Int32) -> Message {
            Message(zh: "\(county) 不是晋城市的县（市、区）代码（开发区为 \(zone)）",
                    en: "\(county) is not a Jincheng county code (or \(zone), the development zone)")
        }

        public static func registryCardInactive(_ card: String) -> Message {
            Message(zh: "劳动力资源库卡 \(card) 不在册", en: "the registry card \(card) is not active")
        }

        // Resident ID numbers (Protocol/Sources/Domain/IDNumberError.swift).
        public static func idNumberLength(_ count: Int) -> Message {
            Message(zh: "身份证号有 \(count) 位，应为 18 位", en: "ID number has \(count) character\(count == 1 ? "" : "s"), expected 18")
        }
        public static let idNumberLastCharacter = Message(zh: "身份证号第 18 位须为数字或 X", en: "ID number character 18 must be a digit or X")
        public static func idNumberDigit(_ position: Int) -> Message {
            Message(zh: "身份证号第 \(position) 位须为数字", en: "ID number character \(position) must be a digit")
        }
        public static func idNumberBirthDate(_ digits: String) -> Message {
            Message(zh: "身份证号中的出生日期 \(digits) 不是真实的日期", en: "ID number birth date \(digits) is not a real calendar date")
        }
        public static let idNumberBornInFuture = Message(zh: "身份证号中的出生日期晚于今天", en: "ID number birth date is in the future")
        public static func idNumberCheck(found: Character, expected: Character) -> Message {
            Message(zh: "身份证号校验位是 \(found)，应为 \(expected)（可能有数字输错）",
                    en: "ID number check character is \(found), expected \(expected) (a digit is probably mistyped)")
        }

        // Unified social credit codes (Protocol/Sources/Domain/CreditCodeError.swift).
        public static func creditCodeLength(_ count: Int) -> Message {
            Message(zh: "统一社会信用代码有 \(count) 位，应为 18 位", en: "credit code has \(count) character\(count == 1 ? "" : "s"), expected 18")
        }
        public static func creditCodeCharacter(_ position: Int) -> Message {
            Message(zh: "统一社会信用代码第 \(position) 位须为 0-9 或 A-Y 中除 I、O、S、V、Z 以外的字母",
                    en: "credit code character \(position) is not one of 0-9 and the letters A-Y without I, O, S, V, Z")
        }
        public static func creditCodeDivision(_ position: Int) -> Message {
            Message(zh: "统一社会信用代码第 \(position) 位须为数字（第 3–8 位是行政区划代码）",
                    en: "credit code character \(position) must be a digit (positions 3-8 are a division code)")
        }

        // Mobile numbers (Protocol/Sources/Domain/MobilePhoneNumber.swift).
        public static func phoneLength(_ count: Int) -> Message {
            Message(zh: "手机号有 \(count) 位数字，应为 11 位", en: "phone number has \(count) digits, expected 11")
        }
        public static let phoneCharacters = Message(zh: "手机号只能含数字、空格和连字符", en: "phone number may contain only digits, spaces and hyphens")
        public static let phoneNotMobile = Message(zh: "不是手机号（须以 13–19 开头）", en: "phone number is not a mobile number (must start 13-19)")

        // A peer that could not be asked (Sources/ServiceKit/Peers): the peer's error after the colon.
        public static func registryCardUnconfirmed(_ error: String) -> Message {
            Message(zh: "无法向劳动力资源库核实卡号：\(error)", en: "cannot confirm the registry card: \(error)")
        }
        public static func registryCardsUnconfirmed(_ error: String) -> Message {
            Message(zh: "无法向劳动力资源库核实卡号：\(error)", en: "cannot confirm the registry cards: \(error)")
        }
        public static func registryAnsweredPart(_ answered: Int, of asked: Int) -> Message {
            Message(zh: "劳动力资源库只答复了 \(asked) 个查询中的 \(answered) 个", en: "the registry answered \(answered) of \(asked) look-ups")
        }
        public static func enterpriseUnchecked(_ creditCode: String, _ error: String) -> Message {
            Message(zh: "无法向劳动力资源库核实企业 \(creditCode)：\(error)", en: "cannot check enterprise \(creditCode) with the registry: \(error)")
        }
        public static func largeEnterprisesUnlisted(_ error: String) -> Message {
            Message(zh: "无法向劳动力资源库查询规模以上企业：\(error)", en: "cannot list the large enterprises with the registry: \(error)")
        }
        public static func recognitionsUnasked(_ error: String) -> Message {
            Message(zh: "无法向技能评价服务查询此人的证书：\(error)", en: "cannot ask the evaluation service for the person's certificates: \(error)")
        }
        public static func certificateUnchecked(_ number: String, _ error: String) -> Message {
            Message(zh: "无法向技能评价服务核实证书 \(number)：\(error)", en: "cannot check certificate \(number) with the evaluation service: \(error)")
        }
        public static func certificatesUnchecked(_ count: Int, _ error: String) -> Message {
            Message(zh: "无法向技能评价服务核实 \(count) 张证书：\(error)", en: "cannot check \(count) certificates with the evaluation service: \(error)")
        }
    }
}
