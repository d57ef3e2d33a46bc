import JCSkillsMessages
import JCSkillsProtocol

// The domain's parse errors as the catalogue words them (Sources/Messages/Catalogue/Refusals.swift):
// their `description` is English only, JCSkillsProtocol being below the catalogue. The English
// texts are the same.

extension IDNumberError {
    public var message: Message {
        switch self {
        case .wrongLength(let count): Messages.Refusals.idNumberLength(count)
        case .invalidCharacter(let position): position == 18 ? Messages.Refusals.idNumberLastCharacter : Messages.Refusals.idNumberDigit(position)
        case .impossibleBirthDate(let digits): Messages.Refusals.idNumberBirthDate(digits)
        case .birthDateInFuture: Messages.Refusals.idNumberBornInFuture
        case .wrongCheckCharacter(let expected, let found): Messages.Refusals.idNumberCheck(found: found, expected: expected)
        }
    }
}

extension CreditCodeError {
    public var message: Message {
        switch self {
        case .wrongLength(let count): Messages.Refusals.creditCodeLength(count)
        case .invalidCharacter(let position): Messages.Refusals.creditCodeCharacter(position)
        case .nonDigitDivisionCode(let position): Messages.Refusals.creditCodeDivision(position)
        }
    }
}

extension MobilePhoneNumber.Error {
    public var message: Message {
        switch self {
        case .wrongLength(let count): Messages.Refusals.phoneLength(count)
        case .invalidCharacter: Messages.Refusals.phoneCharacters
        case .notAMobileNumber: Messages.Refusals.phoneNotMobile
        }
    }
}
