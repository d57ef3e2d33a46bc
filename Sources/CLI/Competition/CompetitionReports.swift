import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// How the competition commands print competitions, events, entries, results, awards, studios
/// and counts. Marks as decimal marks (`87.25`), counties by name (``TrainingNames``).
enum CompetitionReports {
    typealias Names = TrainingNames
    typealias Words = Messages.Competition

    static func marks(_ hundredths: UInt32) -> String { CompetitionCSVFormat.formatMarks(hundredths) }

    static func kindName(_ kind: CompetitionKind) -> String {
        CompetitionCSVFormat.kind.terms.first { $0.value == kind }.map { Language.current == .zh ? $0.chineseName : "\($0.chineseName) \($0.slug)" } ?? kind.description
    }

    static func groupName(_ group: ParticipantGroup) -> String {
        CompetitionCSVFormat.group.terms.first { $0.value == group }.map { Language.current == .zh ? $0.chineseName : "\($0.chineseName) \($0.slug)" } ?? group.description
    }

    static func awardRule(_ rule: AwardRule) -> String {
        var bounds: [Message] = []
        if rule.topCount > 0 { bounds.append(Words.topCount(UInt32(rule.topCount))) }
        if rule.topSharePercent > 0 { bounds.append(Words.topShare(UInt32(rule.topSharePercent))) }
        guard !bounds.isEmpty else { return Words.nobodyAwarded.text() }
        var what: [Message] = []
        if rule.namesTechnicalExperts { what.append(Words.namedExperts) }
        if rule.promotesOneLevel { what.append(Words.promotedBy(rule.institutionCode)) }
        return Words.awardRule(bounds: bounds, what: what).text()
    }

    static func competitionList(_ list: CompetitionList) -> String {
        var lines = [Words.competitionCount(list.competitions.count).text()]
        if !list.competitions.isEmpty {
            lines.append("  " + Names.pad(Words.code.text(), 18) + Names.pad(Words.year.text(), 6) + Names.pad(Words.kind.text(), 13) + Names.pad(Words.level.text(), 20)
                         + Names.right(Words.eventsColumn.text(), 6) + "  " + Names.right(Words.entriesColumn.text(), 7) + "  " + Words.name.text())
        }
        for view in list.competitions {
            let competition = view.competition
            let level = competition.level == .county ? Words.countyLevel(Names.county(competition.county)).text()
                : Vocabulary.word(CompetitionCSVFormat.level, competition.level)
            lines.append("  " + Names.pad(competition.code, 18) + Names.pad(String(competition.year), 6)
                         + Names.pad(Vocabulary.word(CompetitionCSVFormat.kind, competition.kind), 13)
                         + Names.pad(level, 20) + Names.right(String(view.events), 6) + "  " + Names.right(String(view.entries), 7) + "  " + competition.name)
        }
        return lines.joined(separator: "\n")
    }

    static func competition(_ view: CompetitionView) -> String {
        let competition = view.competition
        return LabelledLines.render([
            (Words.code, competition.code),
            (Words.name, competition.name),
            (Words.kind, kindName(competition.kind)),
            (Words.year, String(competition.year)),
            (Words.organiser, competition.organiser),
            (Words.level, Vocabulary.word(CompetitionCSVFormat.level, competition.level) + (competition.county == 0 ? "" : ", \(Names.county(competition.county))")),
            (Words.awards, awardRule(competition.awardRule)),
            (Words.events, Words.eventsAndEntries(UInt32(view.events), entries: UInt64(view.entries)).text()),
        ])
    }

    static func eventList(_ list: EventList) -> String {
        var lines = [Words.eventCount(list.events.count).text()]
        for view in list.events {
            let event = view.event
            let occupation = OccupationCatalogue.default.occupation(code: event.occupation).map { " \($0.chineseName)" } ?? ""
            lines.append("  \(Names.pad(event.code, 8)) \(Names.pad(Words.eventState(view.state.description), 7)) \(Names.pad(event.name, 24)) \(event.occupation)\(occupation), \(groupName(event.group))")
            lines.append(Words.eventFigures(entries: UInt64(view.entries), fullyMarked: UInt64(view.fullyMarked), flagged: UInt64(view.flagged),
                                            judges: event.judges.joined(separator: ", ")).text())
            lines.append(Words.schemeIndent.text() + scheme(event))
        }
        return lines.joined(separator: "\n")
    }

