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
}
