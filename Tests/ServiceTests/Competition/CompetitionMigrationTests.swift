import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import CompetitionService

@Suite("Competition: the migrations rebuild the figures by day from what is stored")
struct CompetitionMigrationTests {
    /// Entries and awards written by the first schema: migration 2 makes each person a
    /// participant once a year, in the county of their first entry, and counts them by day;
    /// migration 3 counts the experts and the waiting promotions on their close's day and the
    /// issued ones on their issue's.
    @Test(arguments: TestDatabases.backends)
    func participantsAndAwardFiguresAreRebuilt(backend: TestBackend) async throws {
        // (person, county, year, entered on): P1 twice in 2020 (first in 140502), once in 2021.
        let entries: [(String, Int32, Int32, Int32)] = [
            ("P1", 140502, 2020, 20200310), ("P1", 140581, 2020, 20200320), ("P2", 140581, 2020, 20200320), ("P1", 140581, 2021, 20210401),
        ]
        // (entry id, county, year, expert, promotion, closed on, issued on)
        let awards: [(Int64, Int32, Int32, Int64, Int32, Int32, Int32)] = [
            (1, 140502, 2020, 1, PromotionState.issued.rawValue, 20200801, 20200805),
            (3, 140581, 2020, 1, PromotionState.pending.rawValue, 20200801, 0),
            (4, 140581, 2021, 0, PromotionState.atTopLevel.rawValue, 20210801, 0),
        ]
        try await withMigration(
            backend, service: "competition", before: Array(CompetitionSchema.migrations.prefix(1)), after: CompetitionSchema.migrations,
            seed: { tx in
                for (index, (person, county, year, enteredOn)) in entries.enumerated() {
                    try await tx.nativeExecute("""
                        INSERT INTO entries (competition, event, number, person_index, id_sealed, name_sealed, school, county, year, entered_on)
                        VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)
                        """, [.text("C\(year)"), .text("E\(index)"), .text("E\(index)-1"), StoreValue(Data(person.utf8)), StoreValue(Data([9])), StoreValue(Data([9])),
                              StoreValue(county), StoreValue(year), StoreValue(enteredOn)])
                }
                for (entry, county, year, expert, promotion, closedOn, issuedOn) in awards {
                    try await tx.nativeExecute("""
                        INSERT INTO awards (entry_id, competition, event, number, year, county, rank, expert, promotion, occupation, institution,
                            from_level, to_level, certificate, last_error, attempts, closed_on, issued_on)
                        VALUES (?, ?, 'E1', ?, ?, ?, 1, ?, ?, 'o', 'i', 0, 0, '', '', 0, ?, ?)
                        """, [.integer(entry), .text("C\(year)"), .text("N\(entry)"), StoreValue(year), StoreValue(county), .integer(expert),
                              StoreValue(promotion), StoreValue(closedOn), StoreValue(issuedOn)])
                }
            },
            check: { store in
                let counts = CompetitionCountsQueries()
                func at(_ county: Int32, _ day: Int32, _ year: Int32) async throws -> CompetitionCounts {
                    try await counts.counts(county: county, asOf: CalendarDate(yyyymmdd: day)!, year: year, reading: store)
                }
                #expect(try await at(0, 20201231, 2020).participants == 2)
                #expect(try await at(140502, 20201231, 2020).participants == 1)
                #expect(try await at(140581, 20201231, 2020).participants == 1)
                #expect(try await at(0, 20200315, 2020).participants == 1)
                #expect(try await at(0, 20211231, 2021).participants == 1)
                let summer = try await at(0, 20200802, 2020)
                #expect(summer.technicalExperts == 2 && summer.promotionsPending == 2 - 1 && summer.levelPromotions == 0)
                let autumn = try await at(0, 20201231, 2020)
                #expect(autumn.levelPromotions == 1 && autumn.promotionsPending == 1)
                #expect(try await at(140502, 20201231, 2020).levelPromotions == 1)
                #expect(try await at(0, 20211231, 2021).technicalExperts == 0)
            })
    }
}
