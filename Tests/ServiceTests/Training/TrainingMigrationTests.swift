import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing
@testable import TrainingService

@Suite("Training: the migrations rebuild the dated figures from what is stored")
struct TrainingMigrationTests {
    /// Courses, enrolments, results and certificates written by the schema before the dated
    /// figures (migrations 1–5): migration 6 rebuilds each course's figures by day, each part
    /// from the day it counts, and migration 8 sums them by programme, county and year.
    @Test(arguments: TestDatabases.backends)
    func figuresByDayAndByProgrammeAreRebuilt(backend: TestBackend) async throws {
        let keyGroup = TrainingProgramme.keyGroupSubsidised.rawValue
        let upgrade = TrainingProgramme.enterpriseEmployeeUpgrade.rawValue
        // (code, programme, county, starts on)
        let courses: [(String, Int32, Int32, Int32)] = [("A", keyGroup, 140502, 20250301), ("B", upgrade, 140581, 20260101)]
        // (number, course, enrolled on)
        let enrolments: [(String, String, Int32)] = [
            ("E1", "A", 20250210), ("E2", "A", 20250215), ("E3", "B", 20251220), ("E4", "B", 20251220),
        ]
        // (enrolment, completed on, passed, employed on or 0)
        let results: [(String, Int32, Int32, Int32)] = [("E1", 20250320, 1, 20250401), ("E2", 20250301, 0, 0)]
        try await withMigration(
            backend, service: "training", before: Array(TrainingSchema.migrations.prefix(5)), after: TrainingSchema.migrations,
            seed: { tx in
                for (code, programme, county, startsOn) in courses {
                    try await tx.nativeExecute("""
                        INSERT INTO courses (code, details, county, programme, mode, provider, starts_on, ends_on, capacity, enrolled,
                            subsidised, updated_ms)
                        VALUES (?, ?, ?, ?, 1, 'P', ?, ?, 50, 2, 0, 0)
                        """, [.text(code), StoreValue(Data([9])), StoreValue(county), StoreValue(programme), StoreValue(startsOn),
                              StoreValue(startsOn + 100)])
                }
                for (number, course, enrolledOn) in enrolments {
                    let start = courses.first { $0.0 == course }!.3
                    try await tx.nativeExecute("""
                        INSERT INTO enrolments (number, course_code, person_index, id_sealed, card_number, county, key_groups,
                            starts_on, ends_on, year, subsidised, enrolled_on)
                        VALUES (?, ?, ?, ?, 'c', 140502, '', ?, ?, ?, 0, ?)
                        """, [.text(number), .text(course), StoreValue(Data(number.utf8)), StoreValue(Data([9])), StoreValue(start),
                              StoreValue(start + 100), StoreValue(start / 10_000), StoreValue(enrolledOn)])
                }
                for (number, completedOn, passed, employedOn) in results {
                    try await tx.nativeExecute("""
                        INSERT INTO results (enrolment_number, course_code, details, completed_on, passed, completion_number, employed,
                            updated_ms, employed_on)
                        VALUES (?, 'A', ?, ?, ?, '', ?, 0, ?)
                        """, [.text(number), StoreValue(Data([9])), StoreValue(completedOn), StoreValue(passed),
                              StoreValue(employedOn == 0 ? 0 : 1), StoreValue(employedOn)])
                }
                // Issued before the completion was reported: it counts from the completion.
                try await tx.nativeExecute("""
                    INSERT INTO certificates_after (enrolment_number, certificate_number, issued_on, recorded_ms)
                    VALUES ('E1', 'C1', 20250310, 0)
                    """)
            },
            check: { after in
                let byCourse = try await after.read { db in
                    try await db.nativeRows("SELECT * FROM course_figures ORDER BY course_code, day").map { row in
                        "\(try row.string("course_code"))/\(try row.int64("day"))=" + (try Self.counts(row))
                    }
                }
                #expect(byCourse == [
                    "A/20250210=1,0,0,0,0,0", "A/20250215=1,0,0,0,0,0", "A/20250301=0,1,0,0,0,0",
                    "A/20250320=0,1,1,0,1,1", "A/20250401=0,0,0,1,0,0", "B/20251220=2,0,0,0,0,0",
                ])
                let byProgramme = try await after.read { db in
                    try await db.nativeRows("SELECT * FROM programme_figures ORDER BY programme, county, year, day").map { row in
                        "\(try row.int64("programme"))/\(try row.int64("county"))/\(try row.int64("year"))/\(try row.int64("day"))="
                            + (try Self.counts(row))
                    }
                }
                let a = "\(keyGroup)/140502/2025", b = "\(upgrade)/140581/2026"
                #expect(byProgramme.sorted() == [
                    "\(a)/20250210=1,0,0,0,0,0", "\(a)/20250215=1,0,0,0,0,0", "\(a)/20250301=0,1,0,0,0,0",
                    "\(a)/20250320=0,1,1,0,1,1", "\(a)/20250401=0,0,0,1,0,0", "\(b)/20251220=2,0,0,0,0,0",
                ].sorted())
            })
    }

    private static func counts(_ row: StoreRow) throws -> String {
        try CourseFigures.countColumns.map { String(try row.int64($0)) }.joined(separator: ",")
    }
}
