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
    func write(to db: any SQLDatabase) async throws {
        var cellValues: [StoreValue] = []
        for (cell, delta) in cells where delta != 0 {
            cellValues += [
                StoreValue(cell.county), StoreValue(cell.category), StoreValue(cell.gender), StoreValue(cell.ageBand),
                StoreValue(cell.employment), StoreValue(delta),
            ]
        }
        if !cellValues.isEmpty {
            try await db.nativeInsert(
                into: "registration_counts", columns: ["county", "category", "gender", "age_band", "employment", "count"],
                values: cellValues,
                suffix: "ON CONFLICT (county, category, gender, age_band, employment) DO UPDATE SET count = registration_counts.count + excluded.count")
        }
        var countyTotals: [Int32: Int] = [:]
        for (cell, delta) in cells { countyTotals[cell.county, default: 0] += delta }
        try await db.addDeltas(into: "registration_totals", keys: ["county"], delta: "count",
                               rows: countyTotals.map { ([StoreValue($0.key)], Int64($0.value)) })
        var dayValues: [StoreValue] = []
        for (day, delta) in days where delta != 0 {
            dayValues += [StoreValue(day), StoreValue(delta)]
        }
        if !dayValues.isEmpty {
            try await db.nativeInsert(
                into: "daily_registrations", columns: ["day", "count"], values: dayValues,
                suffix: "ON CONFLICT (day) DO UPDATE SET count = daily_registrations.count + excluded.count")
        }
        try await RegisteredDays.write(registeredDays, to: db)
        try await PersonQualityCounts.write(quality, to: db)
        var occupationValues: [StoreValue] = []
        for occupation in Set(working.keys).union(wishing.keys) {
            let work = working[occupation] ?? 0
            let wish = wishing[occupation] ?? 0
            if work != 0 || wish != 0 {
                occupationValues += [.text(occupation), StoreValue(work), StoreValue(wish)]
            }
        }
        if !occupationValues.isEmpty {
            try await db.nativeInsert(
                into: "occupation_counts", columns: ["occupation", "working", "wishing"], values: occupationValues,
                suffix: """
                    ON CONFLICT (occupation) DO UPDATE SET working = occupation_counts.working + excluded.working, \
                    wishing = occupation_counts.wishing + excluded.wishing
                    """)
        }
    }
}
