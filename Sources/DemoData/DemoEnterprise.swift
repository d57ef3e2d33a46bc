import JCSkillsProtocol

/// One generated enterprise: typed values and the enterprises.csv record.
public struct DemoEnterprise: Hashable, Sendable {
    /// 1-based data row.
    public var row: Int
    /// Valid, unique, Jincheng (`91` + `1405xx` + organisation code + check).
    public var creditCode: String
    public var name: String
    /// One of the six counties.
    public var county: Int32
    public var industry: String
    public var staffCount: Int
    /// 规模以上企业.
    public var aboveDesignatedSize: Bool

    /// The record in ``RegistryCSVFormat/EnterpriseColumn`` order.
    public var csvFields: [String] {
        [
            creditCode, name, String(county), industry, String(staffCount),
            aboveDesignatedSize ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText,
        ]
    }

    /// The enterprise as a wire message.
    public var message: Enterprise {
        var message = Enterprise()
        message.creditCode = creditCode
        message.name = name
        message.county = county
        message.industry = industry
        message.staffCount = UInt32(staffCount)
        message.aboveDesignatedSize = aboveDesignatedSize
        return message
    }
}

/// One line of an enterprise's demand survey.
public struct DemoDemand: Hashable, Sendable {
    public var creditCode: String
    public var occupation: Occupation
    public var level: SkillLevel
    /// 2020, 2021 or 2022: the three survey years.
    public var year: Int
    public var headcount: Int

    /// The record in ``RegistryCSVFormat/DemandColumn`` order.
    public var csvFields: [String] {
        [creditCode, occupation.code, occupation.chineseName, String(level.rawValue), String(year), String(headcount)]
    }

    /// The demand line as a wire message.
    public var message: Demand {
        var message = Demand()
        message.creditCode = creditCode
        message.occupation = occupation.code
        message.level = level
        message.year = Int32(year)
        message.headcount = UInt32(headcount)
        return message
    }
}
