extension Messages {
    /// The registry's refusals (Services/Registry/Service), in the caller's language; the English
    /// is what the registry has always sent. The words every service shares are `Refusals`'.
    public enum RegistryRefusals {
        // Persons (Rules/PersonRules.swift).
        public static let legacyNumberOnlyInImport = Message(
            zh: "15 位（1999 年以前）身份证号只在批量导入历史记录时接受，并转换为 18 位",
            en: "a 15-digit (pre-1999) number is accepted only in bulk import of legacy records, where it is converted to 18 digits")
        public static let nameTooLong = Message(zh: "超过 50 个字", en: "is longer than 50 characters")
        /// `given` and `idSays` are the genders' words (`Messages.Registry.male` …).
        public static func genderMismatch(given: Message, idSays: Message) -> Message {
            Message(zh: "“\(given.zh)”与身份证号不符（身份证号为“\(idSays.zh)”）", en: "\(given.en) does not match the ID number, which says \(idSays.en)")
        }
        public static func bornAfterRegistration(_ birthDate: some CustomStringConvertible) -> Message {
            Message(zh: "出生日期 \(birthDate) 晚于登记日期", en: "birth date \(birthDate) is after the registration date")
        }
        public static func tooYoung(age: Int, on date: some CustomStringConvertible, minimum: Int) -> Message {
            Message(zh: "此人在 \(date) 为 \(age) 岁；登记起始年龄为 \(minimum) 岁",
                    en: "the person is \(age) on \(date); registration starts at \(minimum)")
        }
        public static func tooOld(age: Int, on date: some CustomStringConvertible, maximum: Int) -> Message {
            Message(zh: "此人在 \(date) 为 \(age) 岁；登记年龄上限为 \(maximum) 岁",
                    en: "the person is \(age) on \(date); registration ends at \(maximum)")
        }
        public static let categories = Message(zh: "须为 poor、university_graduate、rural 或 urban 之一", en: "must be poor, university_graduate, rural or urban")
        public static func notATrainingMode(_ mode: some CustomStringConvertible) -> Message {
            Message(zh: "\(mode) 不是规划的五种培训模式之一（1 新型学徒制 … 5 互联网+）",
                    en: "\(mode) is not one of the plan's five modes (1 新型学徒制 … 5 互联网+)")
        }
        public static func notAKeyGroup(_ group: some CustomStringConvertible) -> Message {
            Message(zh: "\(group) 不在所配置的重点就业群体名单中", en: "\(group) is not a key employment group in the configured list")
        }
        /// `phone` quoted as FieldLimits.quote gives it; `error` the number's fault.
        public static func badPhone(_ phone: String, _ error: Message) -> Message {
            Message(zh: "“\(phone)”：\(error.zh)", en: "'\(phone)': \(error.en)")
        }
        public static let giveIDNumberOrCard = Message(zh: "person: 请给出身份证号或卡号", en: "person: give an ID number or a card number")
        public static func noPersonWithCard(_ card: String) -> Message {
            Message(zh: "没有卡号为 \(card) 的登记人员", en: "no registered person with card \(card)")
        }
        public static let noPersonWithIDNumber = Message(zh: "没有此身份证号的登记人员", en: "no registered person with that ID number")
        public static func alreadyHasCard(_ card: String) -> Message {
            Message(zh: "此身份证号已有卡号 \(card)", en: "this ID number already has card \(card)")
        }
        public static let changedMeanwhile = Message(
            zh: "修改期间此人的记录已被他人改动：请重新读取后再试",
            en: "the person's record changed while this update was made; read it again and retry")
        public static let idNumberIndexBeingBuilt = Message(
            zh: "登记库正在进行首次批量导入，身份证号索引将在导入结束时建成；届时可再按身份证号查询或登记（按卡号查询不受影响）",
            en: "the registry is loading its first import and builds its ID-number index when that ends; look-ups and registrations by ID number resume then (look-ups by card number work meanwhile)")
        public static func tooManyLookups(_ count: Int, limit: Int) -> Message {
            Message(zh: "一次调用 \(count) 个查询，至多 \(limit) 个", en: "\(count) look-ups; at most \(limit) a call")
        }