    static func scheme(_ event: Event) -> String {
        let bound = event.spreadBound == 0 ? Words.defaultSpreadBound.text() : Words.spreadBound(marks(event.spreadBound)).text()
        return event.criteria.map { "\($0.code) \(Vocabulary.word(CompetitionCSVFormat.criterionType, $0.type)) \(marks($0.maximum))\($0.description.isEmpty ? "" : " \($0.description)")" }
            .joined(separator: "; ") + " (\(bound))"
    }

    static func event(_ view: EventView) -> String {
        let event = view.event
        let occupation = OccupationCatalogue.default.occupation(code: event.occupation).map { " \($0.chineseName)" } ?? ""
        var lines = [LabelledLines.render([
            (Words.event, "\(event.competitionCode)/\(event.code) \(event.name)"),
            (Words.occupation, "\(event.occupation)\(occupation), \(groupName(event.group))"),
            (Words.state, Words.eventState(view.state.description)),
            (Words.entries, Words.entryFigures(entries: UInt64(view.entries), fullyMarked: UInt64(view.fullyMarked), flagged: UInt64(view.flagged)).text()),
            (Words.judges, event.judges.joined(separator: ", ")),
        ]), Words.scheme.text()]
        for criterion in event.criteria {
            lines.append("  \(Names.pad(criterion.code, 6)) \(Names.pad(Vocabulary.word(CompetitionCSVFormat.criterionType, criterion.type), 12)) \(Names.right(marks(criterion.maximum), 6))  \(criterion.description)")
        }
        lines.append(Words.spreadBoundLine(event.spreadBound == 0 ? nil : marks(event.spreadBound)).text())
        return lines.joined(separator: "\n")
    }

    static func entry(_ view: EntryView) -> String {
        let school = view.school.isEmpty ? "" : ", \(view.school)"
        return LabelledLines.render([
            (Words.entered, Words.enteredIn(view.number, event: "\(view.competitionCode)/\(view.eventCode)", group: groupName(view.group)).text()),
            (Words.person, "\(view.nameMasked), \(view.idMasked), \(Names.county(view.county))\(school)"),
        ])
    }

    static func resultHeader(standardised: Bool) -> String {
        let c = Words.resultColumns.map { $0.text() }
        return "  " + Names.right(c[0], 4) + "  " + Names.pad(c[1], 11) + Names.pad(c[2], 10) + Names.pad(c[3], 16)
            + Names.right(c[4], 7) + Names.right(c[5], 7) + (standardised ? Names.right(c[6], 6) : "")
            + "  " + Names.right(c[7], 8) + " " + Names.right(c[8], 7) + "  " + Names.pad(c[9], 7) + "  " + c[10]
    }

    static func result(_ result: EventResult, standardised: Bool) -> String {
        "  " + Names.right(String(result.rank), 4) + "  " + Names.pad(result.entryNumber, 11) + Names.pad(result.nameMasked, 10)
            + Names.pad(Names.county(result.county), 16) + Names.right(marks(result.total), 7) + Names.right(marks(result.measurementTotal), 7)
            + (standardised ? Names.right(String(result.standardisedScore), 6) : "")
            + "  " + Names.right(result.unmarked == 0 ? "-" : String(result.unmarked), 8) + " " + Names.right(result.flagged == 0 ? "-" : String(result.flagged), 7)
            + "  " + Names.pad(result.awarded ? Messages.Common.yes.text() : "", 7) + "  " + result.school
    }

