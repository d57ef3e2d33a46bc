import JCSkillsProtocol
import Testing

@Suite("Skill levels and certificates")
struct SkillLevelTests {
    @Test func highSkillIsLevelThreeOrAbove() {
        #expect(SkillLevel.level1.isHighSkill)
        #expect(SkillLevel.level2.isHighSkill)
        #expect(SkillLevel.level3.isHighSkill)
        #expect(!SkillLevel.level4.isHighSkill)
        #expect(!SkillLevel.level5.isHighSkill)
        #expect(!SkillLevel.unspecified.isHighSkill)
        #expect(!SkillLevel.apprentice.isHighSkill)
        #expect(SkillLevel.specialGradeTechnician.isHighSkill)
        #expect(!SkillLevel(rawValue: 9).isHighSkill)
        #expect((1...3).allSatisfy { SkillLevel(rawValue: $0).isHighSkill })
    }

    @Test func orderFollowsTheLadderNotTheNumber() {
        #expect(SkillLevel.level5 < .level4)
        #expect(SkillLevel.level2 < .level1)
        #expect(SkillLevel.apprentice < .level5)
        #expect(SkillLevel.level1 < .specialGradeTechnician)
        #expect(SkillLevel.specialGradeTechnician < .chiefTechnician)
        #expect(SkillLevel.known.sorted() == SkillLevel.known)
        #expect(SkillLevel.standard.max() == .level1)
    }

    @Test func names() {
        #expect(SkillLevel.level3.chineseName == "三级/高级工")
        #expect(SkillLevel.level1.chineseName == "一级/高级技师")
        #expect(SkillLevel.level2.engineeringTitleEquivalent == "工程师")
        #expect(SkillLevel.level4.engineeringTitleEquivalent == nil)
    }

    @Test func occupationsHaveLevelRanges() throws {
        let domestic = try #require(OccupationCatalogue.default.occupation(code: "4-10-01-06"))
        #expect(domestic.chineseName == "家政服务员")
        #expect(domestic.offers(.level2))
        #expect(!domestic.offers(.level1))
        #expect(OccupationCatalogue.default.occupation(named: "焊工")?.code == "6-18-02-04")
        #expect(OccupationCatalogue.default.occupations.count == 19)
        #expect(Occupation.isWellFormedCode("6-30-05-01"))
        #expect(!Occupation.isWellFormedCode("6-30-5-01"))
        #expect(!Occupation.isWellFormedCode("叉车工"))
    }

    @Test func certificateValidity() throws {
        let issued = try #require(CalendarDate(year: 2020, month: 6, day: 15))
        let operations = CertificateKind.specialOperations.validity
        #expect(operations.expiryDate(issuedOn: issued) == CalendarDate(year: 2026, month: 6, day: 15))
        #expect(operations.reviewDates(issuedOn: issued) == [CalendarDate(year: 2023, month: 6, day: 15)!])
        #expect(operations.isValid(issuedOn: issued, on: CalendarDate(year: 2026, month: 6, day: 14)!))
        #expect(!operations.isValid(issuedOn: issued, on: CalendarDate(year: 2026, month: 6, day: 15)!))
        #expect(!operations.isValid(issuedOn: issued, on: CalendarDate(year: 2020, month: 6, day: 14)!))

        let equipment = CertificateKind.specialEquipmentOperator.validity
        #expect(equipment.expiryDate(issuedOn: issued) == CalendarDate(year: 2024, month: 6, day: 15))
        #expect(equipment.reviewDates(issuedOn: issued).isEmpty)

        for kind in [CertificateKind.vocationalQualification, .skillLevel, .specialAbility] {
            #expect(kind.validity == .unlimited)
            #expect(kind.validity.isValid(issuedOn: issued, on: CalendarDate(year: 2090, month: 1, day: 1)!))
        }
        #expect(CertificateKind.skillLevel.hasLevels)
        #expect(!CertificateKind.specialOperations.hasLevels)
        #expect(CertificateKind.known.count == 5)
        #expect(CertificateKind.specialEquipmentOperator.chineseName == "特种设备作业人员证")
    }
}

@Suite("Phones and the age rule")
struct PhoneAndAgeTests {
    @Test func phones() throws {
        #expect(try MobilePhoneNumber.parse("13800138000").value == "13800138000")
        #expect(try MobilePhoneNumber.parse("+86 138-0013-8000").value == "13800138000")
        #expect(throws: MobilePhoneNumber.Error.wrongLength(10)) { try MobilePhoneNumber.parse("1380013800") }
        #expect(throws: MobilePhoneNumber.Error.notAMobileNumber) { try MobilePhoneNumber.parse("12800138000") }
        #expect(throws: MobilePhoneNumber.Error.notAMobileNumber) { try MobilePhoneNumber.parse("03563012345") }
        #expect(throws: MobilePhoneNumber.Error.invalidCharacter) { try MobilePhoneNumber.parse("138001380OO") }
    }

    @Test func ageRule() throws {
        let rule = LabourForceAgeRule.standard
        let registered = CalendarDate(year: 2020, month: 6, day: 1)!
        #expect(try rule.check(birthDate: CalendarDate(year: 2004, month: 6, day: 1)!, on: registered) == 16)
        #expect(throws: LabourForceAgeRule.Violation.tooYoung(age: 15, minimum: 16)) {
            try rule.check(birthDate: CalendarDate(year: 2004, month: 6, day: 2)!, on: registered)
        }
        #expect(try rule.check(birthDate: CalendarDate(year: 1959, month: 6, day: 2)!, on: registered) == 60)
        #expect(throws: LabourForceAgeRule.Violation.tooOld(age: 61, maximum: 60)) {
            try rule.check(birthDate: CalendarDate(year: 1959, month: 6, day: 1)!, on: registered)
        }
    }
}
