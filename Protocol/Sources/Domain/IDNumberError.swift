/// Why a text is not a valid resident identity number (GB 11643-1999).
///
/// Positions are 1-based, as a clerk counts characters on the card. ``description`` is a
/// complete English sentence for an INVALID_ARGUMENT message or an import row error; it never
/// repeats the whole number (personal data), only the part that is wrong.
public enum IDNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text does not have the expected number of characters (18, or 15 for a legacy number);
    /// the payload is the number it has.
    case wrongLength(Int)
    /// The character at this 1-based position is not allowed there: positions 1–17 must be
    /// digits, position 18 a digit or X (of a legacy number, all 15 must be digits).
    case invalidCharacter(position: Int)
    /// Positions 7–14 (`yyyymmdd`, the payload) are not a real calendar date, or name a year
    /// before 1800.
    case impossibleBirthDate(String)
    /// The birth date is after the reference date the caller checked against.
    case birthDateInFuture
    /// The 18th character does not match the check computed from the first 17.
    case wrongCheckCharacter(expected: Character, found: Character)

    public var description: String {
        switch self {
        case .wrongLength(let count):
            // Legacy conversion reports this too, but only for text the importer already
            // picked out as 15 characters long, so "expected 18" is the useful hint.
            "ID number has \(count) character\(count == 1 ? "" : "s"), expected 18"
        case .invalidCharacter(let position):
            position == 18
                ? "ID number character 18 must be a digit or X"
                : "ID number character \(position) must be a digit"
        case .impossibleBirthDate(let digits):
            "ID number birth date \(digits) is not a real calendar date"
        case .birthDateInFuture:
            "ID number birth date is in the future"
        case .wrongCheckCharacter(let expected, let found):
            "ID number check character is \(found), expected \(expected) (a digit is probably mistyped)"
        }
    }
}
