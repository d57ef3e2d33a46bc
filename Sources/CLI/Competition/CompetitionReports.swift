import Foundation
import JCSkillsDemoData
import JCSkillsProtocol

/// How the competition commands print competitions, events, entries, results, awards, studios
/// and counts. Marks as decimal marks (`87.25`), counties by name (``TrainingNames``).
enum CompetitionReports {
    typealias Names = TrainingNames

    static func marks(_ hundredths: UInt32) -> String { CompetitionCSVFormat.formatMarks(hundredths) }

    static func kindName(_ kind: CompetitionKind) -> String {
        CompetitionCSVFormat.kind.terms.first { $0.value == kind }.map { "\($0.chineseName) \($0.slug)" } ?? kind.description
    }

    static func groupName(_ group: ParticipantGroup) -> String {
        CompetitionCSVFormat.group.terms.first { $0.value == group }.map { "\($0.chineseName) \($0.slug)" } ?? group.description
    }

    static func awardRule(_ rule: AwardRule) -> String {
        var bounds: [String] = []
        if rule.topCount > 0 { bounds.append("the top \(rule.topCount)") }
        if rule.topSharePercent > 0 { bounds.append("the top \(rule.topSharePercent) %") }
        guard !bounds.isEmpty else { return "nobody is awarded" }
        var what: [String] = []
        if rule.namesTechnicalExperts { what.append("named 晋城技术能手") }
        if rule.promotesOneLevel { what.append("promoted one level by \(rule.institutionCode)") }
        return "\(bounds.joined(separator: " or ")) of each event (whichever fewer)\(what.isEmpty ? "" : ": " + what.joined(separator: ", "))"
    }

    static func competitionList(_ list: CompetitionList) -> String {
        var lines = ["\(list.competitions.count) competitions"]
        if !list.competitions.isEmpty {
            lines.append("  " + Names.pad("code", 18) + Names.pad("year", 6) + Names.pad("kind", 13) + Names.pad("level", 20) + "events  entries  name")
        }
        for view in list.competitions {
            let competition = view.competition
            let level = competition.level == .county ? "county \(Names.county(competition.county))" : competition.level.description
            lines.append("  " + Names.pad(competition.code, 18) + Names.pad(String(competition.year), 6) + Names.pad(competition.kind.description, 13)
                         + Names.pad(level, 20) + Names.right(String(view.events), 6) + "  " + Names.right(String(view.entries), 7) + "  " + competition.name)
        }
        return lines.joined(separator: "\n")
    }

    static func competition(_ view: CompetitionView) -> String {
        let competition = view.competition
        return """
            code        \(competition.code)
            name        \(competition.name)
            kind        \(kindName(competition.kind))
            year        \(competition.year)
            organiser   \(competition.organiser)
            level       \(competition.level)\(competition.county == 0 ? "" : ", \(Names.county(competition.county))")
            awards      \(awardRule(competition.awardRule))
            events      \(view.events), \(view.entries) entries
            """
    }

    static func eventList(_ list: EventList) -> String {
        var lines = ["\(list.events.count) events"]
        for view in list.events {
            let event = view.event
            let occupation = OccupationCatalogue.default.occupation(code: event.occupation).map { " \($0.chineseName)" } ?? ""
            lines.append("  \(Names.pad(event.code, 8)) \(Names.pad(view.state.description, 7)) \(Names.pad(event.name, 24)) \(event.occupation)\(occupation), \(groupName(event.group))")
            lines.append("      entries \(view.entries), fully marked \(view.fullyMarked), flagged \(view.flagged); judges \(event.judges.joined(separator: ", "))")
            lines.append("      scheme  " + scheme(event))
        }
        return lines.joined(separator: "\n")
    }

    static func scheme(_ event: Event) -> String {
        let bound = event.spreadBound == 0 ? "spread bound 20 % of each maximum" : "spread bound \(marks(event.spreadBound))"
        return event.criteria.map { "\($0.code) \($0.type) \(marks($0.maximum))\($0.description.isEmpty ? "" : " \($0.description)")" }
            .joined(separator: "; ") + " (\(bound))"
    }

