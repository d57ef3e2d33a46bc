import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing
@testable import RegistryService

@Suite("Registry: the migrations fill in who was registered on each day")
struct RegistryMigrationTests {
    /// Persons written by the schema before migration 2, with the histories their moves and
    /// departures left: the table of registered persons per county and day is rebuilt from
    /// their registration dates and those histories.
    @Test(arguments: TestDatabases.backends)
    func registeredDaysAreRebuiltFromRegistrationDatesAndHistories(backend: TestBackend) async throws {
        // (id, registered on, county now, status now)
        let persons: [(Int64, Int32, Int32, RegistrationStatus)] = [
            (1, 20200301, 140524, .leftLabourForce),  // left on 2020-10-01
            (2, 20200601, 140581, .active),           // moved from 140524 on 2020-09-01
            (3, 20200901, 140581, .active),
        ]
        let leftOn: Int64 = 1_601_524_800_000   // 2020-10-01 12:00 Beijing time
        let movedOn: Int64 = 1_598_932_800_000  // 2020-09-01 12:00 Beijing time
        try await withMigration(
            backend, service: "registry", before: Array(RegistrySchema.migrations.prefix(1)), after: RegistrySchema.migrations,
            seed: { tx in
                for (id, day, county, status) in persons {
                    var details = PersonDetails()
                    details.registeredOn = day
                    try await tx.nativeExecute("""
                        INSERT INTO persons (id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                            status, details, version, updated_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)
                        """, [StoreValue(id), StoreValue("card-\(id)"), StoreValue(Data([UInt8(id)])), StoreValue(Data([9])),
                              StoreValue(Data([9])), StoreValue(Data([9])), StoreValue(county), StoreValue(status.rawValue),
                              StoreValue(Data(details.wireBytes()))])
                }
                for (person, at, field, old, new) in [
                    (Int64(1), leftOn, "status", "1", "3"), (2, movedOn, "residence_county", "140524", "140581"),
                ] {
                    try await tx.nativeExecute("""
                        INSERT INTO person_history (person_id, at_ms, principal, request_id, field, old_value, new_value, reason)
                        VALUES (?, ?, 'clerk', 'r', ?, ?, ?, '')
                        """, [StoreValue(person), StoreValue(at), StoreValue(field), StoreValue(old), StoreValue(new)])
                }
            },
            check: { after in
                let rows = try await after.read { db in
                    try await db.nativeRows("SELECT county, day, delta FROM registered_days WHERE delta <> 0 ORDER BY county, day")
                        .map { "\(try $0.int64("county"))/\(try $0.int64("day"))=\(try $0.int64("delta"))" }
                }
                #expect(rows == [
                    "140524/20200301=1", "140524/20200601=1", "140524/20200901=-1", "140524/20201001=-1",
                    "140581/20200901=2",
                ])
                let months = try await after.read { db in
                    try await db.nativeRows("SELECT county, month, delta FROM registered_months WHERE delta <> 0 ORDER BY county, month")
                        .map { "\(try $0.int64("county"))/\(try $0.int64("month"))=\(try $0.int64("delta"))" }
                }
                #expect(months == [
                    "0/202003=1", "0/202006=1", "0/202009=1", "0/202010=-1",  // the city's
                    "140524/202003=1", "140524/202006=1", "140524/202009=-1", "140524/202010=-1",
                    "140581/202009=2",
                ])
            })
    }

    /// A table written before the months and the city's rows were kept gets them, summed from
    /// the counties' days; the registered persons per county are summed from the cells.
    @Test(arguments: TestDatabases.backends)
    func theMonthsTheCityAndTheCountyTotalsAreAddedToAnOlderStore(backend: TestBackend) async throws {
        try await withMigration(
            backend, service: "registry", before: Array(RegistrySchema.migrations.prefix(4)), after: RegistrySchema.migrations,
            seed: { tx in
                for (county, day, delta) in [(140524, 20200301, 2), (140581, 20200301, 1), (140581, 20200601, -1)] {
                    try await tx.nativeExecute("INSERT INTO registered_days (county, day, delta) VALUES (?, ?, ?)",
                                               [StoreValue(county), StoreValue(day), StoreValue(delta)])
                }
                for (county, category, count) in [(140524, 1, 5), (140524, 2, 7), (140581, 1, 4)] {
                    try await tx.nativeExecute("""
                        INSERT INTO registration_counts (county, category, gender, age_band, employment, count)
                        VALUES (?, ?, 1, 2, 1, ?)
                        """, [StoreValue(county), StoreValue(category), StoreValue(count)])
                }
            },
            check: { after in
                let (days, months, totals) = try await after.read { db in
                    (try await db.nativeRows("SELECT county, day, delta FROM registered_days ORDER BY county, day")
                        .map { "\(try $0.int64("county"))/\(try $0.int64("day"))=\(try $0.int64("delta"))" },
                     try await db.nativeRows("SELECT county, month, delta FROM registered_months ORDER BY county, month")
                        .map { "\(try $0.int64("county"))/\(try $0.int64("month"))=\(try $0.int64("delta"))" },
                     try await db.nativeRows("SELECT county, count FROM registration_totals ORDER BY county")
                        .map { "\(try $0.int64("county"))=\(try $0.int64("count"))" })
                }
                #expect(days == ["140524/20200301=2", "140581/20200301=1", "140581/20200601=-1"])
                #expect(months == ["0/202003=3", "0/202006=-1", "140524/202003=2", "140581/202003=1", "140581/202006=-1"])
                #expect(totals == ["140524=12", "140581=4"])
                // The sums read the delta from an index (PostgreSQL) or the table's own B-tree (SQLite).
                let covered = try await after.rows(after.dialect == .postgres
                    ? "SELECT tablename AS t FROM pg_indexes WHERE indexname IN ('registered_days_sum', 'registered_months_sum') ORDER BY 1"
                    : "SELECT name AS t FROM sqlite_master WHERE name IN ('registered_days', 'registered_months') AND sql LIKE '%WITHOUT ROWID%' ORDER BY 1", [])
                #expect(try covered.map { try $0.string("t") } == ["registered_days", "registered_months"])
            })
    }
    /// Wishes stored under the four modes before the plan's five are mapped onto them, and so
    /// is the history of their changes.
    @Test(arguments: TestDatabases.backends)
    func trainingWishesMoveToThePlansFiveModes(backend: TestBackend) async throws {
        try await withMigration(
            backend, service: "registry", before: Array(RegistrySchema.migrations.prefix(6)), after: RegistrySchema.migrations,
            seed: { tx in
                for (id, mode) in [(Int64(1), Int32(1)), (2, 2), (3, 3), (4, 4), (5, 0)] {
                    var details = PersonDetails()
                    details.registeredOn = 20200301
                    details.trainingMode = TrainingMode(rawValue: mode)
                    try await tx.nativeExecute("""
                        INSERT INTO persons (id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                            status, details, version, updated_ms)
                        VALUES (?, ?, ?, ?, ?, ?, 140524, 1, ?, 1, 0)
                        """, [StoreValue(id), StoreValue("card-\(id)"), StoreValue(Data([UInt8(id)])), StoreValue(Data([9])),
                              StoreValue(Data([9])), StoreValue(Data([9])), StoreValue(Data(details.wireBytes()))])
                }
                try await tx.nativeExecute("""
                    INSERT INTO person_history (person_id, at_ms, principal, request_id, field, old_value, new_value, reason)
                    VALUES (1, 0, 'clerk', 'r', 'training_mode', '3', '1', ''), (1, 0, 'clerk', 'r', 'category', '1', '2', '')
                    """, [])
            },
            check: { after in
                let (modes, history) = try await after.read { db in
                    (try await db.nativeRows("SELECT details FROM persons ORDER BY id").map {
                        try PersonDetails(wireBytes: Array(try $0.data("details"))).trainingMode
                    },
                     try await db.nativeRows("SELECT field, old_value, new_value FROM person_history ORDER BY id").map {
                        "\(try $0.string("field")) \(try $0.string("old_value"))→\(try $0.string("new_value"))"
                    })
                }
                #expect(modes == [.projectBased, .internetPlus, .trainingInPlaceOfWork, .newApprenticeship, .unspecified])
                #expect(history == ["training_mode 2→3", "category 1→2"])
            })
    }
}
