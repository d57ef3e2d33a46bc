import JCSkillsProtocol
import Testing

@Suite("Jincheng divisions")
struct DivisionTests {
    @Test func sixCounties() {
        #expect(JinchengDivisions.countyCodes == [140502, 140521, 140522, 140524, 140525, 140581])
        #expect(JinchengDivisions.county(code: 140524)?.chineseName == "陵川县")
        #expect(JinchengDivisions.county(code: 140581)?.pinyin == "Gaoping")
        #expect(JinchengDivisions.isJinchengCounty(140502))
        #expect(!JinchengDivisions.isJinchengCounty(140523), "140523 is unused")
        #expect(!JinchengDivisions.isJinchengCounty(140500), "the city is not a county")
        #expect(!JinchengDivisions.isJinchengCounty(140105))
        #expect(!JinchengDivisions.isJinchengCounty(JinchengDivisions.defaultDevelopmentZoneCode))
    }

    @Test func developmentZoneMapsToItsCounty() {
        let table = JinchengDivisions.standard
        #expect(table.developmentZone.code == 140599)
        #expect(table.developmentZone.kind == .managementArea)
        #expect(table.territorialCounty(of: 140599) == 140525)
        #expect(table.territorialCounty(of: 140524) == 140524)
        #expect(table.territorialCounty(of: 140500) == nil)
        #expect(table.territorialCounty(of: 140523) == nil)
        #expect(table.isValidLocalCounty(140599))
        #expect(!table.isValidLocalCounty(140500))
        #expect(table.division(code: 140500)?.kind == .city)
        #expect(table.all.count == 8)
    }

    @Test func developmentZoneIsConfigurable() {
        let table = JinchengDivisions(developmentZoneCode: 140571, developmentZoneCounty: 140502)
        #expect(table.territorialCounty(of: 140571) == 140502)
        #expect(table.division(code: 140599) == nil)
    }
}

@Suite("Key employment groups")
struct KeyGroupTests {
    @Test func tenAndOne() {
        #expect(KeyEmploymentGroup.nationalTen.count == 10)
        #expect(KeyEmploymentGroup.known.count == 11)
        #expect(Set(KeyEmploymentGroup.known.map(\.slug)).count == 11)
        #expect(Set(KeyEmploymentGroup.known.map(\.chineseName)).count == 11)
        #expect(KeyEmploymentGroup.poorLabour.chineseName == "贫困劳动力")
        #expect(KeyEmploymentGroup.hardToEmploy.rawValue == 11)
        #expect(!KeyEmploymentGroup.nationalTen.contains(.hardToEmploy))
    }

    @Test func slugsRoundTrip() {
        for group in KeyEmploymentGroup.known { #expect(KeyEmploymentGroup(slug: group.slug) == group) }
        let future = KeyEmploymentGroup(rawValue: 14)
        #expect(future.slug == "group_14")
        #expect(KeyEmploymentGroup(slug: "group_14") == future)
        #expect(KeyEmploymentGroup(slug: "nobody") == nil)
    }

    @Test func catalogueIsConfigurable() throws {
        let standard = KeyGroupCatalogue.default
        #expect(standard.groups == KeyEmploymentGroup.known)
        #expect(standard.group(named: "两后生") == .schoolLeavers)
        #expect(standard.group(named: "veterans") == .veterans)
        #expect(standard.firstUnrecognised(in: [.veterans, KeyEmploymentGroup(rawValue: 12)]) == KeyEmploymentGroup(rawValue: 12))
        #expect(standard.firstUnrecognised(in: []) == nil)

        let local = try #require(KeyGroupCatalogue(entries: standard.entries.filter { $0.group != .hardToEmploy } + [
            .init(group: KeyEmploymentGroup(rawValue: 12), chineseName: "棋源叉车工学员", slug: "qiyuan_trainees"),
        ]))
        #expect(local.contains(KeyEmploymentGroup(rawValue: 12)))
        #expect(!local.contains(.hardToEmploy))
        #expect(KeyGroupCatalogue(entries: [.init(group: .veterans, chineseName: "a", slug: "x"), .init(group: .disabled, chineseName: "b", slug: "x")]) == nil)
        #expect(KeyGroupCatalogue(entries: [.init(group: .unspecified, chineseName: "a", slug: "a")]) == nil)
    }
}
