import Foundation
import JCSkillsProtocol
import JCSkillsServiceKit
import JCSkillsStore
import Logging
import ServiceLifecycle
import SQLKit

/// Keeps the registry's figures true to age as days pass without any write (docs/NUMBERS.md,
/// "Age").
///
/// The analysis counts persons by their age band today, and only persons of labour-force age;
/// a birthday changes both with no write to the person. The registry stores no birth date (it
/// is inside the sealed ID number), so once a day this job opens the ID numbers of the active
/// persons in memory, works out each band for the day and moves the few that changed — about
/// one person in 3,000 a day — between the analysis cells; those who aged out leave them.
/// `registered_days` needs no daily work: each span already ends on the day its person ages out.
///
/// The labour-force rule is kept with the data (`labour_force_aging`). When the configured rule
/// differs — or the data predates the table — `registered_days` is rebuilt under the new rule
/// and every band worked out again, at the service's start, before it serves.
struct LabourForceAging: Sendable {
    let store: Store
    let persons: PersonRepository
    let today: @Sendable () -> CalendarDate
    let logger: Logger

    var rule: LabourForceAgeRule { persons.ageRule }
    static let audit = AuditContext(principal: "registry", method: "labour-force-aging", requestID: "")
    static let pageSize = 5_000

    struct Outcome: Equatable, Sendable {
        var rebuilt = false
        var examined = 0
        var changed = 0
    }

    /// At the service's start: under a rule other than the data's, everything recounted before
    /// the service serves (``catchUp()``); nil, and nothing done, when the rule is the data's.
    /// The day's bands alone are left to ``LabourForceAgingService``, which works them out at once
    /// beside the serving registry, as it does when the day turns under a running one: at 20 M
    /// persons they took 2 min 17 s, a registry that kept every caller out meanwhile
    /// (BENCHMARKS.md note 26), for bands a day late for about one person in 3,000.
    @discardableResult
    func applyRule() async throws -> Outcome? {
        guard try await kept().rule != rule.description else { return nil }
        return try await catchUp()
    }

    /// The rule the data was counted under ("" before it was kept) and the day its bands were
    /// last worked out.
    private func kept() async throws -> (rule: String, bandedOn: Int32) {
        try await store.read { db in
            let row = try await db.raw("SELECT rule, banded_on FROM labour_force_aging WHERE id = 1").first()
            return (try row?.decode(column: "rule", as: String.self) ?? "", try row?.decode(column: "banded_on", as: Int32.self) ?? 0)
        }
    }

    /// Brings the figures up to today: nothing when they already are.
    @discardableResult
    func catchUp() async throws -> Outcome {
        let day = today()
        let (keptRule, bandedOn) = try await kept()
        var outcome = Outcome()
        if keptRule != rule.description {
            logger.info("labour-force ages: the data was counted under '\(keptRule.isEmpty ? "no rule" : keptRule)', the rule is now \(rule); recounting registered persons per day")
            let persons = persons
            try await store.transaction(Self.audit, grouping: .alone) { tx in
                try await RegisteredDays.rebuild(tx) { sealed in
                    let birth = try ResidentIDNumber.parse(try persons.personal.open(sealed, as: .idNumber)).birthDate
                    return persons.ageRule.leavesOn(birthDate: birth).yyyymmdd
                }
                try await tx.raw("UPDATE labour_force_aging SET rule = \(bind: rule.description), banded_on = 0 WHERE id = 1").run()
                try await tx.audit(entity: "labour_force_aging", id: nil, detail: "registered persons per day recounted under \(rule)")
            }
            outcome.rebuilt = true
        } else if bandedOn >= day.yyyymmdd {
            return outcome
        }
        try await reband(on: day, into: &outcome)
        try await store.transaction(Self.audit) { tx in
            try await tx.raw("UPDATE labour_force_aging SET banded_on = \(bind: day.yyyymmdd) WHERE id = 1").run()
        }
        logger.info("labour-force ages: bands worked out for \(day): \(outcome.changed) of \(outcome.examined) active persons changed band or aged out")
        return outcome
    }

    /// Works out every active person's band on `day` and moves those that changed, a page at a
    /// time. A page's changes are written only where the row is still the one read (its
    /// version): a person saved meanwhile had their band worked out by the save.
    private func reband(on day: CalendarDate, into outcome: inout Outcome) async throws {
        var after: Int64 = 0
        while true {
            let page = try await store.read { db in
                try await db.nativeRows(
                    "SELECT \(PersonRow.selectList) FROM persons WHERE id > ? AND status = ? ORDER BY id LIMIT ?",
                    [.integer(after), StoreValue(RegistrationStatus.active.rawValue), StoreValue(Self.pageSize)]
                ).map(PersonRow.init)
            }
            guard let last = page.last else { return }
            after = last.id
            outcome.examined += page.count
            var moves: [(old: PersonRow, new: PersonRow)] = []
            for row in page {
                let band = AgeBand.band(birthDate: try persons.birthDate(of: row), on: day, rule: rule)
                guard band != row.ageBand else { continue }
                var new = row
                new.details.ageBand = band
                moves.append((row, new))
            }
            guard !moves.isEmpty else { continue }
            outcome.changed += try await store.transaction(Self.audit, grouping: .alone) { tx in
                var deltas = CounterDeltas()
                var written = 0
                for (old, new) in moves {
                    let updated = try await tx.raw("""
                        UPDATE persons SET details = \(bind: Data(new.details.wireBytes())), version = \(bind: old.version + 1)
                        WHERE id = \(bind: old.id) AND version = \(bind: old.version) RETURNING id
                        """).all()
                    guard !updated.isEmpty else { continue }
                    deltas.remove(old)
                    deltas.add(new)
                    written += 1
                }
                try await deltas.write(to: tx)
                return written
            }
        }
    }
}

/// Runs ``LabourForceAging`` beside the server: at once (the day may have turned while the
/// service was down), then every ten minutes it checks whether the day has turned (in Beijing
/// time), and catches up when it has.
struct LabourForceAgingService: Service {
    let aging: LabourForceAging
    var spacing: Duration = .seconds(600)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await aging.catchUp()
                } catch is CancellationError {
                    return
                } catch {
                    aging.logger.error("labour-force ages: could not work out today's bands: \(error); trying again in ten minutes")
                }
                try await Task.sleep(for: spacing)
            }
        }
    }
}
