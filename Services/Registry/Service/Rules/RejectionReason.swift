import JCSkillsProtocol
import JCSkillsServiceKit

/// The reason code a rejected import row is counted under in the data-quality view
/// (docs/QUALITY.md): the field the rule named, and for an ID number which fault, since one
/// column covers several kinds of mistake a county office fixes differently.
enum RejectionReason {
    /// A county office's row of another county.
    static let outOfScope = "out_of_scope"

    /// The code of a person row refused with `violation`; `idNumber` is the row's as sent.
    /// Only rejected rows are classified, so parsing the number again costs nothing that matters.
    static func person(_ violation: RuleViolation, idNumber: String) -> String {
        guard violation.field == "id_number" else { return violation.field }
        do {
            if idNumber.count == 15 {
                _ = try ResidentIDNumber.convertLegacy(idNumber)
            } else {
                _ = try ResidentIDNumber.parse(idNumber)
            }
        } catch {
            return "id_number." + code(of: error)
        }
        // A well-formed number refused all the same: the age on the registration date (or a
        // birth after it) is outside the labour-force ages.
        return "id_number.age"
    }

    /// The code of an enterprise row refused with `violation`: its field.
    static func enterprise(_ violation: RuleViolation) -> String { violation.field }

    private static func code(of error: IDNumberError) -> String {
        switch error {
        case .wrongLength: "wrong_length"
        case .invalidCharacter: "invalid_character"
        case .impossibleBirthDate: "impossible_birth_date"
        case .birthDateInFuture: "birth_date_in_future"
        case .wrongCheckCharacter: "wrong_check_character"
        }
    }
}
