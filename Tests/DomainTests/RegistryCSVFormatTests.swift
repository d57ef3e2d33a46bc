import JCSkillsDemoData
import JCSkillsProtocol
import Testing

@Suite("Registry CSV format")
struct RegistryCSVFormatTests {
    @Test func headersAndIndexes() {
        #expect(RegistryCSVFormat.personHeader.joined(separator: ",") == "id_number,name,gender,residence_county,category,key_groups,education,employment,occupation,occupation_name,training_wish,training_wish_name,training_mode,phone,stage,registered_on")
        #expect(RegistryCSVFormat.enterpriseHeader.joined(separator: ",") == "credit_code,name,county,industry,staff_count,above_designated_size")
        #expect(RegistryCSVFormat.demandHeader.joined(separator: ",") == "credit_code,occupation,occupation_name,skill_level,year,headcount")
        #expect(RegistryCSVFormat.PersonColumn.idNumber.index == 0)
        #expect(RegistryCSVFormat.PersonColumn.registeredOn.index == 15)
        #expect(RegistryCSVFormat.EnterpriseColumn.aboveDesignatedSize.index == 5)
        #expect(RegistryCSVFormat.DemandColumn.headcount.index == 5)
    }

    @Test func vocabulariesReadSlugsChineseAndNumbers() {
        let category = RegistryCSVFormat.category
        #expect(category.text(for: .rural) == "rural")
        #expect(category.value(for: "rural") == .rural)
        #expect(category.value(for: "农村劳动力") == .rural)
        #expect(category.value(for: "3") == .rural)
        #expect(category.value(for: "") == .unspecified)
        #expect(category.value(for: "farmer") == nil)
        // A value from a newer version survives as its number.
        #expect(category.text(for: LabourCategory(rawValue: 9)) == "9")
        #expect(category.value(for: "9") == LabourCategory(rawValue: 9))
        #expect(RegistryCSVFormat.gender.value(for: "女") == .female)
        // The plan's five modes; an earlier version's files still read, onto the same modes as
        // registry migration 7 maps stored wishes.
        let mode = RegistryCSVFormat.trainingMode
        #expect(mode.text(for: .trainingInPlaceOfWork) == "in_place_of_work")
        #expect(mode.value(for: "以工代训") == .trainingInPlaceOfWork)
        #expect(mode.value(for: "互联网+") == .internetPlus)
        #expect(["in_person", "online", "on_the_job", "apprenticeship"].map { mode.value(for: $0) }
            == [.projectBased, .internetPlus, .trainingInPlaceOfWork, .newApprenticeship])
    }

    @Test func keyGroupLists() {
        #expect(RegistryCSVFormat.formatKeyGroups([.poorLabour, .disabled]) == "poor_labour;disabled")
        #expect(RegistryCSVFormat.parseKeyGroups("poor_labour;残疾人;7") == [.poorLabour, .disabled, .veterans])
        #expect(RegistryCSVFormat.parseKeyGroups("") == [])
        #expect(RegistryCSVFormat.parseKeyGroups("poor_labour;astronauts") == nil)
        #expect(RegistryCSVFormat.parseKeyGroups("12") == nil, "not in the default catalogue")
    }

    @Test func booleans() {
        #expect(RegistryCSVFormat.parseBool("true") == true)
        #expect(RegistryCSVFormat.parseBool("是") == true)
        #expect(RegistryCSVFormat.parseBool("0") == false)
        #expect(RegistryCSVFormat.parseBool("") == false)
        #expect(RegistryCSVFormat.parseBool("maybe") == nil)
    }
}
