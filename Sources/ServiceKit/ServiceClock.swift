import Foundation
import JCSkillsProtocol

extension CalendarDate {
    /// The day in Beijing time at `clock`'s now: every service reads "today" this way, so a
    /// test's clock moves them all.
    public static func today(by clock: () -> Date) -> CalendarDate {
        CalendarDate(unixMilliseconds: Int64(clock().timeIntervalSince1970 * 1000))!
    }
}
