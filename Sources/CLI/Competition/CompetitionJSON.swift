import Foundation
import JCSkillsDemoData
import JCSkillsProtocol

/// The competition commands' `--json`: the answers with the protocol's field names (snake
/// case), dates as ISO text, enums by their CSV slugs, and marks as decimal text ("12.50") —
/// what a person reads and types — rather than the hundredths the wire carries.
enum CompetitionJSON {
    static func render(_ object: [String: Any]) -> String { TrainingJSON.render(object) }

    static func marks(_ hundredths: UInt32) -> String { CompetitionCSVFormat.formatMarks(hundredths) }

    static func competition(_ view: CompetitionView) -> [String: Any] {
        var object = competition(view.competition)
        object["events"] = view.events
        object["entries"] = view.entries
        return object
    }

    static func competition(_ competition: Competition) -> [String: Any] {
        let rule = competition.awardRule
        return [
            "code": competition.code, "name": competition.name, "kind": CompetitionCSVFormat.kind.text(for: competition.kind),
            "year": competition.year, "organiser": competition.organiser, "level": CompetitionCSVFormat.level.text(for: competition.level),
            "county": competition.county,
            "award_rule": [
                "top_count": rule.topCount, "top_share_percent": rule.topSharePercent,
                "names_technical_experts": rule.namesTechnicalExperts, "promotes_one_level": rule.promotesOneLevel,
                "institution_code": rule.institutionCode,
            ] as [String: Any],
        ]
    }

    static func event(_ view: EventView) -> [String: Any] {
        let event = view.event
        return [
            "competition_code": event.competitionCode, "code": event.code, "name": event.name, "occupation": event.occupation,
            "group": CompetitionCSVFormat.group.text(for: event.group),
            "criteria": event.criteria.map { criterion -> [String: Any] in
                ["code": criterion.code, "description": criterion.description,
                 "type": CompetitionCSVFormat.criterionType.text(for: criterion.type), "maximum": marks(criterion.maximum)]
            },
            "judges": event.judges, "spread_bound": event.spreadBound == 0 ? NSNull() : marks(event.spreadBound) as Any,
            "state": view.state.description, "entries": view.entries, "fully_marked": view.fullyMarked, "flagged": view.flagged,
        ]
    }

    static func entry(_ view: EntryView) -> [String: Any] {
        [
            "number": view.number, "competition_code": view.competitionCode, "event_code": view.eventCode, "id_masked": view.idMasked,
            "name_masked": view.nameMasked, "group": CompetitionCSVFormat.group.text(for: view.group), "school": view.school, "county": view.county,
        ]
    }

    static func result(_ result: EventResult, standardised: Bool) -> [String: Any] {
        [
            "rank": result.rank, "entry_number": result.entryNumber, "name_masked": result.nameMasked, "county": result.county,
            "school": result.school, "total": marks(result.total), "measurement_total": marks(result.measurementTotal),
            "standardised_score": standardised ? result.standardisedScore as Any : NSNull(), "unmarked": result.unmarked,
            "flagged": result.flagged, "awarded": result.awarded,
        ]
    }

    static func award(_ award: Award) -> [String: Any] {
        [
            "competition_code": award.competitionCode, "event_code": award.eventCode, "entry_number": award.entryNumber,
            "name_masked": award.nameMasked, "county": award.county, "rank": award.rank, "year": award.year,
            "technical_expert": award.technicalExpert, "promotion": award.promotion.description,
            "from_level": award.fromLevel == .unspecified ? NSNull() : award.fromLevel.rawValue as Any,
            "to_level": award.toLevel == .unspecified ? NSNull() : award.toLevel.rawValue as Any,
            "certificate_number": award.certificateNumber, "last_error": award.lastError,
        ]
    }

    static func studio(_ view: StudioView) -> [String: Any] {
        [
            "code": view.code, "name": view.name, "master_id_masked": view.masterIDMasked, "master_name_masked": view.masterNameMasked,
            "master_level": view.masterLevel == .unspecified ? NSNull() : view.masterLevel.rawValue as Any,
            "host_credit_code": view.hostCreditCode, "county": view.county, "industry": view.industry,
            "level": CompetitionCSVFormat.studioLevel.text(for: view.level), "established_on": TrainingJSON.date(view.establishedOn),
            "years": view.years.map { ["year": $0.year, "apprentices_mentored": $0.apprenticesMentored, "problems_solved": $0.problemsSolved] as [String: Any] },
        ]
    }

    static func studios(_ report: StudioReport) -> [String: Any] {
        [
            "studios": report.studios.map(studio), "counties_without": report.countiesWithout,
            "large_enterprises_without": report.enterprisesKnown ? report.largeEnterprisesWithout as Any : NSNull(),
            "enterprises_known": report.enterprisesKnown, "city_total": report.cityTotal, "city_target": report.cityTarget,
        ]
    }

    static func counts(_ counts: CompetitionCounts) -> [String: Any] {
        [
            "technical_experts": counts.technicalExperts, "participants": counts.participants, "level_promotions": counts.levelPromotions,
            "promotions_pending": counts.promotionsPending, "master_studios": counts.masterStudios,
            "counties_without_studio": counts.countiesWithoutStudio,
        ]
    }
}
