import ArgumentParser
import JCSkillsMessages
import JCSkillsProtocol

/// The `--on` day of `competition enter` and `competition close`: yyyymmdd for the request, 0
/// when not given (today); the service checks it against today and the competition's year.
enum CompetitionDay {
    static func parse(_ text: String?) throws -> Int32 {
        guard let text else { return 0 }
        guard let date = CalendarDate.parse(text) else { throw ValidationError("--on: " + Messages.Import.notADate(text).text()) }
        return date.yyyymmdd
    }
}
