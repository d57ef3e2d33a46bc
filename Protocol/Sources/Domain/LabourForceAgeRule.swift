/// Who may be registered by age: 16–60 on the registration date (seed action 1). A rule
/// value rather than a constant, because the range is policy.
public struct LabourForceAgeRule: Hashable, Sendable {
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
