import JCSkillsProtocol

/// A person's attributes that no query filters on, stored as one encoded column.
///
/// The import's cost was dominated by binding values one column at a time (SQLKit encodes each
/// bind through dynamic casts); 22 columns a row capped it near 12,000 rows/s. The attributes
/// the registry only ever reads back with the row travel in this wire-encoded blob instead,
/// and the columns left are the ones SQL needs: identity, look-up, county, status. The
/// aggregates never read it: they are kept in the counter tables.
struct PersonDetails: WireMessage, Hashable {
    var gender: Gender = .unspecified
    var category: LabourCategory = .unspecified
    var keyGroups: [KeyEmploymentGroup] = []
    var education: EducationLevel = .unspecified
    var occupation: String = ""
    var employment: EmploymentStatus = .unspecified
    var trainingWish: String = ""
    var trainingMode: TrainingMode = .unspecified
    var stage: Int32 = 0
    var leavingReason: LeavingReason = .unspecified
    var ageBand: Int32 = 0
    var registeredOn: Int32 = 0
    var legacyID: Bool = false

    init() {}

    mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "gender", &gender)
        try v.field(2, "category", &category)
        try v.field(3, "keyGroups", &keyGroups)
        try v.field(4, "education", &education)
        try v.field(5, "occupation", &occupation)
        try v.field(6, "employment", &employment)
        try v.field(7, "trainingWish", &trainingWish)
        try v.field(8, "trainingMode", &trainingMode)
        try v.field(9, "stage", &stage)
        try v.field(10, "leavingReason", &leavingReason)
        try v.field(11, "ageBand", &ageBand)
        try v.field(12, "registeredOn", &registeredOn)
        try v.field(13, "legacyID", &legacyID)
    }
}
