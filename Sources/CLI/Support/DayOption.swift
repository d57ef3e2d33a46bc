import ArgumentParser
import JCSkillsMessages
import JCSkillsProtocol

/// The `--on` day of `competition enter`, `competition close` and `training enrol`: yyyymmdd
/// for the request, 0 when not given (today); the service checks it against today and its own
/// rules (the competition's year, the course's dates).
enum DayOption {
    static func parse(_ text: String?) throws -> Int32 {
        guard let text else { return 0 }
        guard let date = CalendarDate.parse(text) else { throw ValidationError("--on: " + Messages.Import.notADate(text).text()) }
        return date.yyyymmdd
    }
}
