/// The four kinds of evaluation institution (plan, action 3).
public struct InstitutionType: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = InstitutionType(rawValue: 0)
    /// An employer's own evaluation body: only for enterprises with ≥ 300 staff (configurable),
    /// certifying only its own employees.
    public static let enterpriseBody = InstitutionType(rawValue: 1)
    /// A social training-evaluation organisation (社会培训评价组织).
    public static let socialOrganisation = InstitutionType(rawValue: 2)
    public static let vocationalCollege = InstitutionType(rawValue: 3)
    /// The city's skill-evaluation centre.
    public static let cityCentre = InstitutionType(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: InstitutionType, name: String)] {
        [
            (.unspecified, "unspecified"),
            (.enterpriseBody, "enterpriseBody"),
            (.socialOrganisation, "socialOrganisation"),
            (.vocationalCollege, "vocationalCollege"),
            (.cityCentre, "cityCentre"),
        ]
    }
    public static let known: [InstitutionType] = [.enterpriseBody, .socialOrganisation, .vocationalCollege, .cityCentre]
    public var description: String {
        switch self {
        case .enterpriseBody: "enterprise_body"
        case .socialOrganisation: "social_organisation"
        case .vocationalCollege: "vocational_college"
        case .cityCentre: "city_centre"
        default: "institution_type(\(rawValue))"
        }
    }
}

/// Whether an institution may issue. Suspension and revocation are states, never deletions.
public struct InstitutionStatus: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = InstitutionStatus(rawValue: 0)
    public static let active = InstitutionStatus(rawValue: 1)
    public static let suspended = InstitutionStatus(rawValue: 2)
    public static let revoked = InstitutionStatus(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: InstitutionStatus, name: String)] {
        [(.unspecified, "unspecified"), (.active, "active"), (.suspended, "suspended"), (.revoked, "revoked")]
    }
    public static let known: [InstitutionStatus] = [.active, .suspended, .revoked]
    public var description: String {
        switch self {
        case .active: "active"
        case .suspended: "suspended"
        case .revoked: "revoked"
        default: "institution_status(\(rawValue))"
        }
    }
}

/// A certificate's state on a date. Expiry is computed from the dates; revocation and
/// supersession are recorded states.
public struct CertificateState: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// Verification: no certificate with that number and holder name.
    public static let unknown = CertificateState(rawValue: 0)
    public static let valid = CertificateState(rawValue: 1)
    public static let expired = CertificateState(rawValue: 2)
    public static let revoked = CertificateState(rawValue: 3)
    /// Replaced by a higher level in the same occupation and kind for the same holder.
    public static let superseded = CertificateState(rawValue: 4)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: CertificateState, name: String)] {
        [(.unknown, "unknown"), (.valid, "valid"), (.expired, "expired"), (.revoked, "revoked"), (.superseded, "superseded")]
    }
    public var description: String {
        switch self {
        case .valid: "valid"
        case .expired: "expired"
        case .revoked: "revoked"
        case .superseded: "superseded"
        default: "unknown"
        }
    }
}
