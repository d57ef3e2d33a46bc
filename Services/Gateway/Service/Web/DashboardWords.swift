import JCSkillsMessages
import JCSkillsProtocol

/// The catalogue's words for what the page shows of an answer: a status, a plan's verdict, a
/// source service's name, a county's name. The protocol's own `description`s stay for logs.
enum DashboardWords {
    static func status(_ status: IndicatorStatus) -> Message {
        switch status {
        case .met: Messages.Totals.met
        case .onTrack: Messages.Totals.onTrack
        case .behind: Messages.Totals.behind
        case .noTarget: Messages.Totals.noTarget
        case .unavailable: Messages.Totals.unavailable
        default: Messages.Totals.unknownStatus(status.rawValue)
        }
    }

    static func verdict(_ verdict: PlanVerdict) -> Message {
        switch verdict {
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

    static func service(_ name: String, in language: Language) -> String {
        Messages.Dashboard.serviceNames[name]?.text(in: language) ?? name
    }

    static func county(_ code: Int32, in language: Language) -> String {
        guard let county = JinchengDivisions.county(code: code) else { return String(code) }
        return language == .zh ? county.chineseName : county.pinyin
    }

    static func indicatorName(_ indicator: IndicatorValue, in language: Language) -> String {
        language == .zh ? indicator.nameZh : indicator.nameEn
    }
}
