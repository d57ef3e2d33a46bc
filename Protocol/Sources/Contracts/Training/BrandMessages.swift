/// How far a labour brand has been recognised (plan, action 7): 市级, 省级, 国家级.
public typealias BrandLevel = RecognitionLevel

/// A level a brand reached, and the year.
public struct BrandRecognition: WireMessage, Hashable {
    public var level: BrandLevel = .unspecified
    public var year: Int32 = 0
    public init() {}
    public init(level: BrandLevel, year: Int32) {
        self.level = level
        self.year = year
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "level", &level)
        try v.field(2, "year", &year)
    }
}

/// A labour brand (劳务品牌), e.g. 陵川 棋源叉车工: registered again to record a level reached.
public struct LabourBrand: WireMessage, Hashable {
    /// The brand's code, referred to by courses (``Course/labourBrand``).
    public var code: String = ""
    public var name: String = ""
    public var county: Int32 = 0
    public var occupation: String = ""
    /// The levels reached, each with its year; a higher level no earlier than a lower one.
    public var recognitions: [BrandRecognition] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "code", &code)
        try v.field(2, "name", &name)
        try v.field(3, "county", &county)
        try v.field(4, "occupation", &occupation)
        try v.field(5, "recognitions", &recognitions)
    }
}

/// People a brand's courses trained in a year, and how many of them found a job.
public struct BrandYear: WireMessage, Hashable {
    public var year: Int32 = 0
    public var trained: UInt64 = 0
    public var placed: UInt64 = 0
    /// Yuan due for the year's courses of the brand (their passes × standard or tier).
    public var subsidyDue: UInt64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "year", &year)
        try v.field(2, "trained", &trained)
        try v.field(3, "placed", &placed)
        try v.field(4, "subsidyDue", &subsidyDue)
    }
}

public struct LabourBrandView: WireMessage, Hashable {
    public var brand: LabourBrand = LabourBrand()
    /// The highest level reached so far.
    public var level: BrandLevel = .unspecified
    public var years: [BrandYear] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "brand", &brand)
        try v.field(2, "level", &level)
        try v.field(3, "years", &years)
    }
}

public struct LabourBrandsRequest: WireMessage, Hashable {
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {}
}

/// Every brand, and the plan's two brand deadlines: the counties without a city-level brand by
/// the end of 2020, and without a provincial-level one by the end of 2021.
public struct LabourBrandReport: WireMessage, Hashable {
    public var brands: [LabourBrandView] = []
    public var countiesLackingCityBrand: [Int32] = []
    public var countiesLackingProvincialBrand: [Int32] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "brands", &brands)
        try v.field(2, "countiesLackingCityBrand", &countiesLackingCityBrand)
        try v.field(3, "countiesLackingProvincialBrand", &countiesLackingProvincialBrand)
    }
}
