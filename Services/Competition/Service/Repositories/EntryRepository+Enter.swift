import Foundation
import JCSkillsProtocol
import JCSkillsStore

/// Entering persons in events, a list at a time. The statements do not grow with the list: the
/// entries already there are read per event, the new ones' numbers taken per event, and the
/// entries and the year's participants inserted in multi-row statements. Row by row, a list of
/// 1,000 took five round trips a person, which PostgreSQL over a socket could not do for the
/// city competition's 12,000 entries within a call's 30 s (BENCHMARKS.md
/// note 17); the outcome is the same as entering the rows one after another, in order.
extension EntryRepository {
    /// One row to enter, checked by the caller.
    struct NewEntry: Sendable {
        var entry: ValidatedEntry
        var county: Int32
        var group: ParticipantGroup
        var year: Int32
        /// yyyymmdd.
        var day: Int32
    }

    /// Enters each person in their event, or finds their entry there (also when the list names
    /// them twice): each row's view and whether it is new, in the order given.
    func enter(_ rows: [NewEntry], in tx: StoreTransaction) async throws -> [(view: EntryView, isNew: Bool)] {
        let indexes = rows.map { personal.blindIndex($0.entry.idNumber, for: .idNumber) }
        let keys = rows.indices.map { EventKey(competition: rows[$0].entry.competitionCode, event: rows[$0].entry.eventCode) }
        var found = try await existing(keys, indexes, in: tx)

        // The rows to insert: each person once per event, the first row naming them.
        var fresh: [Int] = []
        var freshPerEvent: [EventKey: Int] = [:]
        for row in rows.indices where found[PersonInEvent(event: keys[row], index: indexes[row])] == nil {
            found[PersonInEvent(event: keys[row], index: indexes[row])] = .pending(row)
            fresh.append(row)
            freshPerEvent[keys[row], default: 0] += 1
        }
        var numbers: [EventKey: ArraySlice<String>] = [:]
        for (key, count) in freshPerEvent.sorted(by: { ($0.key.competition, $0.key.event) < ($1.key.competition, $1.key.event) }) {
            numbers[key] = ArraySlice(try await competitions.nextEntryNumbers(key.competition, key.event, count: count, in: tx))
        }
        var inserted: [Int: StoredEntry] = [:]
        var values: [StoreValue] = []
        for row in fresh {
            let new = rows[row]
            let number = numbers[keys[row]]!.popFirst()!
            let school = new.group == .students ? new.entry.school : ""
            let stored = StoredEntry(id: 0, number: number, event: new.entry.eventCode,
                                     nameSealed: personal.seal(new.entry.name, as: .name),
                                     idSealed: personal.seal(new.entry.idNumber, as: .idNumber), school: school, county: new.county)
            inserted[row] = stored
            values += [.text(new.entry.competitionCode), .text(stored.event), .text(number), .bytes(indexes[row]), .bytes(stored.idSealed),
                       .bytes(stored.nameSealed), .text(school), StoreValue(new.county), StoreValue(new.year), StoreValue(new.day)]
        }
        let ids = try await tx.nativeInsert(
            into: "entries",
            columns: ["competition", "event", "number", "person_index", "id_sealed", "name_sealed", "school", "county", "year", "entered_on"],
            values: values, suffix: "RETURNING id, competition, number")
        var idByNumber: [EntryNumber: Int64] = [:]
        for row in ids {
            idByNumber[EntryNumber(competition: try row.string("competition"), number: try row.string("number"))] = try row.int64("id")
        }
        for row in fresh {
            inserted[row]!.id = idByNumber[EntryNumber(competition: rows[row].entry.competitionCode, number: inserted[row]!.number)] ?? 0
        }
        try await countParticipants(fresh.map { (rows[$0], indexes[$0]) }, in: tx)

        return try rows.indices.map { row in
            let competition = rows[row].entry.competitionCode
            switch found[PersonInEvent(event: keys[row], index: indexes[row])]! {
            case .stored(let entry):
                return (try view(entry, competition: competition, group: rows[row].group), false)
            case .pending(let first):
                return (try view(inserted[first]!, competition: competition, group: rows[row].group), first == row)
            }
        }
    }

    private struct EventKey: Hashable {
        var competition: String
        var event: String
    }

