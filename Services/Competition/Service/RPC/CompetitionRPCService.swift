import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import Logging

/// The competition office's methods (docs/COMPETITIONS.md): each checks the caller's scope,
/// then reads or writes through the repositories; entries ask the registry first, studios the
/// evaluation service, and closing an event wakes the promoter.
struct CompetitionRPCService: RPCService {
    let store: Store
    let competitions: CompetitionRepository
    let entries: EntryRepository
    let scoreboard: Scoreboard
    let sheets: MarkSheetWriter
    let awards: AwardRepository
    let studios: StudioRepository
    let counts: CompetitionCountsQueries
    let entryImport: EntryImport
    let registry: RegistryPeer
    let evaluation: EvaluationPeer
    var promoter: AwardPromoter
    let promotionSignal: AwardPromotionSignal
    let personal: PersonalData
    let logger: Logger
    let today: @Sendable () -> CalendarDate

    func register(in router: inout RPCRouter) {
        router.unary(CompetitionService.registerCompetition, policy: CompetitionAccess.manage) { request, context in
            let competition = try CompetitionRules.validate(request)
            return try await store.transaction(context.audit) { tx in
                try CompetitionAccess.requireCounty(context.principal, county: competition.county, what: .competitions)
                if let existing = try await competitions.find(competition.code, in: tx) {
                    try CompetitionAccess.requireCounty(context.principal, county: existing.county, what: .competitions)
                }
                try await competitions.upsert(competition, in: tx)
                try await tx.audit(entity: "competition", id: competition.code)
                return try await competitions.view(competition, in: tx)
            }
        }
        router.unary(CompetitionService.getCompetition, policy: CompetitionAccess.read) { lookup, _ in
            try await store.query { db in try await competitions.view(try await competitions.require(lookup.code, in: db), in: db) }
        }
        router.unary(CompetitionService.listCompetitions, policy: CompetitionAccess.read) { request, _ in
            var list = CompetitionList()
            list.competitions = try await store.query { db in
                var views: [CompetitionView] = []
                for competition in try await competitions.list(year: request.year, in: db) { views.append(try await competitions.view(competition, in: db)) }
                return views
            }
            return list
        }
        router.unary(CompetitionService.registerEvent, policy: CompetitionAccess.manage) { request, context in
            let event = try CompetitionRules.validate(request)
            return try await store.transaction(context.audit) { tx in
                let competition = try await competitions.require(event.competitionCode, in: tx)
                try CompetitionAccess.requireCounty(context.principal, county: competition.county, what: .competitions)
                try await competitions.upsert(event, in: tx)
                try await tx.audit(entity: "event", id: "\(event.competitionCode)/\(event.code)")
                return try await scoreboard.view(competition.code, try await competitions.requireEvent(competition.code, event.code, in: tx), in: tx)
            }
        }
        router.unary(CompetitionService.listEvents, policy: CompetitionAccess.read) { lookup, _ in
            var list = EventList()
            list.events = try await store.query { db in
                _ = try await competitions.require(lookup.code, in: db)
                var views: [EventView] = []
                for stored in try await competitions.events(of: lookup.code, in: db) { views.append(try await scoreboard.view(lookup.code, stored, in: db)) }
                return views
            }
            return list
        }
        router.unary(CompetitionService.enter, policy: CompetitionAccess.manage) { request, context in
            switch try await entryImport.admit([request], context)[0] {
            case .entered(let view, _): return view
            case .refused(let error): throw error
            }
        }
        router.clientStreaming(CompetitionService.importEntries, policy: CompetitionAccess.manage) { batches, context in
            try await entryImport.run(batches, context)
        }
        router.unary(CompetitionService.submitMarks, policy: CompetitionAccess.mark) { sheet, context in
            guard sheet.marks.count <= MarkSheet.limit else {
                throw RuleViolation(field: "marks", reason: Messages.CompetitionRefusals.tooManyMarks(sheet.marks.count, limit: MarkSheet.limit))
            }
            let stored = try await store.query { db in try await competitions.requireEvent(sheet.competitionCode, sheet.eventCode, in: db) }
            let judge = try CompetitionAccess.requireJudge(context.principal, of: stored.event)
            return try await store.transaction(context.audit) { tx in try await sheets.write(sheet, by: judge, in: tx) }
        }
        router.unary(CompetitionService.closeEvent, policy: CompetitionAccess.manage) { lookup, context in
            try await closeEvent(lookup, context)
        }
        router.serverStreaming(CompetitionService.results, policy: CompetitionAccess.readResults) { request, writer, _ in
            for result in try await results(request) { try await writer.send(result) }
        }
        router.unary(CompetitionService.awards, policy: CompetitionAccess.readResults) { request, _ in
            guard !request.competitionCode.isEmpty || request.year != 0 else {
                throw RuleViolation(field: "competition_code", reason: Messages.CompetitionRefusals.nameCompetitionOrYear)
            }
            var list = AwardList()
            list.awards = try await store.query { db in try await awards.list(competition: request.competitionCode, year: request.year, in: db) }
                .map { award, nameSealed in
                    var award = award
                    award.nameMasked = Masking.name(try personal.open(nameSealed, as: .name))
                    return award
                }
            return list
        }
        router.unary(CompetitionService.registerStudio, policy: CompetitionAccess.manage) { request, context in
            try await registerStudio(request, context)
        }
        router.unary(CompetitionService.recordStudioYear, policy: CompetitionAccess.manage) { request, context in
            let year = try StudioRules.validate(request)
            return try await store.transaction(context.audit) { tx in
                let studio = try await studios.require(year.studioCode, in: tx)
                try CompetitionAccess.requireCounty(context.principal, county: studio.county, what: .studios)
                try await studios.recordYear(year, in: tx)
                try await tx.audit(entity: "studio_year", id: "\(year.studioCode)/\(year.year)")
                return try await studios.require(year.studioCode, in: tx)
            }
        }
        router.unary(CompetitionService.studios, policy: CompetitionAccess.read) { request, context in
            try await studioReport(request, context)
        }
        router.unary(CompetitionService.counts, policy: CompetitionAccess.readFigures) { request, _ in
            try await counts.counts(answering: request, today: today(), reading: store)
        }
        router.unary(CompetitionService.batchCounts, policy: CompetitionAccess.readFigures) { questions, _ in
            CompetitionCountsAnswers(answers: try await counts.answers(questions.requests, today: today(), on: store))
        }
    }

