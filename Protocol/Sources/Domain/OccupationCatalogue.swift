/// The occupations a service works with: policy data that a deployment may replace (docs/DOMAIN.md §10).
///
/// ``default`` holds the occupations docs/DOMAIN.md §10 names: twelve verified against the 2022
/// classification and seven from a draft (``Occupation/verified`` = false).
public struct OccupationCatalogue: Hashable, Sendable {
    /// The occupations, in display order.
    public let occupations: [Occupation]

    /// A catalogue of the given occupations; nil when two share a code or a code is not
    /// well-formed (``Occupation/isWellFormedCode(_:)``).
    public init?(occupations: [Occupation]) {
        guard Set(occupations.map(\.code)).count == occupations.count,
              occupations.allSatisfy({ Occupation.isWellFormedCode($0.code) })
        else { return nil }
        self.occupations = occupations
    }

    /// The occupation with this code, or nil.
    public func occupation(code: String) -> Occupation? { occupations.first { $0.code == code } }

    /// The occupation with this Chinese name, or nil.
    public func occupation(named name: String) -> Occupation? { occupations.first { $0.chineseName == name } }

    public static let `default` = OccupationCatalogue(occupations: [
        Occupation(code: "6-18-02-04", chineseName: "焊工", englishName: "welder"),
        Occupation(code: "6-31-01-03", chineseName: "电工", englishName: "electrician"),
        Occupation(code: "6-18-02-01", chineseName: "铸造工", englishName: "founder"),
        Occupation(code: "6-18-01-01", chineseName: "车工", englishName: "lathe operator"),
        Occupation(code: "6-18-01-02", chineseName: "铣工", englishName: "milling operator"),
        Occupation(code: "6-20-01-01", chineseName: "钳工", englishName: "fitter"),
        // Forklift driving is a work type of this occupation.
        Occupation(code: "6-30-05-01", chineseName: "起重装卸机械操作工", englishName: "lifting and loading machinery operator"),
        Occupation(code: "6-30-05-05", chineseName: "挖掘铲运和桩工机械司机", englishName: "excavating, shovelling and piling machinery driver"),
        Occupation(code: "4-03-02-01", chineseName: "中式烹调师", englishName: "Chinese cook"),
        Occupation(code: "4-03-02-02", chineseName: "中式面点师", englishName: "Chinese pastry cook"),
        Occupation(code: "4-10-01-06", chineseName: "家政服务员", englishName: "domestic service worker", levels: [.level5, .level4, .level3, .level2]),
        Occupation(code: "4-12-01-01", chineseName: "汽车维修工", englishName: "car mechanic"),
        Occupation(code: "6-16-01-05", chineseName: "井下采矿工", englishName: "underground miner", verified: false),
        Occupation(code: "6-16-01-06", chineseName: "井下支护工", englishName: "underground support worker", verified: false),
        Occupation(code: "6-17-02-02", chineseName: "炼钢工", englishName: "steelmaker", verified: false),
        Occupation(code: "6-22-02-01", chineseName: "汽车装调工", englishName: "automobile assembly and adjustment worker", verified: false),
        Occupation(code: "6-25-01-13", chineseName: "印制电路制作工", englishName: "printed circuit maker", verified: false),
        Occupation(code: "4-02-07-08", chineseName: "快递员", englishName: "courier", verified: false),
        Occupation(code: "4-10-01-05", chineseName: "养老护理员", englishName: "elderly care worker", verified: false),
    ])!
}
