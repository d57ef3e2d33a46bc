import JCSkillsMessages
import JCSkillsProtocol

extension CountsRequest {
    /// The date the figures are asked for: `asOf`, or today when it is 0; a number that is no
    /// date is refused naming the field.
    public func asOfDate(today: CalendarDate) throws(RuleViolation) -> CalendarDate {
        if asOf == 0 { return today }
        guard let date = CalendarDate(yyyymmdd: asOf) else {
            throw RuleViolation(field: "as_of", reason: Messages.Refusals.notADate(asOf))
        }
        return date
    }

    /// What a figures call asks about, checked: the city or one of its counties, a date (today
    /// when 0) and a plausible year (the date's when 0).
    public func figuresQuestion(today: CalendarDate) throws -> (county: Int32, asOf: CalendarDate, year: Int32) {
        try CountyScope.requireCountyOrCity(county)
        let asOf = try asOfDate(today: today)
        let year = self.year == 0 ? Int32(asOf.year) : self.year
        guard (2000...2100).contains(year) else { throw RuleViolation(field: "year", reason: Messages.Refusals.notAPlausibleYear(year)) }
        return (county, asOf, year)
    }
}
