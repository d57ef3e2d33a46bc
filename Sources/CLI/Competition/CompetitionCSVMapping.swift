import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// Turns the competition CSV records (``CompetitionCSVFormat``) into messages. What the client
/// can see — a number that is not one, an unknown kind, a mark with three decimals — becomes a
/// row error here, with its column; the service checks everything else (its rules name the field).
enum CompetitionCSVMapping {
    typealias CompetitionColumn = CompetitionCSVFormat.CompetitionColumn
    typealias EventColumn = CompetitionCSVFormat.EventColumn
    typealias EntryColumn = CompetitionCSVFormat.EntryColumn
    typealias MarkColumn = CompetitionCSVFormat.MarkColumn
    typealias StudioColumn = CompetitionCSVFormat.StudioColumn
    typealias StudioYearColumn = CompetitionCSVFormat.StudioYearColumn

    static func competition(_ fields: [String], line: UInt32) throws(RowFailure) -> Competition {
        try checkCount(fields, CompetitionCSVFormat.competitionHeader.count, line: line)
        func field(_ column: CompetitionColumn) -> String { fields[column.index].trimmingWhitespace }
        var competition = Competition()
        competition.code = field(.code)
        competition.name = field(.name)
        competition.kind = try CSVField.term(CompetitionCSVFormat.kind, field(.kind), CompetitionColumn.kind.rawValue, line, allowUnspecified: false)
        competition.year = try CSVField.number(field(.year), CompetitionColumn.year.rawValue, line)
        competition.organiser = field(.organiser)
        competition.level = try CSVField.term(CompetitionCSVFormat.level, field(.level), CompetitionColumn.level.rawValue, line, allowUnspecified: false)
        competition.county = try optionalNumber(field(.county), CompetitionColumn.county.rawValue, line)
        competition.awardRule.topCount = UInt32(try CSVField.number(field(.topCount), CompetitionColumn.topCount.rawValue, line))
        competition.awardRule.topSharePercent = UInt32(try CSVField.number(field(.topSharePercent), CompetitionColumn.topSharePercent.rawValue, line))
        competition.awardRule.namesTechnicalExperts = try CSVField.flag(field(.namesTechnicalExperts), CompetitionColumn.namesTechnicalExperts.rawValue, line)
        competition.awardRule.promotesOneLevel = try CSVField.flag(field(.promotesOneLevel), CompetitionColumn.promotesOneLevel.rawValue, line)
        competition.awardRule.institutionCode = field(.institutionCode)
        return competition
    }

    static func event(_ fields: [String], line: UInt32) throws(RowFailure) -> Event {
        try checkCount(fields, CompetitionCSVFormat.eventHeader.count, line: line)
        func field(_ column: EventColumn) -> String { fields[column.index].trimmingWhitespace }
        var event = Event()
        event.competitionCode = field(.competitionCode)
        event.code = field(.code)
        event.name = field(.name)
        event.occupation = field(.occupation)
        event.group = try CSVField.term(CompetitionCSVFormat.group, field(.group), EventColumn.group.rawValue, line, allowUnspecified: false)
        guard let criteria = CompetitionCSVFormat.parseCriteria(field(.criteria)) else {
            throw RowFailure(line: line, column: EventColumn.criteria.rawValue,
                             reason: Messages.Competition.schemeFormat.text())
        }
        event.criteria = criteria
        event.judges = CompetitionCSVFormat.parseJudges(field(.judges))
        if !field(.spreadBound).isEmpty {
            event.spreadBound = try marks(field(.spreadBound), EventColumn.spreadBound.rawValue, line)
        }
        return event
    }