    private struct PersonInEvent: Hashable {
        var event: EventKey
        var index: Data
    }

    private struct EntryNumber: Hashable {
        var competition: String
        var number: String
    }

    private enum Found {
        /// Entered before this list.
        case stored(StoredEntry)
        /// Entered by this list, by the row at this position.
        case pending(Int)
    }

    /// The entries already there among the rows': one statement per event (and 1,000 persons),
    /// each on the (competition, event, person) key.
    private func existing(_ keys: [EventKey], _ indexes: [Data], in tx: StoreTransaction) async throws -> [PersonInEvent: Found] {
        var personsPerEvent: [EventKey: [StoreValue]] = [:]
        for row in keys.indices { personsPerEvent[keys[row], default: []].append(.bytes(indexes[row])) }
        var found: [PersonInEvent: Found] = [:]
        for (key, persons) in personsPerEvent {
            for row in try await tx.nativeRows(in: persons, after: [.text(key.competition), .text(key.event)], { list in
                """
                SELECT id, number, event, name_sealed, id_sealed, school, county, person_index FROM entries
                WHERE competition = ? AND event = ? AND person_index IN \(list)
                """
            }) {
                found[PersonInEvent(event: key, index: try row.data("person_index"))] = .stored(try Self.stored(row))
            }
        }
        return found
    }

    /// A person's first entry of a year makes them one of its participants, in the county and on
    /// the day of that entry; an entry dated earlier than the one they count from (a backfill out
    /// of order) moves their day back, their county staying (docs/COMPETITIONS.md).
    private func countParticipants(_ entered: [(NewEntry, Data)], in tx: StoreTransaction) async throws {
        struct Person: Hashable {
            var year: Int32
            var index: Data
        }
        // Per person, the county of their first row and their earliest day.
        var order: [Person] = []
        var first: [Person: (county: Int32, day: Int32)] = [:]
        for (new, index) in entered {
            let person = Person(year: new.year, index: index)
            if let known = first[person] {
                first[person] = (known.county, min(known.day, new.day))
            } else {
                first[person] = (new.county, new.day)
                order.append(person)
            }
        }
        guard !order.isEmpty else { return }
        var deltas: [(key: [StoreValue], delta: Int64)] = []
        let added = try await tx.nativeInsert(
            into: "participants", columns: ["year", "person_index", "county", "entered_on"],
            values: order.flatMap { [StoreValue($0.year), .bytes($0.index), StoreValue(first[$0]!.county), StoreValue(first[$0]!.day)] },
            suffix: "ON CONFLICT (year, person_index) DO NOTHING RETURNING year, person_index")
        var new = Set<Person>()
        for row in added { new.insert(Person(year: try row.int32("year"), index: try row.data("person_index"))) }
        for person in order where new.contains(person) {
            deltas.append(([StoreValue(person.year), StoreValue(first[person]!.county), StoreValue(first[person]!.day)], 1))
        }
        // Persons who took part in the year before this list: their day moves back if a row is earlier.
        var earlierPerYear: [Int32: [StoreValue]] = [:]
        for person in order where !new.contains(person) { earlierPerYear[person.year, default: []].append(.bytes(person.index)) }
        for (year, persons) in earlierPerYear.sorted(by: { $0.key < $1.key }) {
            let counted = try await tx.nativeRows(in: persons, after: [StoreValue(year)]) { list in
                "SELECT person_index, county, entered_on FROM participants WHERE year = ? AND person_index IN \(list)"
            }
            for row in counted {
                let person = Person(year: year, index: try row.data("person_index"))
                let (county, was) = (try row.int32("county"), try row.int32("entered_on"))
                guard let day = first[person]?.day, day < was else { continue }
                try await tx.nativeExecute("UPDATE participants SET entered_on = ? WHERE year = ? AND person_index = ?",
                                           [StoreValue(day), StoreValue(year), .bytes(person.index)])
                deltas.append(([StoreValue(year), StoreValue(county), StoreValue(was)], -1))
                deltas.append(([StoreValue(year), StoreValue(county), StoreValue(day)], 1))
            }
        }
        // Held until the commit and added in key order with the others (``addDeltas``).
        try await tx.addDeltas(into: "participant_days", keys: ["year", "county", "day"], delta: "persons", rows: deltas)
    }
}
