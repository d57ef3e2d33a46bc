/// Jincheng's divisions: the city 晋城市 (140500), its six county-level divisions (GB/T 2260;
/// 140523 is unused) and the development zone as a management area.
///
/// The six counties are fixed by the standard and available statically. The Jincheng Economic
/// and Technological Development Zone (晋城经济技术开发区) has no standard code, so the project
/// defines one (``defaultDevelopmentZoneCode``, 140599: in the city's range, unused by GB/T
/// 2260, and recognisable as "not a county"). It is mapped to the county it lies in, by
/// default 泽州县 140525 — *unverified*, so both are configurable through
/// ``init(developmentZoneCode:developmentZoneCounty:)``.
public struct JinchengDivisions: Hashable, Sendable {
    /// 晋城市.
    public static let city = Division(code: 140500, chineseName: "晋城市", pinyin: "Jincheng", kind: .city)

    /// The six county-level divisions, in code order.
    public static let counties: [Division] = [
        Division(code: 140502, chineseName: "城区", pinyin: "Chengqu", kind: .county),
        Division(code: 140521, chineseName: "沁水县", pinyin: "Qinshui", kind: .county),
        Division(code: 140522, chineseName: "阳城县", pinyin: "Yangcheng", kind: .county),
        Division(code: 140524, chineseName: "陵川县", pinyin: "Lingchuan", kind: .county),
        Division(code: 140525, chineseName: "泽州县", pinyin: "Zezhou", kind: .county),
        Division(code: 140581, chineseName: "高平市", pinyin: "Gaoping", kind: .county),
    ]

    /// The six counties' codes, in code order.
    public static let countyCodes: [Int32] = counties.map(\.code)

    /// The project-defined code of the development zone unless configured otherwise.
    public static let defaultDevelopmentZoneCode: Int32 = 140599
    /// The county the development zone is taken to lie in unless configured otherwise:
    /// 泽州县 *(unverified)*.
    public static let defaultDevelopmentZoneCounty: Int32 = 140525

    /// The standard table: the development zone as 140599 within 泽州县.
    public static let standard = JinchengDivisions()

    /// The development zone as configured.
    public let developmentZone: Division

    /// Every division: the city, the six counties, then the development zone.
    public var all: [Division] { [Self.city] + Self.counties + [developmentZone] }

    /// A table with the development zone under another code or county.
    /// - Precondition: `developmentZoneCounty` is one of the six counties and
    ///   `developmentZoneCode` is not the city's or a county's code.
    public init(developmentZoneCode: Int32 = defaultDevelopmentZoneCode, developmentZoneCounty: Int32 = defaultDevelopmentZoneCounty) {
        precondition(Self.isJinchengCounty(developmentZoneCounty), "the development zone must lie in one of the six counties")
        precondition(developmentZoneCode != Self.city.code && !Self.isJinchengCounty(developmentZoneCode), "the development zone needs a code of its own")
        developmentZone = Division(
            code: developmentZoneCode, chineseName: "晋城经济技术开发区", pinyin: "Jincheng Development Zone",
            kind: .managementArea, territorialCounty: developmentZoneCounty
        )
    }

    /// The division with this code — city, county or the development zone — or nil.
    public func division(code: Int32) -> Division? {
        if code == developmentZone.code { return developmentZone }
        if code == Self.city.code { return Self.city }
        return Self.county(code: code)
    }

    /// The county a code stands for: a county's own code, or the development zone's host
    /// county; nil for the city and unknown codes. Use it to decide which county office may
    /// write a record.
    public func territorialCounty(of code: Int32) -> Int32? {
        division(code: code)?.territorialCounty
    }

    /// Whether a person's or enterprise's county field may hold `code`: one of the six
    /// counties or the development zone (not the city as a whole).
    public func isValidLocalCounty(_ code: Int32) -> Bool {
        territorialCounty(of: code) != nil
    }

    /// The county-level division with this code, or nil (also for 140523, which is unused).
    public static func county(code: Int32) -> Division? {
        counties.first { $0.code == code }
    }

    /// The codes of records that count in `county`: the county's own, and the development
    /// zone's when it lies there (a query for 泽州县's records is a query for both).
    public func recordCodes(countingIn county: Int32) -> [Int32] {
        developmentZone.territorialCounty == county ? [county, developmentZone.code] : [county]
    }

    /// The county a record of `code` counts in (docs/NUMBERS.md): `code` itself for a county,
    /// the host county for the development zone, `code` unchanged for anything else.
    public func countingCounty(of code: Int32) -> Int32 {
        code == developmentZone.code ? developmentZone.territorialCounty ?? code : code
    }

    /// Whether `code` is one of the six county-level divisions. False for the city (140500),
    /// the unused 140523 and the development zone.
    public static func isJinchengCounty(_ code: Int32) -> Bool {
        countyCodes.contains(code)
    }
}
