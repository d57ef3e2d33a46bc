import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// The day an entry or a close is recorded on (docs/COMPETITIONS.md, "Dates"): the caller's
/// day when it gives one, so that a past competition can be recorded on the days it was held
/// and counted in its own year; otherwise today, as before the field existed.
enum HistoryDates {
    /// `given` (yyyymmdd; 0: today) checked against today and the competition's year.
    static func day(_ given: Int32, field: String, competitionYear year: Int32, today: CalendarDate) throws(RuleViolation) -> Int32 {
        guard given != 0 else { return today.yyyymmdd }
        guard let date = CalendarDate(yyyymmdd: given) else {
            throw RuleViolation(field: field, reason: Messages.Refusals.notADate(given))
        }
        guard date <= today else { throw RuleViolation(field: field, reason: Messages.Refusals.afterToday(date, today: today)) }
        // A competition's history belongs to its year: a date outside it would count its
        // participants and experts in another year's figures than its own.
        guard date.year == Int(year) else {
            throw RuleViolation(field: field, reason: Messages.CompetitionRefusals.outsideYear(date, year: year))
        }
        return given
    }
}
