/// Who is in the labour force by age: 16–60 by default (seed action 1) — checked on the
/// registration date, and applied on every date the registry counts for (a person leaves the
/// count on their 61st birthday; docs/NUMBERS.md). A rule value rather than a constant, because
/// the range is policy: the registry's `labour_force_ages` setting.
public struct LabourForceAgeRule: Hashable, Sendable, CustomStringConvertible {
    /// Why an age is outside the range.
    public enum Violation: Error, Hashable, Sendable, CustomStringConvertible {
        case tooYoung(age: Int, minimum: Int)
        case tooOld(age: Int, maximum: Int)

        public var description: String {
            switch self {
            case .tooYoung(let age, let minimum): "age \(age) on the registration date is under \(minimum)"
            case .tooOld(let age, let maximum): "age \(age) on the registration date is over \(maximum)"
            }
        }
    }

    /// Completed years, inclusive at both ends: a person is 60 until the day before their
    /// 61st birthday.
    public let ages: ClosedRange<Int>

    /// 16…60.
    public static let standard = LabourForceAgeRule(ages: 16...60)

    public init(ages: ClosedRange<Int>) { self.ages = ages }

    /// The rule as written in settings and kept with the data: `"16-60"`.
    public var description: String { "\(ages.lowerBound)-\(ages.upperBound)" }

    /// Reads `"16-60"`; nil unless two ages with the lower one first.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), 0 <= low, low <= high, high < 150
        else { return nil }
        ages = low...high
    }

    /// The first day on which someone born on `birthDate` is older than ``ages`` allows: the
    /// day they leave the labour force by age (their 61st birthday under the standard rule; for
    /// a 29 February birth, 1 March in a common year, as ``CalendarDate/years(until:)`` counts).
    public func leavesOn(birthDate: CalendarDate) -> CalendarDate {
        let year = birthDate.year + ages.upperBound + 1
        return CalendarDate(year: year, month: birthDate.month, day: birthDate.day)
            ?? CalendarDate(year: year, month: 3, day: 1)!
    }

    /// Checks the age on `date` of someone born on `birthDate`.
    /// - Returns: the age in completed years.
    /// - Throws: ``Violation`` when it is outside ``ages``.
    @discardableResult
    public func check(birthDate: CalendarDate, on date: CalendarDate) throws(Violation) -> Int {
        let age = birthDate.years(until: date)
        if age < ages.lowerBound { throw .tooYoung(age: age, minimum: ages.lowerBound) }
        if age > ages.upperBound { throw .tooOld(age: age, maximum: ages.upperBound) }
        return age
    }
}
