import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// The rules of the competition service, by the names their refusals start with
/// (FAILED_PRECONDITION; docs/COMPETITIONS.md).
extension RuleRefusal {
    /// Workers must hold an active registry card.
    static let registeredWorker = "registered_worker"
    /// Marks are taken only while the event is open.
    static let eventOpen = "event_open"
    /// A judgement criterion takes three judges' scores, no more.
    static let threeJudges = "three_judges"
    /// An event's scheme is fixed once it has marks.
    static let schemeFixed = "scheme_fixed"
    /// A studio's master holds a valid 技师 or 高级技师 certificate.
    static let studioMasterLevel = "studio_master_level"
}

/// Validation of competitions and events as registered: pure, no I/O.
enum CompetitionRules {
    static func validate(_ request: Competition) throws(RuleViolation) -> Competition {
        var competition = request
        competition.code = request.code.trimmingWhitespace
        competition.name = request.name.trimmingWhitespace
        competition.organiser = request.organiser.trimmingWhitespace
        competition.awardRule.institutionCode = request.awardRule.institutionCode.trimmingWhitespace
        try requireCode(competition.code, field: "code")
        guard !competition.name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        guard CompetitionKind.known.contains(competition.kind) else { throw RuleViolation(field: "kind", reason: Messages.CompetitionRefusals.unknownKind) }
        guard CompetitionLevel.known.contains(competition.level) else { throw RuleViolation(field: "level", reason: Messages.CompetitionRefusals.unknownLevel) }
        guard (2000...2100).contains(competition.year) else {
            throw RuleViolation(field: "year", reason: Messages.Refusals.notAPlausibleYear(competition.year))
        }
        // A county competition names its county; any other may name one.
        if competition.level == .county || competition.county != 0 {
            try CountyScope.requireRecordCounty(competition.county)
        }
        let rule = competition.awardRule
        guard rule.topSharePercent <= 100 else {
            throw RuleViolation(field: "award_rule.top_share_percent", reason: Messages.CompetitionRefusals.shareAbove100(rule.topSharePercent))
        }
        if rule.promotesOneLevel, rule.institutionCode.isEmpty {
            throw RuleViolation(field: "award_rule.institution_code", reason: Messages.CompetitionRefusals.promotionNamesInstitution)
        }
        return competition
    }

    static func validate(_ request: Event) throws(RuleViolation) -> Event {
        var event = request
        event.competitionCode = request.competitionCode.trimmingWhitespace
        event.code = request.code.trimmingWhitespace
        event.name = request.name.trimmingWhitespace
        event.occupation = request.occupation.trimmingWhitespace
        event.judges = request.judges.map(\.trimmingWhitespace)
        try requireCode(event.code, field: "code")
        guard !event.name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        guard !event.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: Messages.Refusals.isEmpty) }
        guard ParticipantGroup.known.contains(event.group) else { throw RuleViolation(field: "group", reason: Messages.CompetitionRefusals.groups) }
        guard !event.criteria.isEmpty else { throw RuleViolation(field: "criteria", reason: Messages.CompetitionRefusals.needsCriterion) }
        var codes = Set<String>()
        var sum: UInt64 = 0
        for (index, criterion) in event.criteria.enumerated() {
            let field = "criteria[\(index)]"
            event.criteria[index].code = criterion.code.trimmingWhitespace
            try requireCode(event.criteria[index].code, field: field + ".code")
            guard codes.insert(event.criteria[index].code).inserted else {
                throw RuleViolation(field: field + ".code", reason: Messages.CompetitionRefusals.appearsTwice(criterion.code))
            }
            guard CriterionType.known.contains(criterion.type) else {
                throw RuleViolation(field: field + ".type", reason: Messages.CompetitionRefusals.criterionTypes)
            }
            guard criterion.maximum > 0 else { throw RuleViolation(field: field + ".maximum", reason: Messages.CompetitionRefusals.isZero) }
            sum += UInt64(criterion.maximum)
        }
        guard sum == UInt64(MarkRules.fullMarks) else {
            throw RuleViolation(field: "criteria", reason: Messages.CompetitionRefusals.maximaSum(MarkRules.format(sum)))
        }
        for (index, judge) in event.judges.enumerated() {
            guard Principal.isJudgeCode(Substring(judge)) else {
                throw RuleViolation(field: "judges[\(index)]", reason: Messages.CompetitionRefusals.notAJudgeCode(judge))
            }
        }
        guard Set(event.judges).count == event.judges.count else { throw RuleViolation(field: "judges", reason: Messages.CompetitionRefusals.judgeTwice) }
        if event.criteria.contains(where: { $0.type == .judgement }), event.judges.count < MarkRules.judgesPerJudgement {
            throw RuleViolation(field: "judges", reason: Messages.CompetitionRefusals.tooFewJudges(MarkRules.judgesPerJudgement, listed: event.judges.count))
        }
        if event.judges.isEmpty { throw RuleViolation(field: "judges", reason: Messages.CompetitionRefusals.needsJudge) }
        return event
    }

    /// A code: 1–32 letters, digits, `-`, `_`, `.`.
    static func requireCode(_ code: String, field: String) throws(RuleViolation) {
        guard !code.isEmpty else { throw RuleViolation(field: field, reason: Messages.Refusals.isEmpty) }
        guard code.utf8.count <= 32, code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
            throw RuleViolation(field: field, reason: Messages.CompetitionRefusals.notACode(code))
        }
    }
}
