/// An 18-character unified social credit code (统一社会信用代码, GB 32100-2015) of an
/// enterprise or other organisation, structurally valid.
///
/// Layout: position 1 registration authority (`9` = market regulation), 2 entity type (under
/// `9`: `1` enterprise, `2` individual business, `3` farmers' cooperative), 3–8 the division
/// code of the registering authority (`1405xx` in Jincheng), 9–17 the organisation code, 18 the
/// check character.
///
/// A code whose check character is wrong still parses: some early pilot codes fail the check
/// but are legal, so ``checkDigitValid`` is false and the record needs review rather than
/// rejection (docs/DOMAIN.md §4).
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    /// The normalized code: 18 characters, letters uppercase.
    public let value: String
    /// Whether position 18 matches the check computed from positions 1–17. False is a warning
    /// that needs review, not an error.
    public let checkDigitValid: Bool

    /// The 31 characters, in value order 0–30: digits, then A–Y without I, O, S, V, Z.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of positions 1–17: 3^(i−1) mod 31.
    public static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Parses a credit code. Lowercase letters are accepted and uppercased; no trimming.
    ///
    /// - Returns: the code, with ``checkDigitValid`` false when the check character is wrong.
    /// - Throws: ``CreditCodeError`` for a wrong length, a character outside the alphabet, or a
    ///   non-digit in the division code — the structural faults.
    public static func parse(_ text: String) throws(CreditCodeError) -> UnifiedSocialCreditCode {
        let characters = Array(text)
        guard characters.count == 18 else { throw .wrongLength(characters.count) }
        var values: [Int] = []
        values.reserveCapacity(18)
        for (index, character) in characters.enumerated() {
            guard let value = value(of: character) else { throw .invalidCharacter(position: index + 1) }
            values.append(value)
        }
        for index in 2..<8 where values[index] > 9 {
            throw .nonDigitDivisionCode(position: index + 1)
        }
        return UnifiedSocialCreditCode(
            value: String(values.map { alphabet[$0] }),
            checkDigitValid: checkValue(values[0..<17]) == values[17]
        )
    }

    /// The check character for the first 17 characters of a code (letters in either case), or
    /// nil when `first17` is not 17 characters of the alphabet. Generators use it.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let values = first17.compactMap(value(of:))
        guard values.count == 17, first17.count == 17 else { return nil }
        return alphabet[checkValue(values[...])]
    }

    /// Position 1: registration authority (`1` organisation staffing, `5` civil affairs,
    /// `9` market regulation, `Y` other).
    public var registrationAuthority: Character { Array(value)[0] }
    /// Position 2: entity type within the authority (under `9`: `1` enterprise, `2` individual
    /// business, `3` farmers' cooperative).
    public var entityType: Character { Array(value)[1] }
    /// Whether the code belongs to an enterprise registered by market regulation (`91`).
    public var isEnterprise: Bool { value.hasPrefix("91") }
    /// Positions 3–8: the division code of the registering authority, e.g. 140525.
    public var divisionCode: Int32 { Int32(String(Array(value)[2..<8]))! }
    /// Positions 9–17: the organisation code (GB 11714 body and check).
    public var organizationCode: String { String(Array(value)[8..<17]) }
    /// Whether the registering authority is in Jincheng (division code prefix `1405`): the city
    /// bureau (140500) or a county's.
    public var isJincheng: Bool { divisionCode / 100 == 1405 }
    /// The check character position 18 should have; differs from the actual one exactly when
    /// ``checkDigitValid`` is false.
    public var expectedCheckCharacter: Character {
        UnifiedSocialCreditCode.checkCharacter(forFirst17: String(value.prefix(17)))!
    }

    public var description: String { value }

    /// C₁₈ = 31 − (Σ Cᵢ·Wᵢ mod 31), where 31 becomes 0.
    static func checkValue(_ values: ArraySlice<Int>) -> Int {
        var sum = 0
        for (offset, value) in values.enumerated() { sum += value * weights[offset] }
        return (31 - sum % 31) % 31
    }

    /// The character's value 0–30, uppercase or lowercase; nil outside the alphabet.
    static func value(of character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        let upper = ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z") ? ascii - 32 : ascii
        return valueTable[Int(upper)]
    }

    private static let valueTable: [Int?] = {
        var table = [Int?](repeating: nil, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character.asciiValue!)] = value }
        return table
    }()

    private init(value: String, checkDigitValid: Bool) {
        self.value = value
        self.checkDigitValid = checkDigitValid
    }
}
