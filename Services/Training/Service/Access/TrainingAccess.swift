import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// Who may call the training service's methods. Policies gate the methods; county offices are
/// further held to their own county's courses in the handlers.
enum TrainingAccess {
    /// The human-resources bureau's vocational training office (职业能力建设科).
    static let office = "training-office"

    /// Registering and updating courses; enrolling persons (the ID number passes through).
    static let manage = AccessPolicy.only(.role("admin"), .role(office), .anyCounty)
    /// Courses carry no personal data.
    static let readCourses = AccessPolicy.anyIdentified
    /// A person's lifelong record, in full: the training office and auditors (county offices
    /// see their own county's courses through `ListCourses`, not persons' records).
    static let readRecords = AccessPolicy.only(.role("admin"), .role(office), .role("auditor"))
    /// Aggregates carry no personal data; the gateway computes the city indicators from them.
    static let readFigures = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role("auditor"), .service("gateway"))

    /// County offices manage only their own county's courses.
    static func requireCounty(_ principal: Principal, county: Int32) throws {
        if let own = principal.county, own != String(county) {
            throw RPCError(.permissionDenied, Messages.TrainingRefusals.manageCoursesOfCounty(principal.identity, own: own, not: county))
        }
    }
}
