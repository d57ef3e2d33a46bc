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

    func write(to db: any SQLDatabase) async throws {
        for (cell, delta) in cells where delta != 0 {
            try await db.raw("""
                INSERT INTO registration_counts (county, category, gender, age_band, employment, count)
                VALUES (\(bind: cell.county), \(bind: cell.category), \(bind: cell.gender), \(bind: cell.ageBand), \(bind: cell.employment), \(bind: Int64(delta)))
                ON CONFLICT (county, category, gender, age_band, employment)
                DO UPDATE SET count = registration_counts.count + excluded.count
                """).run()
        }
        for (day, delta) in days where delta != 0 {
            try await db.raw("""
                INSERT INTO daily_registrations (day, count) VALUES (\(bind: day), \(bind: Int64(delta)))
                ON CONFLICT (day) DO UPDATE SET count = daily_registrations.count + excluded.count
                """).run()
        }
        let occupations = Set(working.keys).union(wishing.keys)
        for occupation in occupations {
            let work = Int64(working[occupation] ?? 0)
            let wish = Int64(wishing[occupation] ?? 0)
            guard work != 0 || wish != 0 else { continue }
            try await db.raw("""
                INSERT INTO occupation_counts (occupation, working, wishing) VALUES (\(bind: occupation), \(bind: work), \(bind: wish))
                ON CONFLICT (occupation) DO UPDATE SET working = occupation_counts.working + excluded.working,
                    wishing = occupation_counts.wishing + excluded.wishing
                """).run()
        }
    }
}
