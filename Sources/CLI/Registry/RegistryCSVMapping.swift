import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// Turns CSV records into registry messages. Problems the client can see (a field that is not
/// a number, an unknown category) become row errors here; the registry checks everything else.
enum RegistryCSVMapping {
    typealias Person = RegistryCSVFormat.PersonColumn
    typealias Firm = RegistryCSVFormat.EnterpriseColumn
    typealias Need = RegistryCSVFormat.DemandColumn

    static func person(_ fields: [String], line: UInt32) throws(RowFailure) -> PersonImportRow {
        try checkCount(fields, RegistryCSVFormat.personHeader.count, line: line)
        func field(_ column: Person) -> String { fields[column.index].trimmingWhitespace }
        var person = PersonRegistration()
        person.idNumber = field(.idNumber)
        person.name = field(.name)
        person.gender = try CSVField.term(RegistryCSVFormat.gender, field(.gender), Person.gender.rawValue, line)
        person.residenceCounty = try CSVField.number(field(.residenceCounty), Person.residenceCounty.rawValue, line)
        person.category = try CSVField.term(RegistryCSVFormat.category, field(.category), Person.category.rawValue, line)
        guard let groups = RegistryCSVFormat.parseKeyGroups(field(.keyGroups)) else {
            throw RowFailure(line: line, column: Person.keyGroups.rawValue, reason: Messages.Import.unknownKeyGroup(field(.keyGroups)).text())
        }
        person.keyGroups = groups
        person.education = try CSVField.term(RegistryCSVFormat.education, field(.education), Person.education.rawValue, line)
        person.employment = try CSVField.term(RegistryCSVFormat.employment, field(.employment), Person.employment.rawValue, line)
        person.occupation = field(.occupation)
        person.trainingWish = field(.trainingWish)
        person.trainingMode = try CSVField.term(RegistryCSVFormat.trainingMode, field(.trainingMode), Person.trainingMode.rawValue, line)
        person.phone = field(.phone)
        person.stage = field(.stage).isEmpty ? 0 : try CSVField.number(field(.stage), Person.stage.rawValue, line)
        person.registeredOn = try CSVField.date(field(.registeredOn), Person.registeredOn.rawValue, line, empty: 0)  // 0: today
        return PersonImportRow(line: line, person: person)
    }

    /// The person's ID number as a duplicate key: the 18 characters themselves (17 digits and
    /// the check character fit in 64 bits), a 15-digit legacy number converted first, so it
    /// meets its 18-digit form. nil for text that is no ID number (the registry rejects it).
    static func personKey(_ fields: [String]) -> UInt64? {
        var id = fields[Person.idNumber.index].trimmingWhitespace
        if id.utf8.count == 15 {
            guard let converted = try? ResidentIDNumber.convertLegacy(id) else { return nil }
            id = converted.value
        }
        guard id.utf8.count == 18 else { return nil }
        return id.withUTF8 { bytes -> UInt64? in
            var key: UInt64 = 0
            for offset in 0..<18 {
                let byte = bytes[offset]
                let value: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "X") where offset == 17, UInt8(ascii: "x") where offset == 17: value = 10
                default: return nil
                }
                key = key * (offset == 17 ? 11 : 10) + value
            }
            return key
        }
    }

    static func enterprise(_ fields: [String], line: UInt32) throws(RowFailure) -> EnterpriseImportRow {
        try checkCount(fields, RegistryCSVFormat.enterpriseHeader.count, line: line)
        func field(_ column: Firm) -> String { fields[column.index].trimmingWhitespace }
        var enterprise = Enterprise()
        enterprise.creditCode = field(.creditCode)
        enterprise.name = field(.name)
        enterprise.county = try CSVField.number(field(.county), Firm.county.rawValue, line)
        enterprise.industry = field(.industry)
        enterprise.staffCount = UInt32(try CSVField.number(field(.staffCount), Firm.staffCount.rawValue, line) as Int32)
        guard let above = RegistryCSVFormat.parseBool(field(.aboveDesignatedSize)) else {
            throw RowFailure(line: line, column: Firm.aboveDesignatedSize.rawValue, reason: Messages.Import.expectedTrueOrFalse.text())
        }
        enterprise.aboveDesignatedSize = above
        return EnterpriseImportRow(line: line, enterprise: enterprise)
    }

    static func demand(_ fields: [String], line: UInt32) throws(RowFailure) -> DemandImportRow {
        try checkCount(fields, RegistryCSVFormat.demandHeader.count, line: line)
        func field(_ column: Need) -> String { fields[column.index].trimmingWhitespace }
        var demand = Demand()
        demand.creditCode = field(.creditCode)
        demand.occupation = field(.occupation)
        demand.level = SkillLevel(rawValue: try CSVField.number(field(.skillLevel), Need.skillLevel.rawValue, line))
        demand.year = try CSVField.number(field(.year), Need.year.rawValue, line)
        demand.headcount = UInt32(try CSVField.number(field(.headcount), Need.headcount.rawValue, line) as Int32)
        return DemandImportRow(line: line, demand: demand)
    }

    // MARK: Fields

    private static func checkCount(_ fields: [String], _ expected: Int, line: UInt32) throws(RowFailure) {
        guard fields.count == expected else {
            throw RowFailure(line: line, column: "", reason: Messages.Import.fieldCount(fields.count, expected: expected).text())
        }
    }



}

/// A row the client could not turn into a message.
struct RowFailure: Error {
    let line: UInt32
    let column: String
    let reason: String
    var rowError: RowError { RowError(line: line, column: column, reason: reason) }
}
