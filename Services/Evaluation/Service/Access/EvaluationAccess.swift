import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// Who may do what in the evaluation service. Policies gate the methods; county offices are
/// further held to institutions of their own county in the handlers.
enum EvaluationAccess {
    /// The human-resources bureau's evaluation staff.
    static let office = "evaluation-office"
    static let auditor = "auditor"

    /// Registering institutions and changing their status.
    static let manageInstitutions = AccessPolicy.only(.role("admin"), .role(office), .anyCounty)
    /// Issuing certificates (holder data passes through); the competition service
    /// issues the certificates of winners' level promotions (docs/COMPETITIONS.md).
    static let issue = AccessPolicy.only(.role("admin"), .role(office), .service("competition"))
    /// Revoking: the evaluation staff only.
    static let revoke = AccessPolicy.only(.role("admin"), .role(office))
    /// A person's certificates (masked) and what they are recognised as: the evaluation
    /// staff, county offices and auditors, the training service for a person's lifelong
    /// record, and the competition service for a winner's level and a studio master's.
    static let readHolders = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role(auditor), .service("training"), .service("competition"))
    /// Institution records carry no personal data.
    static let readInstitutions = AccessPolicy.anyIdentified
    /// Anyone identified may check a certificate: the answer reveals only its state.
    static let verify = AccessPolicy.anyIdentified
    /// Aggregates carry no personal data; the gateway computes the city indicators from them.
    static let counts = AccessPolicy.only(
        .role("admin"), .role(office), .anyCounty, .role(auditor), .service("gateway"), .service("training"))

    /// County offices manage only their own county's institutions.
    static func requireCounty(_ principal: Principal, county: Int32) throws {
        if let own = principal.county, own != String(county) {
            throw RPCError(.permissionDenied, Messages.EvaluationRefusals.manageInstitutionsOfCounty(principal.identity, own: own, not: county))
        }
    }
}
