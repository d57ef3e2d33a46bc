import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// An event's entries with their marks, scored and ranked (docs/COMPETITIONS.md, "Ranking"):
/// what `Results`, `CloseEvent` and the event's view all read.
struct Scoreboard: Sendable {
    let entries: EntryRepository
    let marks: MarkRepository

    struct Line: Sendable {
        var entry: EntryRepository.StoredEntry
        var rank: UInt32
        var total: UInt32
        var measurement: UInt32
        var unmarked: UInt32
        var flagged: UInt32
    }

    /// The event's entries in rank order.
    func lines(_ competition: String, _ event: Event, in db: any SQLDatabase) async throws -> [Line] {
        let stored = try await entries.entries(of: competition, event: event.code, in: db)
        let scores = try await marks.marks(of: competition, event: event.code, in: db)
        var byNumber: [String: (EntryRepository.StoredEntry, unmarked: UInt32, flagged: UInt32)] = [:]
        var scored: [Ranking.Scored] = []
        for entry in stored {
            let score = (scores[entry.id] ?? EntryMarks(entryID: entry.id)).score(event)
            byNumber[entry.number] = (entry, score.unmarked, score.flagged)
            scored.append(Ranking.Scored(number: entry.number, total: score.total, measurement: score.measurement))
        }
        return Ranking.rank(scored).map { ranked in
            let (entry, unmarked, flagged) = byNumber[ranked.number]!
            return Line(entry: entry, rank: ranked.rank, total: ranked.total, measurement: ranked.measurement, unmarked: unmarked, flagged: flagged)
        }
    }

    func view(_ competition: String, _ stored: CompetitionRepository.StoredEvent, in db: any SQLDatabase) async throws -> EventView {
        let lines = try await lines(competition, stored.event, in: db)
        var view = EventView()
        view.event = stored.event
        view.state = stored.state
        view.entries = UInt32(lines.count)
        view.fullyMarked = UInt32(lines.filter { $0.unmarked == 0 }.count)
        view.flagged = lines.reduce(0) { $0 + $1.flagged }
        return view
    }
}
