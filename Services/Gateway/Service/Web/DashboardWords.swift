import JCSkillsMessages
import JCSkillsProtocol

/// The catalogue's words for what the page shows of an answer beyond a status and a verdict
/// (`IndicatorStatus.message`, `PlanVerdict.message` in JCSkillsServiceKit): a source service's
/// name, a county's name. The protocol's own `description`s stay for logs.
enum DashboardWords {
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
