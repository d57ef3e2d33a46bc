import JCSkillsProtocol

/// The demo's labour brands (劳务品牌, plan action 7): one per county except 沁水, which has
/// none, so the report's "counties lacking a brand" lists are never empty. 陵川 棋源叉车工 is
/// the plan's own example and climbs to national level; the others stop earlier, some after
/// the plan's deadlines (a city-level brand by 2020, a provincial one by 2021).
enum TrainingDemoBrands {
    static let all: [LabourBrand] = [
        make("LB-140524-QYCCG", "陵川 棋源叉车工", 140524, "6-30-05-01", [(.city, 2020), (.provincial, 2021), (.national, 2022)]),
        make("LB-140502-FCHG", "城区 凤城焊工", 140502, "6-18-02-04", [(.city, 2020), (.provincial, 2021)]),
        // Provincial only in 2022: late for the 2021 deadline.
        make("LB-140525-ZZJZ", "泽州 巧手家政", 140525, "4-10-01-06", [(.city, 2020), (.provincial, 2022)]),
        make("LB-140522-HCCS", "阳城 皇城厨师", 140522, "4-03-02-01", [(.city, 2020)]),
        // City level only in 2021: late for the 2020 deadline.
        make("LB-140581-CPHL", "高平 长平护理", 140581, "4-10-01-05", [(.city, 2021)]),
    ]

    /// The brand of a county, if it has one.
    static func brand(of county: Int32) -> LabourBrand? { all.first { $0.county == county } }

    private static func make(_ code: String, _ name: String, _ county: Int32, _ occupation: String,
                             _ levels: [(BrandLevel, Int32)]) -> LabourBrand {
        var brand = LabourBrand()
        brand.code = code
        brand.name = name
        brand.county = county
        brand.occupation = occupation
        brand.recognitions = levels.map { BrandRecognition(level: $0.0, year: $0.1) }
        return brand
    }
}
