import JCSkillsProtocol
import Testing
@testable import JCSkillsDemoData
@testable import JCSkillsLoad

@Suite("Fresh persons for registration load")
struct SyntheticPersonTests {
    @Test("every ID number is valid, in Jincheng, of working age, and distinct")
    func validAndDistinct() throws {
        let people = SyntheticPerson(salt: 12_345, thisYear: 2026)
        var seen = Set<String>()
        for index in 0..<20_000 {
            let person = people.registration(index)
            let id = try ResidentIDNumber.parse(person.idNumber)
            #expect(JinchengDivisions.isJinchengCounty(id.addressCodeNumber))
            #expect(person.residenceCounty == id.addressCodeNumber)
            let age = 2026 - id.birthDate.year
            #expect((18...58).contains(age))
            #expect(seen.insert(person.idNumber).inserted)
            #expect(person.phone.count == 11 && person.phone.hasPrefix("1") && "3456789".contains(person.phone.dropFirst().first!))
            #expect(!person.name.isEmpty)
        }
    }

    @Test("the space wraps instead of overflowing, and salts shift the numbers")
    func wraps() {
        let people = SyntheticPerson(salt: SyntheticPerson.space - 1, thisYear: 2026)
        #expect(people.idNumber(1) == SyntheticPerson(salt: 0, thisYear: 2026).idNumber(0))
        #expect(SyntheticPerson(salt: 1, thisYear: 2026).idNumber(0) != SyntheticPerson(salt: 2, thisYear: 2026).idNumber(0))
    }

    @Test("never the number of a person the demo generator registers")
    func neverADemoPerson() throws {
        /// The sequence: the three digits after the birth date.
        func sequence(_ idNumber: String) -> Int { Int(String(Array(idNumber)[14..<17]))! }
        // The demo generator's valid persons stay below the reserved range…
        #expect(SyntheticPerson.firstSequence == IDNumberAllocator.validSlots * 2)
        var demo = Set<String>()
        for person in PersonGenerator(seed: 2020, count: 50_000, invalidRowEvery: 50) where person.defect == nil {
            #expect(sequence(person.idNumber) < SyntheticPerson.firstSequence)
            demo.insert(person.idNumber)
        }
        #expect(demo.count > 45_000)
        // …and every fresh person is in it, whatever the salt.
        for salt in [0, 12_345, SyntheticPerson.space - 7] {
            let people = SyntheticPerson(salt: salt, thisYear: 2026)
            for index in 0..<20_000 {
                let id = people.idNumber(index)
                #expect(sequence(id) >= SyntheticPerson.firstSequence)
                #expect(!demo.contains(id))
            }
        }
    }
}
