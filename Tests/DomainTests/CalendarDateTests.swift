import JCSkillsProtocol
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func validity() {
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2020, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2020, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test func parseAndFormat() throws {
        let date = try #require(CalendarDate.parse("19900105"))
        #expect(date == CalendarDate.parse("1990-01-05"))
        #expect(date.isoString == "1990-01-05")
        #expect(date.compactString == "19900105")
        #expect(date.yyyymmdd == 19_900_105)
        #expect(CalendarDate(yyyymmdd: 19_900_105) == date)
        #expect(CalendarDate.parse("1990-1-5") == nil)
        #expect(CalendarDate.parse("19900230") == nil)
        #expect(CalendarDate.parse("1990/01/05") == nil)
        #expect(CalendarDate(year: 5, month: 3, day: 7)!.isoString == "0005-03-07")
    }

    @Test func ordering() {
        let a = CalendarDate(year: 2020, month: 3, day: 31)!
        let b = CalendarDate(year: 2020, month: 4, day: 1)!
        #expect(a < b)
        #expect(!(b < a))
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
        for day in stride(from: -80_000, through: 80_000, by: 97) {
            #expect(CalendarDate(dayNumber: day)!.dayNumber == day)
        }
        #expect(CalendarDate(year: 2020, month: 2, day: 28)!.adding(days: 1) == CalendarDate(year: 2020, month: 2, day: 29))
        #expect(CalendarDate(year: 2019, month: 2, day: 28)!.adding(days: 1) == CalendarDate(year: 2019, month: 3, day: 1))
    }

    @Test func yearsAndInstants() {
        let leapDay = CalendarDate(year: 2020, month: 2, day: 29)!
        #expect(leapDay.adding(years: 4) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(leapDay.adding(years: 3) == CalendarDate(year: 2023, month: 2, day: 28))
        // 2020-10-31 16:00 UTC is already 1 November in Beijing.
        let instant: Int64 = 1_604_160_000_000
        #expect(CalendarDate(unixMilliseconds: instant, utcOffsetSeconds: 0) == CalendarDate(year: 2020, month: 10, day: 31))
        #expect(CalendarDate(unixMilliseconds: instant) == CalendarDate(year: 2020, month: 11, day: 1))
        #expect(CalendarDate(year: 2020, month: 11, day: 1)!.startUnixMilliseconds() == instant)
        #expect(CalendarDate(unixMilliseconds: -1, utcOffsetSeconds: 0) == CalendarDate(year: 1969, month: 12, day: 31))
    }
}
