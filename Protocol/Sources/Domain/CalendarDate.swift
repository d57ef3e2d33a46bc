/// A day of the proleptic Gregorian calendar, without time or time zone: a birth date, a
/// registration date, a certificate's issue date.
///
/// Always a real date: the failable initialisers reject 1990-02-30 and 2019-02-29, and
/// accept 2000-02-29 (divisible by 400) while rejecting 1900-02-29 (by 100, not by 400).
/// Years run from 1 to 9999 so that every date has an 8-digit `yyyymmdd` form.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, or nil when it does not exist (month 13, 31 April, 29 February of a common year)
    /// or the year is outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// From the compact integer form `yyyymmdd` (19900101); nil when that is not a real date.
    public init?(yyyymmdd: Int32) {
        let value = Int(yyyymmdd)
        self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// `yyyymmdd` as an integer, e.g. 19900101: the form wire messages and stores carry.
    public var yyyymmdd: Int32 { Int32(year * 10_000 + month * 100 + day) }

    /// Parses `yyyymmdd` (`"19900101"`) or ISO 8601 `yyyy-mm-dd` (`"1990-01-01"`), nothing else:
    /// no surrounding spaces, no single-digit month or day. Nil when malformed or not a real date.
    public static func parse(_ text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        let digits: [UInt8]
        switch bytes.count {
        case 8:
            digits = bytes
        case 10 where bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-"):
            digits = Array(bytes[0..<4] + bytes[5..<7] + bytes[8..<10])
        default:
            return nil
        }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return CalendarDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// `"yyyymmdd"`, e.g. `"19900101"`: the form inside an ID number.
    public var compactString: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }

    /// ISO 8601 `"yyyy-mm-dd"`, e.g. `"1990-01-01"`: the form in CSV files and messages.
    public var isoString: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// The ISO 8601 form, `"1990-01-01"`.
    public var description: String { isoString }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Whether the three numbers name a real date with a year in 1…9999.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && day >= 1 && day <= daysInMonth(month, year: year)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