        // Moves and leaving (RPC/RegistryRPCService.swift).
        public static let moveNeedsCounty = Message(zh: "在晋城市内迁移须给出新的县（市、区）", en: "a move within Jincheng needs the new county")
        public static let sayWhyLeaving = Message(zh: "请说明原因：超龄、死亡或出境定居", en: "say why: age, death or emigration")
        public static let statusChanges = Message(
            zh: "须为在册（迁移）、已迁出或已退出劳动力之一", en: "must be active (a move), moved away, or left the labour force")

        // A county office's reach (Access/RegistryAccess.swift, the imports).
        public static func writePersonsOfCounty(_ identity: String, own: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 只能写入县（市、区）\(own) 的人员，不能写入 \(county) 的",
                    en: "\(identity) may write only persons of county \(own), not \(county)")
        }
        public static func registerPersonsOfCounty(_ identity: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 不能登记县（市、区）\(county) 的人员", en: "\(identity) may not register persons of county \(county)")
        }
        public static func qualityOfCounty(_ identity: String, own: String, not county: Int32) -> Message {
            Message(zh: "\(identity) 只能查看县（市、区）\(own) 的数据质量，不能查看\(county == 0 ? "全市" : " \(county) ")的",
                    en: "\(identity) may see the data quality of county \(own) only, not \(county == 0 ? "the city" : String(county))")
        }
        public static func exportOwnCounty(_ own: String) -> Message {
            Message(zh: "县级账号只能导出本县（市、区）：请给出 --county \(own)", en: "a county office exports its own county: give --county \(own)")
        }
        public static func exportOnlyCounty(_ identity: String, own: String) -> Message {
            Message(zh: "\(identity) 只能导出县（市、区）\(own) 的数据", en: "\(identity) may export only county \(own)")
        }
        public static func enterpriseOfOtherCounty(_ identity: String, own: String, code: String, stored: Int32) -> Message {
            Message(zh: "\(identity) 只能写入县（市、区）\(own) 的企业；\(code) 登记在 \(stored)",
                    en: "\(identity) may write only enterprises of county \(own); \(code) is registered in county \(stored)")
        }
        public static func enterpriseToOtherCounty(_ identity: String, own: String, not county: String) -> Message {
            Message(zh: "\(identity) 只能写入县（市、区）\(own) 的企业，不能写入 \(county) 的",
                    en: "\(identity) may write only enterprises of county \(own), not \(county)")
        }
        public static func enterpriseMovedAway(_ identity: String, own: String, code: String) -> Message {
            Message(zh: "\(identity) 只能写入县（市、区）\(own) 的企业；\(code) 已登记在其他县（市、区）",
                    en: "\(identity) may write only enterprises of county \(own); \(code) is registered in another county")
        }
        public static func demandOfOtherCounty(_ identity: String, own: String, code: String, county: Int32) -> Message {
            Message(zh: "\(identity) 只能填报县（市、区）\(own) 企业的用工需求；\(code) 登记在 \(county)",
                    en: "\(identity) may write demand only of enterprises of county \(own); \(code) is registered in county \(county)")
        }

        // Enterprises and their demand (Rules/EnterpriseRules.swift, Imports/DemandImport.swift).
        public static func noEnterprise(_ creditCode: String) -> Message {
            Message(zh: "没有统一社会信用代码为 \(creditCode) 的企业", en: "no enterprise with credit code \(creditCode)")
        }
        public static func enterpriseNotRegistered(_ creditCode: String) -> Message {
            Message(zh: "企业 \(creditCode) 尚未登记：请先导入企业", en: "no enterprise \(creditCode) is registered; import enterprises first")
        }
        public static func notASurveyYear(_ year: some CustomStringConvertible) -> Message {
            Message(zh: "\(year) 不是合理的调查年份", en: "\(year) is not a plausible survey year")
        }
    }
}
