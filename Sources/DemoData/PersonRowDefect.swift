/// How a deliberately broken person row is broken, so import tests can assert exact counts.
///
/// With `invalidRowEvery: k`, data rows k, 2k, 3k, … (1-based, the header not counted; file
/// line = row + 1) are broken, and the j-th broken row (row j·k) gets
/// `PersonRowDefect.allCases[(j − 1) % 5]`: row k a wrong check character, row 2k an
/// impossible birth date, 3k under 16, 4k a bad phone, 5k an unknown county, 6k a wrong
/// check character again, and so on. Every other field of a broken row stays valid, so each
/// row breaks exactly one rule.
public enum PersonRowDefect: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The ID number's 18th character is changed to another valid character (a digit or X).
    case wrongCheckCharacter
    /// The ID number's birth date is the day after the end of its month (e.g. `19900230`,
    /// `19850431`), with the check character recomputed so the date is the only fault.
    case impossibleBirthDate
    /// A valid, unique ID number of someone aged 12–15 on the registration date.
    case underSixteen
    /// The phone has 10 digits (the last one dropped).
    case invalidPhone
    /// The residence county is 140523, a code GB/T 2260 leaves unused in Jincheng.
    case unknownCounty

    /// The column the importer should blame.
    public var column: RegistryCSVFormat.PersonColumn {
        switch self {
        case .wrongCheckCharacter, .impossibleBirthDate, .underSixteen: .idNumber
        case .invalidPhone: .phone
        case .unknownCounty: .residenceCounty
        }
    }

    /// The county code of ``unknownCounty`` rows.
    public static let unknownCountyCode: Int32 = 140523

    /// The defect of data row `row` (1-based) when every `invalidRowEvery`-th row is broken;
    /// nil for a valid row, and for every row when `invalidRowEvery` is nil or not positive.
    public static func forRow(_ row: Int, invalidRowEvery: Int?) -> PersonRowDefect? {
        guard let every = invalidRowEvery, every > 0, row > 0, row % every == 0 else { return nil }
        return allCases[(row / every - 1) % allCases.count]
    }

    /// How many of `rows` data rows have each defect.
    public static func counts(rows: Int, invalidRowEvery: Int?) -> [PersonRowDefect: Int] {
        var counts: [PersonRowDefect: Int] = [:]
        guard let every = invalidRowEvery, every > 0 else { return counts }
        let broken = rows / every
        for (index, defect) in allCases.enumerated() where broken > index {
            counts[defect] = (broken - index + allCases.count - 1) / allCases.count
        }
        return counts
    }

    public var description: String {
        switch self {
        case .wrongCheckCharacter: "wrong_check_character"
        case .impossibleBirthDate: "impossible_birth_date"
        case .underSixteen: "under_sixteen"
        case .invalidPhone: "invalid_phone"
        case .unknownCounty: "unknown_county"
        }
    }
}
