import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Competitions and their events, each stored as its message with the columns queries need.
struct CompetitionRepository: Sendable {
    let clock: @Sendable () -> Date

    func upsert(_ competition: Competition, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("""
            INSERT INTO competitions (code, details, year, updated_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET details = excluded.details, year = excluded.year, updated_ms = excluded.updated_ms
            """, [.text(competition.code), .bytes(Data(competition.wireBytes())), StoreValue(competition.year), .integer(now)])
    }

    func find(_ code: String, in db: any SQLDatabase) async throws -> Competition? {
        guard let row = try await db.nativeRows("SELECT details FROM competitions WHERE code = ?", [.text(code)]).first else { return nil }
        return try Competition(wireBytes: Array(try row.data("details")))
    }

    func require(_ code: String, in db: any SQLDatabase) async throws -> Competition {
        guard let competition = try await find(code, in: db) else { throw RPCError(.notFound, Messages.CompetitionRefusals.noCompetition(code)) }
        return competition
    }

    func view(_ competition: Competition, in db: any SQLDatabase) async throws -> CompetitionView {
        var view = CompetitionView()
        view.competition = competition
        let counts = try await db.nativeRows("""
            SELECT (SELECT COUNT(*) FROM events WHERE competition = ?) AS events, (SELECT COUNT(*) FROM entries WHERE competition = ?) AS entries
            """, [.text(competition.code), .text(competition.code)])
        view.events = UInt32(clamping: try counts.first?.int64("events") ?? 0)
        view.entries = UInt32(clamping: try counts.first?.int64("entries") ?? 0)
        return view
    }

    /// Competitions of `year` (0: all), newest first.
    func list(year: Int32, in db: any SQLDatabase) async throws -> [Competition] {
        let rows = year == 0
            ? try await db.nativeRows("SELECT details FROM competitions ORDER BY year DESC, code")
            : try await db.nativeRows("SELECT details FROM competitions WHERE year = ? ORDER BY code", [StoreValue(year)])
        return try rows.map { try Competition(wireBytes: Array(try $0.data("details"))) }
    }

    // Events

    /// An event as stored: its message, whether it is open, and the day it closed.
    struct StoredEvent: Sendable {
        var event: Event
        var state: EventState
        var closedOn: Int32
    }

    /// Registers or updates an event; refused once it has marks or is closed (its scheme fixed).
    func upsert(_ event: Event, in tx: StoreTransaction) async throws {
        if let stored = try await lockEvent(event.competitionCode, event.code, in: tx) {
            guard stored.state == .open else {
                throw RuleRefusal(rule: RuleRefusal.eventOpen, reason: Messages.CompetitionRefusals.eventClosed(event.code))
            }
            let marked = try await tx.nativeRows("""
                SELECT COUNT(*) AS n FROM marks WHERE entry_id IN (SELECT id FROM entries WHERE competition = ? AND event = ?)
                """, [.text(event.competitionCode), .text(event.code)]).first?.int64("n") ?? 0
            guard marked == 0 else {
                throw RuleRefusal(rule: RuleRefusal.schemeFixed, reason: Messages.CompetitionRefusals.schemeFixed(event.code, marks: marked))
            }
            try await tx.nativeExecute("UPDATE events SET details = ? WHERE competition = ? AND code = ?",
                                       [.bytes(Data(event.wireBytes())), .text(event.competitionCode), .text(event.code)])
        } else {
            try await tx.nativeExecute("""
                INSERT INTO events (competition, code, details, state, closed_on, next_entry) VALUES (?, ?, ?, ?, 0, 0)
                """, [.text(event.competitionCode), .text(event.code), .bytes(Data(event.wireBytes())), StoreValue(EventState.open.rawValue)])
        }
    }

    func event(_ competition: String, _ code: String, in db: any SQLDatabase) async throws -> StoredEvent? {
        try await db.nativeRows("SELECT details, state, closed_on FROM events WHERE competition = ? AND code = ?",
                                [.text(competition), .text(code)]).first.map(Self.storedEvent)
    }

    func requireEvent(_ competition: String, _ code: String, in db: any SQLDatabase) async throws -> StoredEvent {
        guard let stored = try await event(competition, code, in: db) else {
            throw RPCError(.notFound, Messages.CompetitionRefusals.noEvent(code, competition: competition))
        }
        return stored
    }

    /// The event, its row locked until the transaction ends (an UPDATE that changes nothing:
    /// PostgreSQL's row lock, portably): for what changes the event (its close).
    func lockEvent(_ competition: String, _ code: String, in tx: StoreTransaction) async throws -> StoredEvent? {
        try await tx.nativeRows("""
            UPDATE events SET state = state WHERE competition = ? AND code = ? RETURNING details, state, closed_on
            """, [.text(competition), .text(code)]).first.map(Self.storedEvent)
    }

    /// The event, its row held against a close until the transaction ends, but not against other
    /// judges' sheets: on PostgreSQL a shared row lock (`FOR SHARE`), which the close's UPDATE
    /// waits for; on SQLite the one writer already makes every write take its turn. An exclusive
    /// lock here made the sheets of one event wait for each other, and with writes sharing
    /// commits, two groups holding one event each and waiting for the other's closed a cycle
    /// PostgreSQL only breaks after its deadlock timeout (a second), again and again
    /// (BENCHMARKS.md note 17).
    func holdEvent(_ competition: String, _ code: String, in tx: StoreTransaction) async throws -> StoredEvent? {
        let hold = tx.storeDialect == .postgres ? " FOR SHARE" : ""
        return try await tx.nativeRows("""
            SELECT details, state, closed_on FROM events WHERE competition = ? AND code = ?\(hold)
            """, [.text(competition), .text(code)]).first.map(Self.storedEvent)
    }

    func events(of competition: String, in db: any SQLDatabase) async throws -> [StoredEvent] {
        try await db.nativeRows("SELECT details, state, closed_on FROM events WHERE competition = ? ORDER BY code",
                                [.text(competition)]).map(Self.storedEvent)
    }

    func close(_ competition: String, _ code: String, on day: Int32, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("UPDATE events SET state = ?, closed_on = ? WHERE competition = ? AND code = ?",
                                   [StoreValue(EventState.closed.rawValue), StoreValue(day), .text(competition), .text(code)])
    }

    /// The next competitor number of the event.
    /// `count` new competitor numbers of the event, in order ("E01-0007"): one statement however
    /// many, so that a list of entries does not cost a round trip to the database per person.
    func nextEntryNumbers(_ competition: String, _ code: String, count: Int, in tx: StoreTransaction) async throws -> [String] {
        guard count > 0 else { return [] }
        let last = try await tx.nativeRows("""
            UPDATE events SET next_entry = next_entry + ? WHERE competition = ? AND code = ? RETURNING next_entry
            """, [.integer(Int64(count)), .text(competition), .text(code)]).first?.int64("next_entry") ?? Int64(count)
        return (last - Int64(count) + 1...last).map { next in
            let digits = String(next)
            return code + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    private var now: Int64 { Int64(clock().timeIntervalSince1970 * 1000) }

    private static func storedEvent(_ row: StoreRow) throws -> StoredEvent {
        StoredEvent(event: try Event(wireBytes: Array(try row.data("details"))),
                    state: EventState(rawValue: try row.int32("state")), closedOn: try row.int32("closed_on"))
    }
}
