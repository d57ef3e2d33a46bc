import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

enum StudioRules {
    /// The plan's fifty studios by 2021.
    static let cityTarget: UInt32 = 50
    /// Enterprises of at least this staff count are large (the plan's "large enterprises").
    static let largeEnterpriseStaff: UInt32 = 300
    /// 技师 (level 2) or above.
    static let masterLevels: [SkillLevel] = [.level2, .level1]

    static func validate(_ request: Studio) throws(RuleViolation) -> Studio {
        var studio = request
        studio.code = request.code.trimmingWhitespace
        studio.name = request.name.trimmingWhitespace
        studio.masterName = request.masterName.trimmingWhitespace
        studio.hostCreditCode = request.hostCreditCode.trimmingWhitespace.uppercased()
        studio.industry = request.industry.trimmingWhitespace
        try CompetitionRules.requireCode(studio.code, field: "code")
        guard !studio.name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        do throws(IDNumberError) {
            studio.masterIDNumber = try ResidentIDNumber.parse(request.masterIDNumber).value
        } catch {
            throw RuleViolation(field: "master_id_number", reason: error.message)
        }
        guard !studio.masterName.isEmpty else { throw RuleViolation(field: "master_name", reason: Messages.Refusals.isEmpty) }
        if !studio.hostCreditCode.isEmpty {
            do throws(CreditCodeError) {
                _ = try UnifiedSocialCreditCode.parse(studio.hostCreditCode)
            } catch {
                throw RuleViolation(field: "host_credit_code", reason: error.message)
            }
        }
        try CountyScope.requireRecordCounty(studio.county)
        guard StudioLevel.known.contains(studio.level) else { throw RuleViolation(field: "level", reason: Messages.CompetitionRefusals.studioLevels) }
        guard CalendarDate(yyyymmdd: studio.establishedOn) != nil else {
            throw RuleViolation(field: "established_on", reason: Messages.Refusals.notADate(studio.establishedOn))
        }
        return studio
    }

    /// The master's highest level, when it is 技师 or above; the refusal otherwise.
    static func checkMaster(_ recognitions: PersonRecognitions) throws(RuleRefusal) -> SkillLevel {
        guard masterLevels.contains(where: { $0.rank <= recognitions.highestLevel.rank }) else {
            throw RuleRefusal(rule: RuleRefusal.studioMasterLevel,
                              reason: recognitions.highestLevel == .unspecified
                                  ? Messages.CompetitionRefusals.masterWithoutLevel
                                  : Messages.CompetitionRefusals.masterLevelTooLow(recognitions.highestLevel, chineseName: recognitions.highestLevel.chineseName))
        }
        return recognitions.highestLevel
    }

    static func validate(_ request: StudioYear) throws(RuleViolation) -> StudioYear {
        var year = request
        year.studioCode = request.studioCode.trimmingWhitespace
        try CompetitionRules.requireCode(year.studioCode, field: "studio_code")
        guard (2000...2100).contains(year.year) else { throw RuleViolation(field: "year", reason: Messages.Refusals.notAPlausibleYear(year.year)) }
        return year
    }
}
