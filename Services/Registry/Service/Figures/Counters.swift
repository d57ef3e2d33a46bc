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
    var registeredDays: [RegisteredDays.Key: Int] = [:]
    /// Active persons past the labour-force age, and active persons without a phone, per
    /// counted county (``PersonQualityCounts``).
    var quality: [Int32: PersonQualityCounts.Delta] = [:]

    /// A person starts counting (registered, or became active again).
    mutating func add(_ person: PersonRow) { apply(person, sign: 1) }
    /// A person stops counting (changed, moved away, left the labour force).
    mutating func remove(_ person: PersonRow) { apply(person, sign: -1) }

    private mutating func apply(_ person: PersonRow, sign: Int) {
        PersonQualityCounts.apply(person, sign: sign, into: &quality)
        guard person.countsToday else { return }
        cells[person.cell, default: 0] += sign
        if !person.occupation.isEmpty, person.employment == .employed || person.employment == .selfEmployed {
            working[person.occupation, default: 0] += sign
        }
        if !person.trainingWish.isEmpty {
            wishing[person.trainingWish, default: 0] += sign
        }
    }

    /// A person registered in `county` on `day`, who ages out of the labour force on `agesOut`.
    mutating func registered(on day: Int32, in county: Int32, agesOut: Int32) {
        days[day, default: 0] += 1
        RegisteredDays.add(1, county: county, from: day, until: agesOut, into: &registeredDays)
    }

    /// A person changed from `old` to `new` on `day`: where they count from that day on, until
    /// they age out on `agesOut`.
    mutating func changed(from old: PersonRow, to new: PersonRow, on day: Int32, agesOut: Int32) {
        remove(old)
        add(new)
        RegisteredDays.move(from: old, to: new, on: day, agesOut: agesOut, into: &registeredDays)
    }

    /// One multi-row upsert per counter table: a batch touches hundreds of cells, and a
    /// statement per cell cost a thread-pool round trip each (profiled: the import's bottleneck).
    /// Held back by the store until the commit, and added in key order (``addDeltas``), so
    /// that concurrent transactions lock the counter rows in one order.
    func write(to db: any SQLDatabase) async throws {
        try await db.addDeltas(
            into: "registration_counts", keys: ["county", "category", "gender", "age_band", "employment"], delta: "count",
            rows: cells.map { cell, delta in
                ([StoreValue(cell.county), StoreValue(cell.category), StoreValue(cell.gender), StoreValue(cell.ageBand),
                  StoreValue(cell.employment)], Int64(delta))
            })
        var countyTotals: [Int32: Int] = [:]
        for (cell, delta) in cells { countyTotals[cell.county, default: 0] += delta }
        try await db.addDeltas(into: "registration_totals", keys: ["county"], delta: "count",
                               rows: countyTotals.map { ([StoreValue($0.key)], Int64($0.value)) })
        try await db.addDeltas(into: "daily_registrations", keys: ["day"], delta: "count",
                               rows: days.map { ([StoreValue($0.key)], Int64($0.value)) })
        try await RegisteredDays.write(registeredDays, to: db)
        try await PersonQualityCounts.write(quality, to: db)
        try await db.addDeltas(
            into: "occupation_counts", keys: ["occupation"], deltas: ["working", "wishing"],
            rows: Set(working.keys).union(wishing.keys).map { occupation in
                ([.text(occupation)], [Int64(working[occupation] ?? 0), Int64(wishing[occupation] ?? 0)])
            })
    }
}
