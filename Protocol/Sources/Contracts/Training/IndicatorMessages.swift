/// The training figures of a year, for the city or one county (docs/NUMBERS.md, "Training").
public struct TrainingIndicatorsRequest: WireMessage, Hashable {
    public var year: Int32 = 0
    /// 0: the city.
    public var county: Int32 = 0
    public init() {}
    public init(year: Int32, county: Int32 = 0) {
        self.year = year
        self.county = county
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "year", &year)
        try v.field(2, "county", &county)
    }
}

/// Person-times and what became of them. Rates are in basis points (9,500 = 95 %) of the
/// trainees with a result; 0 when none has one yet (`completed` says so).
public struct TrainingFigures: WireMessage, Hashable {
    /// Enrolments: person-times.
    public var enrolled: UInt64 = 0
    /// Trainees with a result reported.
    public var completed: UInt64 = 0
    public var passed: UInt64 = 0
    /// Trainees whose result records a job after training.
    public var employed: UInt64 = 0
    public var passRate: UInt32 = 0
    public var employmentRate: UInt32 = 0
    /// Yuan: trainees who passed × their course's subsidy standard.
    public var subsidyDue: UInt64 = 0
    /// Trainees with a result who obtained a certificate after the course.
    public var certified: UInt64 = 0
    public var certificateRate: UInt32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "enrolled", &enrolled)
        try v.field(2, "completed", &completed)
        try v.field(3, "passed", &passed)
        try v.field(4, "employed", &employed)
        try v.field(5, "passRate", &passRate)
        try v.field(6, "employmentRate", &employmentRate)
        try v.field(7, "subsidyDue", &subsidyDue)
        try v.field(8, "certified", &certified)
        try v.field(9, "certificateRate", &certificateRate)
    }
}

/// One line of the breakdown: the figures of one course, provider, programme or mode.
public struct TrainingFiguresLine: WireMessage, Hashable {
    /// `course`, `provider`, `programme` or `mode`.
    public var dimension: String = ""
    /// The course's code, the provider's credit code, the programme's name
    /// (`key_group_subsidised`…) or the mode's number.
    public var key: String = ""
    public var figures: TrainingFigures = TrainingFigures()
    /// Providers only: why the provider is flagged — `pass_rate` (under 95 %),
    /// `employment_rate` (under 30 %); empty when it is not, or has no results yet.
    public var flags: [String] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "dimension", &dimension)
        try v.field(2, "key", &key)
        try v.field(3, "figures", &figures)
        try v.field(4, "flags", &flags)
    }
}

public struct TrainingIndicators: WireMessage, Hashable {
    public var year: Int32 = 0
    public var county: Int32 = 0
    public var total: TrainingFigures = TrainingFigures()
    /// By course, provider, programme and mode, each in key order.
    public var lines: [TrainingFiguresLine] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "year", &year)
        try v.field(2, "county", &county)
        try v.field(3, "total", &total)
        try v.field(4, "lines", &lines)
    }
}

/// The training measures the gateway reads (`Counts`), for the city or one county on a date
/// (docs/NUMBERS.md, "Training on a date"). Asked with the evaluation service's
/// ``CountsRequest``: county (0: the city), as-of date (0: today), year (0: the as-of date's).
public struct TrainingCounts: WireMessage, Hashable {
    public var asOf: Int32 = 0
    public var year: Int32 = 0
    /// Person-times of the year's enterprise-employee upgrade courses, enrolled by the date.
    public var enterpriseTraining: UInt64 = 0
    /// Person-times of the year's free key-group courses, enrolled by the date.
    public var keyGroupTraining: UInt64 = 0
    /// Of those, the trainees whose course was completed by the date, the passes among them,
    /// those holding a certificate obtained after the course by the date, and those in a job
    /// by the date (none of it counting before the day of enrolment).
    public var keyGroupCompleted: UInt64 = 0
    public var keyGroupPassed: UInt64 = 0
    public var keyGroupCertified: UInt64 = 0
    public var keyGroupEmployed: UInt64 = 0
    /// Person-times since the plan began (courses starting in 2020 or later), enrolled by the
    /// date: every course prepares for one of the five certificates, so every person-time counts.
    public var trainedForCertificate: UInt64 = 0
    /// Labour brands recognised at city level or higher by the date's year.
    public var labourBrands: UInt64 = 0
    /// Counties (of the scope) with no brand at city level or higher reached in the date's
    /// year or before; likewise provincial level.
    public var countiesLackingCityBrand: [Int32] = []
    public var countiesLackingProvincialBrand: [Int32] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "asOf", &asOf)
        try v.field(2, "year", &year)
        try v.field(3, "enterpriseTraining", &enterpriseTraining)
        try v.field(4, "keyGroupTraining", &keyGroupTraining)
        try v.field(5, "keyGroupCompleted", &keyGroupCompleted)
        try v.field(6, "keyGroupPassed", &keyGroupPassed)
        try v.field(7, "keyGroupCertified", &keyGroupCertified)
        try v.field(8, "keyGroupEmployed", &keyGroupEmployed)
        try v.field(9, "trainedForCertificate", &trainedForCertificate)
        try v.field(10, "labourBrands", &labourBrands)
        try v.field(11, "countiesLackingCityBrand", &countiesLackingCityBrand)
        try v.field(12, "countiesLackingProvincialBrand", &countiesLackingProvincialBrand)
    }
}

/// The answers of the training service's `BatchCounts`, one per question, in their order.
public struct TrainingCountsAnswers: WireMessage, Hashable {
    public var answers: [TrainingCounts] = []
    public init() {}
    public init(answers: [TrainingCounts]) { self.answers = answers }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "answers", &answers)
    }
}