    /// Locks the marks, ranks, and writes the awards in one transaction; then wakes the promoter.
    /// The close's day (the caller's, or today) dates the awards and their promotions' certificates.
    private func closeEvent(_ lookup: EventLookup, _ context: ServerContext) async throws -> EventView {
        let now = today()
        let view = try await store.transaction(context.audit) { tx in
            let competition = try await competitions.require(lookup.competitionCode, in: tx)
            try CompetitionAccess.requireCounty(context.principal, county: competition.county, what: .competitions)
            let day = try HistoryDates.day(lookup.closedOn, field: "closed_on", competitionYear: competition.year, today: now)
            guard let stored = try await competitions.lockEvent(lookup.competitionCode, lookup.eventCode, in: tx) else {
                throw RPCError(.notFound, Messages.CompetitionRefusals.noEvent(lookup.eventCode, competition: lookup.competitionCode))
            }
            guard stored.state == .open else { return try await scoreboard.view(competition.code, stored, in: tx) }
            let lines = try await scoreboard.lines(competition.code, stored.event, in: tx)
            let rule = competition.awardRule
            let cutoff = Ranking.awardCutoff(entries: lines.count, topCount: rule.topCount, topSharePercent: rule.topSharePercent)
            let awarded = lines.filter { $0.rank <= cutoff }
            try await awards.insert(awarded.map { AwardRepository.NewAward(entryID: $0.entry.id, number: $0.entry.number, county: $0.entry.county, rank: $0.rank) },
                                    competition: competition, event: stored.event, closedOn: day, in: tx)
            try await competitions.close(competition.code, stored.event.code, on: day, in: tx)
            try await tx.audit(entity: "event", id: "\(competition.code)/\(stored.event.code)",
                               detail: "closed: \(lines.count) ranked, \(awarded.count) awarded (\(awarded.map(\.entry.number).joined(separator: ", ")))")
            var closed = stored
            closed.state = .closed
            closed.closedOn = day
            return try await scoreboard.view(competition.code, closed, in: tx)
        }
        promotionSignal.wake()
        return view
    }