    static func event(_ view: EventView) -> String {
        let event = view.event
        let occupation = OccupationCatalogue.default.occupation(code: event.occupation).map { " \($0.chineseName)" } ?? ""
        var lines = [
            "event        \(event.competitionCode)/\(event.code) \(event.name)",
            "occupation   \(event.occupation)\(occupation), \(groupName(event.group))",
            "state        \(view.state)",
            "entries      \(view.entries), \(view.fullyMarked) fully marked, \(view.flagged) judgement marks flagged for review",
            "judges       \(event.judges.joined(separator: ", "))",
            "scheme",
        ]
        for criterion in event.criteria {
            lines.append("  \(Names.pad(criterion.code, 6)) \(Names.pad(criterion.type.description, 12)) \(Names.right(marks(criterion.maximum), 6))  \(criterion.description)")
        }
        lines.append("spread bound \(event.spreadBound == 0 ? "20 % of each criterion's maximum" : marks(event.spreadBound))")
        return lines.joined(separator: "\n")
    }

    static func entry(_ view: EntryView) -> String {
        let school = view.school.isEmpty ? "" : ", \(view.school)"
        return """
            entered      \(view.number) in \(view.competitionCode)/\(view.eventCode) (\(groupName(view.group)))
            person       \(view.nameMasked), \(view.idMasked), \(Names.county(view.county))\(school)
            """
    }

    static func resultHeader(standardised: Bool) -> String {
        "  " + Names.right("rank", 4) + "  " + Names.pad("entry", 11) + Names.pad("name", 10) + Names.pad("county", 16)
            + Names.right("total", 7) + Names.right("meas.", 7) + (standardised ? Names.right("std", 6) : "") + "  unmarked flagged  awarded  school"
    }

    static func result(_ result: EventResult, standardised: Bool) -> String {
        "  " + Names.right(String(result.rank), 4) + "  " + Names.pad(result.entryNumber, 11) + Names.pad(result.nameMasked, 10)
            + Names.pad(Names.county(result.county), 16) + Names.right(marks(result.total), 7) + Names.right(marks(result.measurementTotal), 7)
            + (standardised ? Names.right(String(result.standardisedScore), 6) : "")
            + "  " + Names.right(result.unmarked == 0 ? "-" : String(result.unmarked), 8) + " " + Names.right(result.flagged == 0 ? "-" : String(result.flagged), 7)
            + "  " + Names.pad(result.awarded ? "yes" : "", 7) + "  " + result.school
    }

    static func awards(_ list: AwardList) -> String {
        var lines = ["\(list.awards.count) awards, \(list.awards.filter(\.technicalExpert).count) technical experts (晋城技术能手)"]
        if !list.awards.isEmpty {
            lines.append("  " + Names.pad("competition", 16) + Names.pad("entry", 11) + Names.right("rank", 4) + "  " + Names.pad("name", 10)
                         + Names.pad("county", 16) + Names.pad("expert", 8) + "promotion")
        }
        for award in list.awards {
            lines.append("  " + Names.pad(award.competitionCode, 16) + Names.pad(award.entryNumber, 11) + Names.right(String(award.rank), 4) + "  "
                         + Names.pad(award.nameMasked, 10) + Names.pad(Names.county(award.county), 16) + Names.pad(award.technicalExpert ? "yes" : "", 8)
                         + promotion(award))
        }
        return lines.joined(separator: "\n")
    }

    /// `issued 中级工 → 高级工, JCC2021…`, `pending (evaluation unreachable…)`, `refused: …`.
    static func promotion(_ award: Award) -> String {
        let step = "\(award.fromLevel == .unspecified ? "none" : Names.level(award.fromLevel)) → \(Names.level(award.toLevel))"
        switch award.promotion {
        case .issued: return "issued \(step), \(award.certificateNumber)"
        case .pending: return "pending \(award.toLevel == .unspecified ? "" : step)\(award.lastError.isEmpty ? "" : " (last try: \(award.lastError))")"
        case .atTopLevel: return "at the top level (高级技师): nothing to issue"
        case .refused: return "refused: \(award.lastError)"
        default: return "-"
        }
    }

    static func studios(_ report: StudioReport) -> String {
        var lines = ["\(report.cityTotal) skill-master studios (技能大师工作室); the plan's target \(report.cityTarget) by 2021"
                     + (report.cityTotal >= report.cityTarget ? ": met" : ": \(report.cityTarget - report.cityTotal) short")]
        for view in report.studios { lines += studio(view) }
        lines.append("counties without a studio (one or two each by the end of 2020): \(report.countiesWithout.isEmpty ? "none" : report.countiesWithout.map(Names.county).joined(separator: ", "))")
        if report.enterprisesKnown {
            lines.append("large enterprises (≥ 300 staff) hosting none: \(report.largeEnterprisesWithout.isEmpty ? "none" : "\(report.largeEnterprisesWithout.count): " + report.largeEnterprisesWithout.joined(separator: ", "))")
        } else {
            lines.append("large enterprises hosting none: unknown (the registry could not be asked in time)")
        }
        return lines.joined(separator: "\n")
    }

    /// A studio's lines: what, where, since when; its master; its years.
    static func studio(_ view: StudioView) -> [String] {
        let host = view.hostCreditCode.isEmpty ? "county-hosted" : "at \(view.hostCreditCode)"
        let level = CompetitionCSVFormat.studioLevel.terms.first { $0.value == view.level }?.chineseName ?? view.level.description
        var lines = [
            "  \(Names.pad(view.code, 10)) \(Names.pad(view.name, 28)) \(Names.pad(level, 8)) \(Names.pad(Names.county(view.county), 16)) \(Names.pad(view.industry, 16)) \(Names.date(view.establishedOn))",
            "      master \(view.masterNameMasked) \(view.masterIDMasked), \(Names.level(view.masterLevel)); \(host)",
        ]
        for year in view.years {
            lines.append("      \(year.year)  \(year.apprenticesMentored) apprentices mentored, \(year.problemsSolved) technical problems solved")
        }
        return lines
    }

    static func counts(_ counts: CompetitionCounts, county: Int32, year: Int32) -> String {
        let studioLine = county == 0
            ? "counties without a studio    \(counts.countiesWithoutStudio)"
            : "has a studio                 \(counts.countiesWithoutStudio == 0 ? "yes" : "no")"
        return """
            \(Names.county(county)), \(year == 0 ? "this year" : String(year))
              technical experts named    \(counts.technicalExperts)
              participants (persons)     \(counts.participants)
              promotions issued          \(counts.levelPromotions)
              promotions pending         \(counts.promotionsPending)
              master studios             \(counts.masterStudios)
              \(studioLine)
            """
    }
}
