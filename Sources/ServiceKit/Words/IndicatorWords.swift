import JCSkillsMessages
import JCSkillsProtocol

/// The catalogue's words for an indicator's status and a plan's verdict, the same in the
/// `jcskills totals` table and on the dashboard. The protocol's own `description`s stay as they
/// are, for logs and JSON.
extension IndicatorStatus {
    public var message: Message {
        switch self {
        case .met: Messages.Totals.met
        case .onTrack: Messages.Totals.onTrack
        case .behind: Messages.Totals.behind
        case .noTarget: Messages.Totals.noTarget
        case .unavailable: Messages.Totals.unavailable
        default: Messages.Totals.unknownStatus(rawValue)
        }
    }
}

extension PlanVerdict {
    public var message: Message {
        switch self {
        case .met: return Messages.Totals.alreadyMet
        case .deadlinePassed: return Messages.Totals.deadlinePassed
        case .rateUnknown: return Messages.Totals.rateUnknown
        case .onCourse: return Messages.Totals.onCourse
        case .tooSlow(let times):
            let tenths = Int((times * 10).rounded())
            return Messages.Totals.tooSlow(times: "\(tenths / 10).\(tenths % 10)")
        case .notMoving: return Messages.Totals.notMoving
        }
    }
}
