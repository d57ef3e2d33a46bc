import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// Entries, one (`Enter`) or many (`ImportEntries`): the rows validated, the workers among them
/// confirmed with the registry in one call per message before the transaction (a network call
/// must not hold the write lock), then entered together in one transaction — or refused with its
/// line, column and rule. A person already in the event counts as already there.
struct EntryImport: Sendable {
    let store: Store
    let competitions: CompetitionRepository
    let entries: EntryRepository
    let registry: RegistryPeer
    let today: @Sendable () -> CalendarDate

    enum Outcome {
        case entered(EntryView, isNew: Bool)
        case refused(any Error)
    }

    func run(_ batches: MessageStream<EntryBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        do {
            for try await batch in batches {
                let first = summary.received
                summary.received += UInt64(batch.entries.count)
                for (offset, outcome) in try await admit(batch.entries, context).enumerated() {
                    switch outcome {
                    case .entered(_, let isNew):
                        if isNew { summary.accepted += 1 } else { summary.alreadyRegistered += 1 }
                    case .refused(let error):
                        summary.reject(Self.rowError(UInt32(first) + UInt32(offset) + 1, error))
                    }
                }
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    /// Each request's outcome, in order.
    func admit(_ requests: [EntryRequest], _ context: ServerContext) async throws -> [Outcome] {
        var outcomes: [Outcome?] = Array(repeating: nil, count: requests.count)
        var valid: [(index: Int, entry: ValidatedEntry)] = []
        for (index, request) in requests.enumerated() {
            do {
                valid.append((index, try EntryRules.validate(request)))
            } catch {
                outcomes[index] = .refused(error)
            }
        }
        // The events the rows name, read once; the workers' ID numbers asked of the registry together.
        var events: [String: (Competition, CompetitionRepository.StoredEvent)?] = [:]
        try await store.query { db in
            for (_, entry) in valid where events[Self.key(entry)] == nil {
                if let competition = try await competitions.find(entry.competitionCode, in: db),
                   let stored = try await competitions.event(entry.competitionCode, entry.eventCode, in: db) {
                    events[Self.key(entry)] = (competition, stored)
                } else {
                    events[Self.key(entry)] = .some(nil)
                }
            }
        }
        let workers = valid.filter { events[Self.key($0.entry)]??.1.event.group == .workers }
        let answers = try await registry.verify(idNumbers: workers.map(\.entry.idNumber), timeout: context.timeRemaining)
        var verified: [Int: PersonVerification] = [:]
        for (worker, answer) in zip(workers, answers) { verified[worker.index] = answer }

        let now = today()
        try await store.transaction(context.audit, grouping: .alone) { tx in
            var admitted: [(index: Int, row: EntryRepository.NewEntry)] = []
            for (index, entry) in valid {
                do {
                    guard let (competition, stored) = events[Self.key(entry)] ?? nil else {
                        throw RPCError(.notFound, Messages.CompetitionRefusals.noEvent(entry.eventCode, competition: entry.competitionCode))
                    }
                    try CompetitionAccess.requireCounty(context.principal, county: competition.county, what: .competitions)
                    guard stored.state == .open else {
                        throw RuleRefusal(rule: RuleRefusal.eventOpen, reason: Messages.CompetitionRefusals.eventClosed(entry.eventCode))
                    }
                    let day = try HistoryDates.day(entry.enteredOn, field: "entered_on", competitionYear: competition.year, today: now)
                    let county = try EntryRules.check(entry, group: stored.event.group, registry: verified[index])
                    admitted.append((index, EntryRepository.NewEntry(entry: entry, county: county, group: stored.event.group,
                                                                     year: competition.year, day: day)))
                } catch let error as RPCError where error.code == .permissionDenied {
                    throw error
                } catch let error as RuleRefusal {
                    outcomes[index] = .refused(error)
                } catch let error as RuleViolation {
                    outcomes[index] = .refused(error)
                } catch let error as RPCError where error.code == .notFound {
                    outcomes[index] = .refused(error)
                }
            }
            var entered = 0
            for ((index, _), (view, isNew)) in zip(admitted, try await entries.enter(admitted.map(\.row), in: tx)) {
                if isNew { entered += 1 }
                outcomes[index] = .entered(view, isNew: isNew)
            }
            try await tx.audit(entity: "entry", id: requests.count == 1 ? (outcomes[0].flatMap(Self.number) ?? nil) : nil,
                               detail: "\(entered) entered of \(requests.count)")
        }
        return outcomes.map { $0 ?? .refused(RPCError(.internal, "row not decided")) }
    }

    private static func key(_ entry: ValidatedEntry) -> String { entry.competitionCode + "\u{0}" + entry.eventCode }

    private static func number(_ outcome: Outcome) -> String? {
        if case .entered(let view, _) = outcome { return view.number }
        return nil
    }

    private static func rowError(_ line: UInt32, _ error: any Error) -> RowError {
        switch error {
        case let violation as RuleViolation: RowError(line: line, column: violation.field, reason: violation.reason)
        case let refusal as RuleRefusal: RowError(line: line, column: "id_number", reason: "\(refusal.rule): \(refusal.reason)")
        case let rpc as RPCError: RowError(line: line, column: "event_code", reason: rpc.message)
        default: RowError(line: line, column: "", reason: "\(error)")
        }
    }
}