    private func results(_ request: ResultsRequest) async throws -> [EventResult] {
        try await store.query { db in
            let stored = try await competitions.requireEvent(request.competitionCode, request.eventCode, in: db)
            let lines = try await scoreboard.lines(request.competitionCode, stored.event, in: db)
            let awarded = try await awards.awardedNumbers(competition: request.competitionCode, event: request.eventCode, in: db)
            let standardised = request.standardised ? Ranking.standardised(lines.map(\.total)) : []
            return try lines.enumerated().map { index, line in
                var result = EventResult()
                result.rank = line.rank
                result.entryNumber = line.entry.number
                result.nameMasked = try entries.maskedName(line.entry)
                result.county = line.entry.county
                result.school = line.entry.school
                result.total = line.total
                result.measurementTotal = line.measurement
                result.standardisedScore = standardised.isEmpty ? 0 : standardised[index]
                result.unmarked = line.unmarked
                result.flagged = line.flagged
                result.awarded = awarded.contains(line.entry.number)
                return result
            }
        }
    }

    /// The evaluation service confirms the master's level before the transaction (a network
    /// call must not hold the write lock); unreachable, it is UNAVAILABLE and nothing is written.
    private func registerStudio(_ request: Studio, _ context: ServerContext) async throws -> StudioView {
        let studio = try StudioRules.validate(request)
        try CompetitionAccess.requireCounty(context.principal, county: studio.county, what: .studios)
        let recognitions = try await evaluation.recognitions(of: studio.masterIDNumber, timeout: context.timeRemaining)
        let level = try StudioRules.checkMaster(recognitions)
        return try await store.transaction(context.audit) { tx in
            if try await studios.exists(studio.code, in: tx) {
                try CompetitionAccess.requireCounty(context.principal, county: try await studios.require(studio.code, in: tx).county, what: .studios)
            }
            try await studios.upsert(studio, masterLevel: level, in: tx)
            try await tx.audit(entity: "studio", id: studio.code, detail: "master at \(level)")
            return try await studios.require(studio.code, in: tx)
        }
    }

    private func studioReport(_ request: StudiosRequest, _ context: ServerContext) async throws -> StudioReport {
        let asOf = request.asOf == 0 ? today().yyyymmdd : request.asOf
        guard CalendarDate(yyyymmdd: asOf) != nil else { throw RuleViolation(field: "as_of", reason: Messages.Refusals.notADate(asOf)) }
        var report = StudioReport()
        let withStudio: Set<Int32>
        (report.studios, withStudio) = try await store.query { db in
            (try await studios.list(asOf: asOf, in: db), try await StudioCoverage.countiesWithStudio(asOf: asOf, in: db))
        }
        report.countiesWithout = JinchengDivisions.countyCodes.filter { !withStudio.contains($0) }
        report.cityTotal = UInt32(report.studios.count)
        report.cityTarget = StudioRules.cityTarget
        let timeout = context.timeRemaining.map { $0 / 2 } ?? .seconds(2)
        do {
            let large = try await registry.largeEnterprises(minimumStaff: StudioRules.largeEnterpriseStaff, county: 0, asOf: asOf, timeout: timeout)
            let hosts = Set(report.studios.map(\.hostCreditCode))
            report.largeEnterprisesWithout = large.map(\.creditCode).filter { !hosts.contains($0) }.sorted()
            report.enterprisesKnown = true
        } catch {
            // The report goes out without them (enterprises_known false); why is for the operator.
            logger.warning("studio report: the registry's large enterprises could not be read: \(error)")
        }
        return report
    }
}
