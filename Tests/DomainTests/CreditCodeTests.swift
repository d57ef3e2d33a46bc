import JCSkillsProtocol
import Testing

@Suite("Unified social credit codes (GB 32100-2015)")
struct CreditCodeTests {
    @Test func publishedExampleIsValid() throws {
        // A widely published example code, checked independently of this implementation.
        let code = try UnifiedSocialCreditCode.parse("91350100M000100Y43")
        #expect(code.checkDigitValid)
        #expect(code.divisionCode == 350100)
        #expect(!code.isJincheng)
    }

    @Test func computedJinchengCode() throws {
        let first17 = "91140525MA0K12345"
        let check = try #require(UnifiedSocialCreditCode.checkCharacter(forFirst17: first17))
        #expect(check == "T")
        let code = try UnifiedSocialCreditCode.parse(first17 + String(check))
        #expect(code.checkDigitValid)
        #expect(code.isJincheng)
        #expect(code.isEnterprise)
        #expect(code.registrationAuthority == "9")
        #expect(code.entityType == "1")
        #expect(code.divisionCode == 140525)
        #expect(code.organizationCode == "MA0K12345")
        #expect(code.expectedCheckCharacter == "T")
    }

    @Test func wrongCheckIsAWarningNotAnError() throws {
        let code = try UnifiedSocialCreditCode.parse("91140525MA0K123451")
        #expect(!code.checkDigitValid)
        #expect(code.expectedCheckCharacter == "T")
    }

    @Test func lowercaseIsNormalized() throws {
        let code = try UnifiedSocialCreditCode.parse("91140525ma0k12345t")
        #expect(code.value == "91140525MA0K12345T")
        #expect(code.checkDigitValid)
    }

    @Test(arguments: ["I", "O", "S", "V", "Z"])
    func excludedLettersAreErrors(letter: String) {
        #expect(throws: CreditCodeError.invalidCharacter(position: 11)) {
            try UnifiedSocialCreditCode.parse("91140525MA" + letter + "K12345T")
        }
    }

    @Test func structuralErrors() {
        #expect(throws: CreditCodeError.wrongLength(17)) { try UnifiedSocialCreditCode.parse("91140525MA0K12345") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 18)) { try UnifiedSocialCreditCode.parse("91140525MA0K12345-") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 3)) { try UnifiedSocialCreditCode.parse("91信40525MA0K12345T") }
        #expect(throws: CreditCodeError.nonDigitDivisionCode(position: 4)) { try UnifiedSocialCreditCode.parse("911A0525MA0K12345T") }
        #expect(UnifiedSocialCreditCode.checkCharacter(forFirst17: "91140525MA0K1234") == nil)
        #expect(UnifiedSocialCreditCode.checkCharacter(forFirst17: "91140525MA0K1234I") == nil)
    }

    @Test func checkValueThirtyOneBecomesZero() throws {
        // Search a code whose weighted sum is divisible by 31: its check must be "0", not 31.
        var found = false
        for suffix in 0..<1000 {
            let body = "9114052500000" + String(1000 + suffix)
            let check = try #require(UnifiedSocialCreditCode.checkCharacter(forFirst17: body))
            if check == "0" {
                #expect(try UnifiedSocialCreditCode.parse(body + "0").checkDigitValid)
                found = true
                break
            }
        }
        #expect(found)
    }
}
