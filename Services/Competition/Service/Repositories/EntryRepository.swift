import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import SQLKit

/// Entries: the person by a blind index of their ID number, the number and name sealed.
struct EntryRepository: Sendable {
    let personal: PersonalData
    let competitions: CompetitionRepository

    /// An entry as the service reads it back (nothing opened).
    struct StoredEntry: Sendable {
        var id: Int64
        var number: String
        var event: String
        var nameSealed: Data
        var idSealed: Data
        var school: String
        var county: Int32
    }

    /// Enters the person in the event, or finds their entry there: the view and whether it is new.
    func enter(_ entry: ValidatedEntry, county: Int32, group: ParticipantGroup, year: Int32, on day: Int32,
               in tx: StoreTransaction) async throws -> (view: EntryView, isNew: Bool) {
        let index = personal.blindIndex(entry.idNumber, for: .idNumber)
        if let existing = try await tx.nativeRows("""
            SELECT id, number, event, name_sealed, id_sealed, school, county FROM entries WHERE competition = ? AND event = ? AND person_index = ?
            """, [.text(entry.competitionCode), .text(entry.eventCode), .bytes(index)]).first.map(Self.stored) {
            return (try view(existing, competition: entry.competitionCode, group: group), false)
        }
        let number = try await competitions.nextEntryNumber(entry.competitionCode, entry.eventCode, in: tx)
        let idSealed = personal.seal(entry.idNumber, as: .idNumber)
        let nameSealed = personal.seal(entry.name, as: .name)
        let id = try await tx.nativeRows("""
            INSERT INTO entries (competition, event, number, person_index, id_sealed, name_sealed, school, county, year, entered_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.text(entry.competitionCode), .text(entry.eventCode), .text(number), .bytes(index), .bytes(idSealed), .bytes(nameSealed),
                  .text(group == .students ? entry.school : ""), StoreValue(county), StoreValue(year), StoreValue(day)]).first?.int64("id") ?? 0
        // The person's first entry of the year makes them a participant of the year, in its county.
        let first = try await tx.nativeRows("""
            INSERT INTO participants (year, person_index, county, entered_on) VALUES (?, ?, ?, ?)
            ON CONFLICT (year, person_index) DO NOTHING RETURNING county
            """, [StoreValue(year), .bytes(index), StoreValue(county), StoreValue(day)])
        if !first.isEmpty {
            try await addParticipants(1, year: year, county: county, day: day, in: tx)
        } else if let later = try await tx.nativeRows("""
            SELECT county, entered_on FROM participants WHERE year = ? AND person_index = ? AND entered_on > ?
            """, [StoreValue(year), .bytes(index), StoreValue(day)]).first {
            // A past entry recorded after a later-dated one (a backfill out of order): the person
            // has taken part since the earlier day, still in the county they count in.
            let counted = try later.int32("county")
            try await tx.nativeExecute("UPDATE participants SET entered_on = ? WHERE year = ? AND person_index = ?",
                                       [StoreValue(day), StoreValue(year), .bytes(index)])
            try await addParticipants(-1, year: year, county: counted, day: try later.int32("entered_on"), in: tx)
            try await addParticipants(1, year: year, county: counted, day: day, in: tx)
        }
        let stored = StoredEntry(id: id, number: number, event: entry.eventCode, nameSealed: nameSealed, idSealed: idSealed,
                                 school: group == .students ? entry.school : "", county: county)
        return (try view(stored, competition: entry.competitionCode, group: group), true)
    }

    private func addParticipants(_ persons: Int64, year: Int32, county: Int32, day: Int32, in tx: StoreTransaction) async throws {
        // Held until the commit and added in key order with the others (``addDeltas``).
        try await tx.addDeltas(into: "participant_days", keys: ["year", "county", "day"], delta: "persons",
                               rows: [([StoreValue(year), StoreValue(county), StoreValue(day)], persons)])
    }

    /// Every entry of an event, by competitor number.
    func entries(of competition: String, event: String, in db: any SQLDatabase) async throws -> [StoredEntry] {
        try await db.nativeRows("""
            SELECT id, number, event, name_sealed, id_sealed, school, county FROM entries WHERE competition = ? AND event = ? ORDER BY number
            """, [.text(competition), .text(event)]).map(Self.stored)
    }

    /// The ids of the event's entries among `numbers`, by number (a mark sheet's entries).
    func ids(of competition: String, event: String, numbers: [String], in db: any SQLDatabase) async throws -> [String: Int64] {
        guard !numbers.isEmpty else { return [:] }
        var ids: [String: Int64] = [:]
        for row in try await db.nativeRows("""
            SELECT id, number FROM entries WHERE competition = ? AND event = ? AND number IN \(placeholderList(numbers.count))
            """, [.text(competition), .text(event)] + numbers.map(StoreValue.text)) {
            ids[try row.string("number")] = try row.int64("id")
        }
        return ids
    }

    func find(_ competition: String, number: String, in db: any SQLDatabase) async throws -> StoredEntry? {
        try await db.nativeRows("""
            SELECT id, number, event, name_sealed, id_sealed, school, county FROM entries WHERE competition = ? AND number = ?
            """, [.text(competition), .text(number)]).first.map(Self.stored)
    }

    func view(_ entry: StoredEntry, competition: String, group: ParticipantGroup) throws -> EntryView {
        var view = EntryView()
        view.number = entry.number
        view.competitionCode = competition
        view.eventCode = entry.event
        view.idMasked = Masking.idNumber(try personal.open(entry.idSealed, as: .idNumber))
        view.nameMasked = try maskedName(entry)
        view.group = group
        view.school = entry.school
        view.county = entry.county
        return view
    }

    func maskedName(_ entry: StoredEntry) throws -> String {
        Masking.name(try personal.open(entry.nameSealed, as: .name))
    }

    private static func stored(_ row: StoreRow) throws -> StoredEntry {
        StoredEntry(id: try row.int64("id"), number: try row.string("number"), event: try row.string("event"),
                    nameSealed: try row.data("name_sealed"), idSealed: try row.data("id_sealed"),
                    school: try row.string("school"), county: try row.int32("county"))
    }
}
