import JCSkillsStore
import SQLKit

/// One cell of the registry's analysis: county × category × gender × age band × employment.
struct CountCell: Hashable, Sendable {
    var county: Int32
    var category: Int32
    var gender: Int32
    var ageBand: Int32
    var employment: Int32
}

/// Changes to the maintained aggregates that one write (or one import batch) makes. They are
/// collected in memory and applied with one upsert per touched row, in the write's transaction,
/// so the aggregates always equal a recount of the persons table.
struct CounterDeltas: Sendable {
    var cells: [CountCell: Int] = [:]
    var days: [Int32: Int] = [:]
    var working: [String: Int] = [:]
    var wishing: [String: Int] = [:]

    /// A person starts counting (registered, or became active again).
    mutating func add(_ person: PersonRow) { apply(person, sign: 1) }
    /// A person stops counting (changed, moved away, left the labour force).
    mutating func remove(_ person: PersonRow) { apply(person, sign: -1) }

    private mutating func apply(_ person: PersonRow, sign: Int) {
        guard person.isActive else { return }
        cells[person.cell, default: 0] += sign
        if !person.occupation.isEmpty, person.employment == .employed || person.employment == .selfEmployed {
            working[person.occupation, default: 0] += sign
        }
        if !person.trainingWish.isEmpty {
            wishing[person.trainingWish, default: 0] += sign
        }
    }

    mutating func registered(on day: Int32, count: Int = 1) { days[day, default: 0] += count }

    /// One multi-row upsert per counter table: a batch touches hundreds of cells, and a
    /// statement per cell cost a thread-pool round trip each (profiled: the import's bottleneck).
    func write(to db: any SQLDatabase) async throws {
        let cells = self.cells.filter { $0.value != 0 }
        if !cells.isEmpty {
            var query: SQLQueryString = "INSERT INTO registration_counts (county, category, gender, age_band, employment, count) VALUES "
            for (offset, (cell, delta)) in cells.enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + "(\(bind: cell.county), \(bind: cell.category), \(bind: cell.gender), \(bind: cell.ageBand), \(bind: cell.employment), \(bind: Int64(delta)))"
            }
            query = query + " ON CONFLICT (county, category, gender, age_band, employment) DO UPDATE SET count = registration_counts.count + excluded.count"
            try await db.raw(query).run()
        }
        let days = self.days.filter { $0.value != 0 }
        if !days.isEmpty {
            var query: SQLQueryString = "INSERT INTO daily_registrations (day, count) VALUES "
            for (offset, (day, delta)) in days.enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + "(\(bind: day), \(bind: Int64(delta)))"
            }
            query = query + " ON CONFLICT (day) DO UPDATE SET count = daily_registrations.count + excluded.count"
            try await db.raw(query).run()
        }
        let occupations = Set(working.keys).union(wishing.keys).compactMap { occupation -> (String, Int64, Int64)? in
            let work = Int64(working[occupation] ?? 0)
            let wish = Int64(wishing[occupation] ?? 0)
            return work == 0 && wish == 0 ? nil : (occupation, work, wish)
        }
        if !occupations.isEmpty {
            var query: SQLQueryString = "INSERT INTO occupation_counts (occupation, working, wishing) VALUES "
            for (offset, (occupation, work, wish)) in occupations.enumerated() {
                if offset > 0 { query = query + ", " }
                query = query + "(\(bind: occupation), \(bind: work), \(bind: wish))"
            }
            query = query + """
                 ON CONFLICT (occupation) DO UPDATE SET working = occupation_counts.working + excluded.working, \
                wishing = occupation_counts.wishing + excluded.wishing
                """
            try await db.raw(query).run()
        }
    }
}
