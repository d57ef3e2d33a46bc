import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// Who may call the competition service's methods. Policies gate the methods; the handlers
/// hold county offices to their own county's competitions and studios, and judges to their
/// own events.
enum CompetitionAccess {
    /// The human-resources bureau's competition office (职业技能竞赛 staff).
    static let office = "competition-office"

    /// Registering competitions, events and studios; entering persons (the ID number passes
    /// through); closing events.
    static let manage = AccessPolicy.only(.role("admin"), .role(office), .anyCounty)
    /// Competitions, events and studios carry no personal data beyond masked names.
    static let read = AccessPolicy.anyIdentified
    /// Marks: judges only (``requireJudge(_:of:)`` then holds each to the events that list them).
    static let mark = AccessPolicy.only(.anyJudge)
    /// Results and awards show masked names: the offices, auditors and the events' judges.
    static let readResults = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role("auditor"), .anyJudge)
    /// Aggregates carry no personal data; the gateway computes the city indicators from them.
    static let readFigures = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role("auditor"), .service("gateway"))

    /// What a county office manages of its own county.
    enum Managed {
        case competitions, studios
    }

    /// County offices manage only competitions of their own county (county level) and their
    /// own county's studios.
    static func requireCounty(_ principal: Principal, county: Int32, what: Managed) throws {
        if let own = principal.county, own != String(county) {
            let word = what == .competitions ? Messages.CompetitionRefusals.competitions : Messages.CompetitionRefusals.studios
            throw RPCError(.permissionDenied, Messages.CompetitionRefusals.manageOfCounty(principal.identity, word, own: own, not: county))
        }
    }

    /// The judge code of the caller, who must be listed for `event`.
    static func requireJudge(_ principal: Principal, of event: Event) throws -> String {
        guard let judge = principal.judge, event.judges.contains(judge) else {
            throw RPCError(.permissionDenied, Messages.CompetitionRefusals.notAJudgeOf(principal.identity, event: event.code, competition: event.competitionCode))
        }
        return judge
    }
}
