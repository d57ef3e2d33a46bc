/// What a registry office (or a county office, for its own county) records for a person.
public struct PersonRegistration: WireMessage, Hashable {
    /// 18-character resident ID number (GB 11643); lowercase x accepted.
    public var idNumber: String = ""
    public var name: String = ""
    /// Optional: when given, must agree with the ID number's 17th digit.
    public var gender: Gender = .unspecified
    /// GB/T 2260 code of the county of residence (one of Jincheng's six, or the development zone).
    public var residenceCounty: Int32 = 0
    public var category: LabourCategory = .unspecified
    public var keyGroups: [KeyEmploymentGroup] = []
    public var education: EducationLevel = .unspecified
    /// Occupation code (职业分类大典, e.g. 6-30-05-01) or name of current work.
    public var occupation: String = ""
    public var employment: EmploymentStatus = .unspecified
    /// Occupation the person wishes to be trained for.
    public var trainingWish: String = ""
    public var trainingMode: TrainingMode = .unspecified
    /// 11-digit mainland mobile number.
    public var phone: String = ""
    /// Rollout stage of the registration campaign (pilot counties and key groups come first).
    public var stage: Int32 = 0
    /// `yyyymmdd`; 0 means today.
    public var registeredOn: Int32 = 0

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "idNumber", &idNumber)
        try v.field(2, "name", &name)
        try v.field(3, "gender", &gender)
        try v.field(4, "residenceCounty", &residenceCounty)
        try v.field(5, "category", &category)
        try v.field(6, "keyGroups", &keyGroups)
        try v.field(7, "education", &education)
        try v.field(8, "occupation", &occupation)
        try v.field(9, "employment", &employment)
        try v.field(10, "trainingWish", &trainingWish)
        try v.field(11, "trainingMode", &trainingMode)
        try v.field(12, "phone", &phone)
        try v.field(13, "stage", &stage)
        try v.field(14, "registeredOn", &registeredOn)
    }
}

/// A person as the caller may see them: full personal data for roles that need it, masked
/// (`140524********123X`, `王*`, `138****5678`) for the others.
public struct PersonView: WireMessage, Hashable {
    public var cardNumber: String = ""
    public var idNumber: String = ""
    public var name: String = ""
    public var gender: Gender = .unspecified
    /// `yyyymmdd`; 0 in a masked view.
    public var birthDate: Int32 = 0
    /// Age today.
    public var age: Int32 = 0
    public var residenceCounty: Int32 = 0
    public var category: LabourCategory = .unspecified
    public var keyGroups: [KeyEmploymentGroup] = []
    public var education: EducationLevel = .unspecified
    public var occupation: String = ""
    public var employment: EmploymentStatus = .unspecified
    public var trainingWish: String = ""
    public var trainingMode: TrainingMode = .unspecified
    public var phone: String = ""
    public var stage: Int32 = 0
    public var status: RegistrationStatus = .unspecified
    public var registeredOn: Int32 = 0
    /// True when ID number, name and phone are masked.
    public var masked: Bool = false
    /// Increases with every change.
    public var version: Int64 = 0
    public var leavingReason: LeavingReason = .unspecified

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "cardNumber", &cardNumber)
        try v.field(2, "idNumber", &idNumber)
        try v.field(3, "name", &name)
        try v.field(4, "gender", &gender)
        try v.field(5, "birthDate", &birthDate)
        try v.field(6, "age", &age)
        try v.field(7, "residenceCounty", &residenceCounty)
        try v.field(8, "category", &category)
        try v.field(9, "keyGroups", &keyGroups)
        try v.field(10, "education", &education)
        try v.field(11, "occupation", &occupation)
        try v.field(12, "employment", &employment)
        try v.field(13, "trainingWish", &trainingWish)
        try v.field(14, "trainingMode", &trainingMode)
        try v.field(15, "phone", &phone)
        try v.field(16, "stage", &stage)
        try v.field(17, "status", &status)
        try v.field(18, "registeredOn", &registeredOn)
        try v.field(19, "masked", &masked)
        try v.field(20, "version", &version)
        try v.field(21, "leavingReason", &leavingReason)
    }
}

public struct RegisterPersonResponse: WireMessage, Hashable {
    public var cardNumber: String = ""
    public var person: PersonView = PersonView()
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "cardNumber", &cardNumber)
        try v.field(2, "person", &person)
    }
}

