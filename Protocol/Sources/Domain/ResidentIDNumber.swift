/// An 18-character resident identity number (居民身份证号码, GB 11643-1999), validated.
///
/// Layout `AAAAAA YYYYMMDD SSS C`: address code, birth date, sequence (odd 17th digit = male),
/// check character. A value of this type always has a real birth date and a correct check
/// character; the address code is *any* six digits, because numbers keep the code of the
/// county where they were issued, including codes abolished since, and people registered
/// elsewhere live and work in Jincheng (docs/DOMAIN.md §2) — residence is a separate field.
///
/// ```swift
/// let id = try ResidentIDNumber.parse("11010519491231002x")
/// id.value      // "11010519491231002X"
/// id.gender     // .female
/// ```
public struct ResidentIDNumber: Hashable, Sendable, CustomStringConvertible {
    /// The normalized number: 18 characters, a lowercase `x` stored as `X`.
    public let value: String
    /// Positions 7–14.
    public let birthDate: CalendarDate
    /// Positions 15–17 as a number, 0…999.
    public let sequence: Int

    /// The weights of positions 1–17 (GB 11643-1999): 2^(18−i) mod 11.
    public static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each value of Σ aᵢ·Wᵢ mod 11.
    public static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
    /// The earliest birth year accepted. Real numbers are issued to living people; this bound
    /// only rejects obvious digit slips (year 0190) while keeping the standard's own 1880 example.
    public static let earliestBirthYear = 1800

    /// Validates and normalizes an 18-character ID number.
    ///
    /// Checks, in order: length; characters (17 digits then a digit or `X`/`x`); the birth date
    /// is a real date from ``earliestBirthYear`` on; the birth date is not after `referenceDate`
    /// (when given); the check character. No trimming: callers strip spaces first.
    ///
    /// - Parameters:
    ///   - text: the number as typed.
    ///   - referenceDate: the date the birth date must not be after — the registration date or
    ///     today. When nil (the default), future birth dates are not checked.
    /// - Throws: the first rule broken, as an ``IDNumberError``.
    public static func parse(_ text: String, notAfter referenceDate: CalendarDate? = nil) throws(IDNumberError) -> ResidentIDNumber {
        var bytes = try asciiCharacters(of: text, expectedLength: 18)
        for index in 0..<17 where !isDigit(bytes[index]) {
            throw .invalidCharacter(position: index + 1)
        }
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        guard isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            throw .invalidCharacter(position: 18)
        }
        let birthDate = try birthDate(in: bytes[6..<14])
        if let referenceDate, birthDate > referenceDate { throw .birthDateInFuture }
        let expected = checkCharacter(digits: bytes[0..<17])
        let found = Character(Unicode.Scalar(bytes[17]))
        guard expected == found else { throw .wrongCheckCharacter(expected: expected, found: found) }
        return ResidentIDNumber(
            value: String(decoding: bytes, as: UTF8.self),
            birthDate: birthDate,
            sequence: number(bytes[14..<17])
        )
    }

    /// The check character for the first 17 characters of a number, or nil when `first17` is
    /// not exactly 17 ASCII digits. Generators and the legacy conversion use it.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, bytes.allSatisfy(isDigit) else { return nil }
        return checkCharacter(digits: bytes[...])
    }

    /// Positions 1–6: the address code of the county where the number was issued.
    public var addressCode: String { String(value.prefix(6)) }

    /// The address code as a number, e.g. 140524, comparable with division codes.
    public var addressCodeNumber: Int32 { Int32(ResidentIDNumber.number(Array(value.utf8)[0..<6])) }

    /// Whether the number was issued in Jincheng (address code prefix `1405`). Says nothing
    /// about where the person lives now.
    public var isJinchengAddress: Bool { value.utf8.starts(with: "1405".utf8) }

    /// From the 17th character: odd is male, even is female.
    public var gender: Gender { sequence % 2 == 1 ? .male : .female }

    /// The check character (position 18), a digit or `X`.
    public var checkCharacter: Character { value.last! }

    /// Completed years of age on `date`; see ``CalendarDate/years(until:)`` for 29 February.
    public func age(on date: CalendarDate) -> Int { birthDate.years(until: date) }

    public var description: String { value }

    // MARK: - Shared with the legacy conversion

    /// The text's bytes when it is `expectedLength` ASCII characters; otherwise the precise
    /// error: a non-ASCII character at a position, or the wrong length in characters.
    static func asciiCharacters(of text: String, expectedLength: Int) throws(IDNumberError) -> [UInt8] {
        let bytes = Array(text.utf8)
        if bytes.count == expectedLength, bytes.allSatisfy({ $0 < 0x80 }) { return bytes }
        // Count in characters, not bytes, so "14052４…" with a full-width digit is reported as
        // a bad character at its position rather than as a wrong length.
        let characters = Array(text)
        guard characters.count == expectedLength else { throw .wrongLength(characters.count) }
        let position = characters.firstIndex { !$0.isASCII } ?? 0
        throw .invalidCharacter(position: position + 1)
    }

    static func birthDate(in digits: ArraySlice<UInt8>) throws(IDNumberError) -> CalendarDate {
        let yyyymmdd = number(digits)
        guard yyyymmdd / 10_000 >= earliestBirthYear, let date = CalendarDate(yyyymmdd: Int32(yyyymmdd)) else {
            throw .impossibleBirthDate(String(decoding: digits, as: UTF8.self))
        }
        return date
    }

    static func checkCharacter(digits: ArraySlice<UInt8>) -> Character {
        var sum = 0
        for (offset, byte) in digits.enumerated() {
            sum += Int(byte - UInt8(ascii: "0")) * weights[offset]
        }
        return checkCharacters[sum % 11]
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private init(value: String, birthDate: CalendarDate, sequence: Int) {
        self.value = value
        self.birthDate = birthDate
        self.sequence = sequence
    }
}
