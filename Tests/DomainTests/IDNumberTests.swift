import JCSkillsProtocol
import Testing

@Suite("Resident ID numbers (GB 11643-1999)")
struct IDNumberTests {
    @Test func standardExamplesPass() throws {
        let a = try ResidentIDNumber.parse("11010519491231002X")
        #expect(a.value == "11010519491231002X")
        #expect(a.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(a.addressCode == "110105")
        #expect(a.sequence == 2)
        #expect(a.gender == .female)
        #expect(!a.isJinchengAddress)
        let b = try ResidentIDNumber.parse("440524188001010014")
        #expect(b.birthDate == CalendarDate(year: 1880, month: 1, day: 1))
        #expect(b.gender == .male)
        #expect(b.checkCharacter == "4")
    }

    @Test func lowercaseXIsNormalized() throws {
        let id = try ResidentIDNumber.parse("11010519491231002x")
        #expect(id.value == "11010519491231002X")
        #expect(id == (try ResidentIDNumber.parse("11010519491231002X")))
    }

    @Test func wrongCheckCharacterNamesBoth() {
        #expect(throws: IDNumberError.wrongCheckCharacter(expected: "X", found: "5")) {
            try ResidentIDNumber.parse("110105194912310025")
        }
        #expect(throws: IDNumberError.wrongCheckCharacter(expected: "4", found: "X")) {
            try ResidentIDNumber.parse("44052418800101001X")
        }
    }

    @Test func impossibleDates() throws {
        // Check characters are computed so that the date is the only fault.
        #expect(throws: IDNumberError.impossibleBirthDate("19900230")) {
            try ResidentIDNumber.parse(Self.valid(date: "19900230"))
        }
        #expect(throws: IDNumberError.impossibleBirthDate("19901301")) {
            try ResidentIDNumber.parse(Self.valid(date: "19901301"))
        }
        #expect(throws: IDNumberError.impossibleBirthDate("19850431")) {
            try ResidentIDNumber.parse(Self.valid(date: "19850431"))
        }
        #expect(throws: IDNumberError.impossibleBirthDate("01900101")) {
            try ResidentIDNumber.parse(Self.valid(date: "01900101"))
        }
        // 29 February: 2000 is a leap year (divisible by 400), 1900 and 2019 are not.
        #expect(throws: IDNumberError.impossibleBirthDate("20190229")) {
            try ResidentIDNumber.parse(Self.valid(date: "20190229"))
        }
        #expect(throws: IDNumberError.impossibleBirthDate("19000229")) {
            try ResidentIDNumber.parse(Self.valid(date: "19000229"))
        }
        let leap = try ResidentIDNumber.parse(Self.valid(date: "20000229"))
        #expect(leap.birthDate == CalendarDate(year: 2000, month: 2, day: 29))
        #expect(try ResidentIDNumber.parse(Self.valid(date: "19960229")).birthDate.day == 29)
    }

    @Test func futureBirthDateAgainstReference() throws {
        let text = Self.valid(date: "20200601")
        let before = CalendarDate(year: 2020, month: 5, day: 31)!
        #expect(throws: IDNumberError.birthDateInFuture) { try ResidentIDNumber.parse(text, notAfter: before) }
        // Born on the reference day is fine, and without a reference nothing is checked.
        #expect(try ResidentIDNumber.parse(text, notAfter: CalendarDate(year: 2020, month: 6, day: 1)!).value == text)
        #expect(try ResidentIDNumber.parse(text).value == text)
    }

    @Test func structuralErrorsArePrecise() {
        #expect(throws: IDNumberError.wrongLength(17)) { try ResidentIDNumber.parse("11010519491231002") }
        #expect(throws: IDNumberError.wrongLength(19)) { try ResidentIDNumber.parse("11010519491231002X1") }
        #expect(throws: IDNumberError.wrongLength(0)) { try ResidentIDNumber.parse("") }
        #expect(throws: IDNumberError.invalidCharacter(position: 3)) { try ResidentIDNumber.parse("11A10519491231002X") }
        #expect(throws: IDNumberError.invalidCharacter(position: 17)) { try ResidentIDNumber.parse("1101051949123100XX") }
        #expect(throws: IDNumberError.invalidCharacter(position: 18)) { try ResidentIDNumber.parse("11010519491231002Y") }
        #expect(throws: IDNumberError.invalidCharacter(position: 1)) { try ResidentIDNumber.parse(" 1010519491231002X") }
        // A full-width digit is a bad character at its position, not a length problem.
        #expect(throws: IDNumberError.invalidCharacter(position: 6)) { try ResidentIDNumber.parse("11010５19491231002X") }
    }

    @Test func descriptionsAreReadable() {
        #expect(IDNumberError.wrongLength(17).description == "ID number has 17 characters, expected 18")
        #expect(IDNumberError.invalidCharacter(position: 3).description == "ID number character 3 must be a digit")
        #expect(IDNumberError.impossibleBirthDate("19900230").description == "ID number birth date 19900230 is not a real calendar date")
        #expect(IDNumberError.wrongCheckCharacter(expected: "X", found: "5").description.hasPrefix("ID number check character is 5, expected X"))
    }

    @Test func genderFromSeventeenthDigit() throws {
        #expect(try ResidentIDNumber.parse(Self.valid(date: "19900101", sequence: "123")).gender == .male)
        #expect(try ResidentIDNumber.parse(Self.valid(date: "19900101", sequence: "124")).gender == .female)
        #expect(try ResidentIDNumber.parse(Self.valid(date: "19900101", sequence: "000")).gender == .female)
    }

    @Test func ageAroundBirthday() throws {
        let id = try ResidentIDNumber.parse(Self.valid(date: "20040515"))
        #expect(id.age(on: CalendarDate(year: 2020, month: 5, day: 14)!) == 15)
        #expect(id.age(on: CalendarDate(year: 2020, month: 5, day: 15)!) == 16)
        #expect(id.age(on: CalendarDate(year: 2020, month: 12, day: 31)!) == 16)
        // Born 29 February: a year completes on 1 March in common years.
        let leap = try ResidentIDNumber.parse(Self.valid(date: "20040229"))
        #expect(leap.age(on: CalendarDate(year: 2021, month: 2, day: 28)!) == 16)
        #expect(leap.age(on: CalendarDate(year: 2021, month: 3, day: 1)!) == 17)
        #expect(leap.age(on: CalendarDate(year: 2020, month: 2, day: 29)!) == 16)
    }

    @Test func jinchengAddress() throws {
        let id = try ResidentIDNumber.parse("140524199001011239")
        #expect(id.isJinchengAddress)
        #expect(id.addressCode == "140524")
        #expect(id.addressCodeNumber == 140524)
    }

    @Test func legacyConversion() throws {
        let id = try ResidentIDNumber.convertLegacy("140524900101123")
        #expect(id.value == "140524199001011239")
        #expect(id.birthDate == CalendarDate(year: 1990, month: 1, day: 1))
        #expect(id.gender == .male)
        #expect(throws: IDNumberError.wrongLength(18)) { try ResidentIDNumber.convertLegacy("140524199001011239") }
        #expect(throws: IDNumberError.invalidCharacter(position: 15)) { try ResidentIDNumber.convertLegacy("14052490010112X") }
        #expect(throws: IDNumberError.impossibleBirthDate("19900230")) { try ResidentIDNumber.convertLegacy("140524900230123") }
    }

    @Test func checkCharacterHelper() {
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "11010519491231002") == "X")
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "1101051949123100") == nil)
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "1101051949123100A") == nil)
    }

    /// A number with address 140524, the given date and sequence, and the right check character.
    static func valid(date: String, sequence: String = "123") -> String {
        let first17 = "140524" + date + sequence
        return first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17)!)
    }
}