/// Finds a person by ID number or by card number (one of the two).
public struct PersonLookup: WireMessage, Hashable {
    public var idNumber: String = ""
    public var cardNumber: String = ""
    public init() {}
    public init(idNumber: String = "", cardNumber: String = "") {
        self.idNumber = idNumber
        self.cardNumber = cardNumber
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "idNumber", &idNumber)
        try v.field(2, "cardNumber", &cardNumber)
    }
}

/// Changes to a person's record; only the fields that are set change. Every change is kept
/// in the person's history.
public struct PersonUpdate: WireMessage, Hashable {
    public var person: PersonLookup = PersonLookup()
    public var phone: String?
    public var category: LabourCategory?
    public var education: EducationLevel?
    public var occupation: String?
    public var employment: EmploymentStatus?
    public var trainingWish: String?
    public var trainingMode: TrainingMode?
    public var stage: Int32?
    /// Replaces the key groups when `replaceKeyGroups` is true.
    public var keyGroups: [KeyEmploymentGroup] = []
    public var replaceKeyGroups: Bool = false
    public var reason: String = ""

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "person", &person)
        try v.field(2, "phone", &phone)
        try v.field(3, "category", &category)
        try v.field(4, "education", &education)
        try v.field(5, "occupation", &occupation)
        try v.field(6, "employment", &employment)
        try v.field(7, "trainingWish", &trainingWish)
        try v.field(8, "trainingMode", &trainingMode)
        try v.field(9, "stage", &stage)
        try v.field(10, "keyGroups", &keyGroups)
        try v.field(11, "replaceKeyGroups", &replaceKeyGroups)
        try v.field(12, "reason", &reason)
    }
}

/// An explicit state change: moving to another county, or leaving the labour force.
public struct StatusChange: WireMessage, Hashable {
    public var person: PersonLookup = PersonLookup()
    /// `.active` (with `newCounty`: a move within Jincheng), `.movedAway` (out of Jincheng)
    /// or `.leftLabourForce` (with `leavingReason`).
    public var status: RegistrationStatus = .unspecified
    public var newCounty: Int32 = 0
    public var leavingReason: LeavingReason = .unspecified
    public var reason: String = ""

    public init() {}

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "person", &person)
        try v.field(2, "status", &status)
        try v.field(3, "newCounty", &newCounty)
        try v.field(4, "leavingReason", &leavingReason)
        try v.field(5, "reason", &reason)
    }
}

/// One change to a person's record.
public struct HistoryEntry: WireMessage, Hashable {
    /// Milliseconds since 1970.
    public var at: Int64 = 0
    public var principal: String = ""
    public var requestID: String = ""
    public var field: String = ""
    public var oldValue: String = ""
    public var newValue: String = ""
    public var reason: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "at", &at)
        try v.field(2, "principal", &principal)
        try v.field(3, "requestID", &requestID)
        try v.field(4, "field", &field)
        try v.field(5, "oldValue", &oldValue)
        try v.field(6, "newValue", &newValue)
        try v.field(7, "reason", &reason)
    }
}

public struct PersonHistory: WireMessage, Hashable {
    public var cardNumber: String = ""
    public var entries: [HistoryEntry] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "cardNumber", &cardNumber)
        try v.field(2, "entries", &entries)
    }
}

/// What the training service learns about a trainee: enough to check eligibility, no name or phone.
public struct PersonVerification: WireMessage, Hashable {
    public var found: Bool = false
    public var cardNumber: String = ""
    public var category: LabourCategory = .unspecified
    public var keyGroups: [KeyEmploymentGroup] = []
    public var residenceCounty: Int32 = 0
    public var age: Int32 = 0
    public var status: RegistrationStatus = .unspecified
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "found", &found)
        try v.field(2, "cardNumber", &cardNumber)
        try v.field(3, "category", &category)
        try v.field(4, "keyGroups", &keyGroups)
        try v.field(5, "residenceCounty", &residenceCounty)
        try v.field(6, "age", &age)
        try v.field(7, "status", &status)
    }
}

/// Many look-ups in one call (`VerifyPersons`): a training provider's class list is checked in
/// one round trip, not one per trainee.
public struct PersonLookupBatch: WireMessage, Hashable {
    /// At most ``limit``.
    public var lookups: [PersonLookup] = []
    public static let limit = 1_000
    public init() {}
    public init(lookups: [PersonLookup]) { self.lookups = lookups }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "lookups", &lookups)
    }
}

/// One answer per look-up, in the same order.
public struct PersonVerificationBatch: WireMessage, Hashable {
    public var verifications: [PersonVerification] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "verifications", &verifications)
    }
}
