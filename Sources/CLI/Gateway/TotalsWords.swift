import JCSkillsMessages
import JCSkillsProtocol

/// The catalogue's words for what the gateway answers: a status, a plan's verdict and rates.
/// The protocol's own `description`s stay as they are, for logs and JSON.
extension IndicatorStatus {
    var message: Message {
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
    var message: Message {
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

extension IndicatorValue {
    /// The needed change per month as a bare signed number; a dash after the deadline.
    var neededText: String {
        deadlinePassed ? Messages.Totals.dash.text() : Self.formatRate(neededPerMonth, unit: unit)
    }

    /// The current change per month as a bare signed number; a dash when unknown.
    var currentText: String {
        hasCurrent ? Self.formatRate(currentPerMonth, unit: unit) : Messages.Totals.dash.text()
    }

    /// `2024年3月` / `2024-03`; a dash when there is none (the verdict says why).
    var reachedText: String {
        guard let (year, month) = reachedYearMonth else { return Messages.Totals.dash.text() }
        return Messages.Totals.month(year: year, month: month).text()
    }
}
