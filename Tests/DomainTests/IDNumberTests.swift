import JCSkillsProtocol
import Testing

@Suite("Resident ID numbers (GB 11643-1999)")
struct IDNumberTests {
    @Test func standardExamplesPass() throws {
        let a = try ResidentIDNumber.parse("11010519491231002X")
        #expect(a.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(a.gender == .female)
        let b = try ResidentIDNumber.parse("440524188001010014")
        #expect(b.birthDate == CalendarDate(year: 1880, month: 1, day: 1))
        #expect(b.gender == .male)
    }
}
