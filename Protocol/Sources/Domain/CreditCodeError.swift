/// Why a text is not structurally a unified social credit code (GB 32100-2015).
///
/// A wrong check character is *not* one of these: some early pilot codes fail the check yet
/// are legal, so ``UnifiedSocialCreditCode/parse(_:)`` accepts them and reports
/// ``UnifiedSocialCreditCode/checkDigitValid`` = false for review (docs/DOMAIN.md §4).
public enum CreditCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not 18 characters; the payload is the number it has.
    case wrongLength(Int)
    /// The character at this 1-based position is outside `0-9 A-H J-N P-R T U W-Y` (I, O, S,
    /// V and Z are never used, being easily confused with 1, 0, 5, U and 2).
    case invalidCharacter(position: Int)
    /// Positions 3–8, the division code of the registering authority, must be digits; the
    /// payload is the 1-based position of the first that is not.
    case nonDigitDivisionCode(position: Int)

    public var description: String {
        switch self {
        case .wrongLength(let count):
            "credit code has \(count) character\(count == 1 ? "" : "s"), expected 18"
        case .invalidCharacter(let position):
            "credit code character \(position) is not one of 0-9 and the letters A-Y without I, O, S, V, Z"
        case .nonDigitDivisionCode(let position):
            "credit code character \(position) must be a digit (positions 3-8 are a division code)"
        }
    }
}