    static func awards(_ list: AwardList) -> String {
        var lines = [Words.awardCount(list.awards.count, experts: list.awards.filter(\.technicalExpert).count).text()]
        if !list.awards.isEmpty {
            let c = Words.awardColumns.map { $0.text() }
            lines.append("  " + Names.pad(c[0], 16) + Names.pad(c[1], 11) + Names.right(c[2], 4) + "  " + Names.pad(c[3], 10)
                         + Names.pad(c[4], 16) + Names.pad(c[5], 8) + c[6])
        }
        for award in list.awards {
            lines.append("  " + Names.pad(award.competitionCode, 16) + Names.pad(award.entryNumber, 11) + Names.right(String(award.rank), 4) + "  "
                         + Names.pad(award.nameMasked, 10) + Names.pad(Names.county(award.county), 16) + Names.pad(award.technicalExpert ? Messages.Common.yes.text() : "", 8)
                         + promotion(award))
        }
        return lines.joined(separator: "\n")
    }

    /// `issued 中级工 → 高级工, JCC2021…`, `pending (evaluation unreachable…)`, `refused: …`.
    static func promotion(_ award: Award) -> String {
        let step = "\(award.fromLevel == .unspecified ? Words.none.text() : Names.level(award.fromLevel)) → \(Names.level(award.toLevel))"
        switch award.promotion {
        case .issued: return Words.promotionIssued(step, certificate: award.certificateNumber).text()
        case .pending: return Words.promotionPending(award.toLevel == .unspecified ? "" : step, lastError: award.lastError).text()
        case .atTopLevel: return Words.atTopLevel.text()
        case .refused: return Words.promotionRefused(award.lastError).text()
        default: return "-"
        }
    }

    static func studios(_ report: StudioReport) -> String {
        var lines = [Words.studioTotal(UInt32(report.cityTotal), target: UInt32(report.cityTarget)).text()
                     + (report.cityTotal >= report.cityTarget ? Words.met.text() : Words.short(UInt32(report.cityTarget - report.cityTotal)).text())]
        for view in report.studios { lines += studio(view) }
        lines.append(Words.countiesWithoutStudio(report.countiesWithout.isEmpty ? Words.none.text() : report.countiesWithout.map(Names.county).joined(separator: ", ")).text())
        if report.enterprisesKnown {
            lines.append(Words.largeWithout(report.largeEnterprisesWithout.isEmpty ? Words.none.text()
                                            : "\(report.largeEnterprisesWithout.count): " + report.largeEnterprisesWithout.joined(separator: ", ")).text())
        } else {
            lines.append(Words.largeWithoutUnknown.text())
        }
        return lines.joined(separator: "\n")
    }

    /// A studio's lines: what, where, since when; its master; its years.
    static func studio(_ view: StudioView) -> [String] {
        let host = view.hostCreditCode.isEmpty ? Words.countyHosted.text() : Words.hostedAt(view.hostCreditCode).text()
        let level = CompetitionCSVFormat.studioLevel.terms.first { $0.value == view.level }?.chineseName ?? view.level.description
        var lines = [
            "  \(Names.pad(view.code, 10)) \(Names.pad(view.name, 28)) \(Names.pad(level, 8)) \(Names.pad(Names.county(view.county), 16)) \(Names.pad(view.industry, 16)) \(Names.date(view.establishedOn))",
            Words.master(view.masterNameMasked, id: view.masterIDMasked, level: Names.level(view.masterLevel), host: host).text(),
        ]
        for year in view.years {
            lines.append(Words.studioYear(year.year, apprentices: UInt32(year.apprenticesMentored), problems: UInt32(year.problemsSolved)).text())
        }
        return lines
    }

    static func counts(_ counts: CompetitionCounts, county: Int32, year: Int32) -> String {
        let studioRow = county == 0
            ? (Words.countiesWithoutStudioRow, String(counts.countiesWithoutStudio))
            : (Words.hasStudioRow, (counts.countiesWithoutStudio == 0 ? Messages.Common.yes : Messages.Common.no).text())
        let values = [counts.technicalExperts, counts.participants, counts.levelPromotions, counts.promotionsPending, counts.masterStudios].map { String($0) }
        let rows = Array(zip(Words.countsRows, values)) + [studioRow]
        return Names.county(county) + Messages.Common.separator.text() + (year == 0 ? Words.thisYear.text() : String(year)) + "\n"
            + LabelledLines.render(rows).split(separator: "\n").map { "  \($0)" }.joined(separator: "\n")
    }
}