    static func entry(_ fields: [String], line: UInt32) throws(RowFailure) -> EntryRequest {
        try checkCount(fields, CompetitionCSVFormat.entryHeader.count, line: line)
        func field(_ column: EntryColumn) -> String { fields[column.index].trimmingWhitespace }
        var request = EntryRequest()
        request.competitionCode = field(.competitionCode)
        request.eventCode = field(.eventCode)
        request.idNumber = field(.idNumber).uppercased()
        request.name = field(.name)
        request.school = field(.school)
        request.county = try optionalNumber(field(.county), EntryColumn.county.rawValue, line)
        return request
    }

    /// A mark row: the event it belongs to, and the mark.
    static func mark(_ fields: [String], line: UInt32) throws(RowFailure) -> (event: EventLookup, mark: Mark) {
        try checkCount(fields, CompetitionCSVFormat.markHeader.count, line: line)
        func field(_ column: MarkColumn) -> String { fields[column.index].trimmingWhitespace }
        let lookup = EventLookup(competitionCode: field(.competitionCode), eventCode: field(.eventCode))
        guard !lookup.competitionCode.isEmpty else { throw RowFailure(line: line, column: MarkColumn.competitionCode.rawValue, reason: Messages.Competition.isEmpty.text()) }
        guard !lookup.eventCode.isEmpty else { throw RowFailure(line: line, column: MarkColumn.eventCode.rawValue, reason: Messages.Competition.isEmpty.text()) }
        let mark = Mark(entryNumber: field(.entryNumber), criterionCode: field(.criterionCode),
                        mark: try marks(field(.mark), MarkColumn.mark.rawValue, line))
        return (lookup, mark)
    }

    static func studio(_ fields: [String], line: UInt32) throws(RowFailure) -> Studio {
        try checkCount(fields, CompetitionCSVFormat.studioHeader.count, line: line)
        func field(_ column: StudioColumn) -> String { fields[column.index].trimmingWhitespace }
        var studio = Studio()
        studio.code = field(.code)
        studio.name = field(.name)
        studio.masterIDNumber = field(.masterIDNumber).uppercased()
        studio.masterName = field(.masterName)
        studio.hostCreditCode = field(.hostCreditCode).uppercased()
        studio.county = try CSVField.number(field(.county), StudioColumn.county.rawValue, line)
        studio.industry = field(.industry)
        studio.level = try CSVField.term(CompetitionCSVFormat.studioLevel, field(.level), StudioColumn.level.rawValue, line, allowUnspecified: false)
        studio.establishedOn = try CSVField.date(field(.establishedOn), StudioColumn.establishedOn.rawValue, line)
        return studio
    }

    static func studioYear(_ fields: [String], line: UInt32) throws(RowFailure) -> StudioYear {
        try checkCount(fields, CompetitionCSVFormat.studioYearHeader.count, line: line)
        func field(_ column: StudioYearColumn) -> String { fields[column.index].trimmingWhitespace }
        var year = StudioYear()
        year.studioCode = field(.studioCode)
        year.year = try CSVField.number(field(.year), StudioYearColumn.year.rawValue, line)
        year.apprenticesMentored = UInt32(try CSVField.number(field(.apprenticesMentored), StudioYearColumn.apprenticesMentored.rawValue, line))
        year.problemsSolved = UInt32(try CSVField.number(field(.problemsSolved), StudioYearColumn.problemsSolved.rawValue, line))
        return year
    }

    /// Decimal marks (`12.50`) as hundredths.
    static func marks(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> UInt32 {
        guard let value = CompetitionCSVFormat.parseMarks(text) else {
            throw RowFailure(line: line, column: column, reason: Messages.Competition.notAMark(text).text())
        }
        return value
    }

    /// A number, or 0 for an empty cell.
    private static func optionalNumber(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Int32 {
        if text.isEmpty { return 0 }
        return try CSVField.number(text, column, line)
    }

    private static func checkCount(_ fields: [String], _ expected: Int, line: UInt32) throws(RowFailure) {
        guard fields.count == expected else {
            throw RowFailure(line: line, column: "", reason: Messages.Import.fieldCount(fields.count, expected: expected).text())
        }
    }
}
