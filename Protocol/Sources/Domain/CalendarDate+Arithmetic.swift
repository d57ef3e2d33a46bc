extension CalendarDate {
    /// Days since 1970-01-01 (negative before it). Lets callers count days between dates and
    /// step through them without a calendar library.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March so the leap day is the last
        // day of the (shifted) year and needs no special case.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01; nil outside years 1…9999.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The calendar date at an instant, seen in a time zone `utcOffsetSeconds` east of UTC.
    /// - Parameters:
    ///   - unixMilliseconds: milliseconds since 1970-01-01T00:00:00Z, as wire messages carry.
    ///   - utcOffsetSeconds: defaults to China Standard Time (UTC+8, no daylight saving), where
    ///     every office of the programme works.
    /// - Returns: nil only outside years 1…9999.
    public init?(unixMilliseconds: Int64, utcOffsetSeconds: Int = 8 * 3600) {
        let localSeconds = unixMilliseconds / 1000 + Int64(utcOffsetSeconds) - (unixMilliseconds % 1000 < 0 ? 1 : 0)
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        self.init(dayNumber: Int(days))
    }

    /// Milliseconds since 1970-01-01T00:00:00Z at the start (00:00) of this day in a time zone
    /// `utcOffsetSeconds` east of UTC (default UTC+8).
    public func startUnixMilliseconds(utcOffsetSeconds: Int = 8 * 3600) -> Int64 {
        (Int64(dayNumber) * 86_400 - Int64(utcOffsetSeconds)) * 1000
    }

    /// The date `days` days later (earlier when negative); nil when that leaves years 1…9999.
    public func adding(days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The same month and day `years` years later (earlier when negative). 29 February becomes
    /// 28 February in a common year, so a 4-year validity from 2020-02-29 ends 2024-02-29 and
    /// a 3-year one 2023-02-28. Nil when that leaves years 1…9999.
    public func adding(years: Int) -> CalendarDate? {
        let target = year + years
        return CalendarDate(year: target, month: month, day: min(day, CalendarDate.daysInMonth(month, year: target)))
    }

    /// Completed years from this date (a birth date) to `date`; negative when `date` is earlier.
    ///
    /// The birthday counts on its month and day; someone born on 29 February completes a year
    /// on 1 March in common years (28 February is still before the birthday).
    public func years(until date: CalendarDate) -> Int {
        let whole = date.year - year
        return (date.month, date.day) < (month, day) ? whole - 1 : whole
    }
}
