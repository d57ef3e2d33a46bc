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

    static func stored(_ row: StoreRow) throws -> StoredEntry {
        StoredEntry(id: try row.int64("id"), number: try row.string("number"), event: try row.string("event"),
                    nameSealed: try row.data("name_sealed"), idSealed: try row.data("id_sealed"),
                    school: try row.string("school"), county: try row.int32("county"))
    }
}
