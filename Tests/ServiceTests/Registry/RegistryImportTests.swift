import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Registry: bulk import, export, and aggregates against a recount")
struct RegistryImportTests {
    /// Demo persons as import rows (line numbers as in the CSV file: header is line 1).
    static func rows(persons: Int, seed: UInt64, invalidEvery: Int? = nil) throws -> [PersonImportRow] {
        let csv = RegistryDemoData.generate(persons: persons, enterprises: 0, seed: seed, invalidRowEvery: invalidEvery).personsCSV
        var rows: [PersonImportRow] = []
        for (offset, line) in csv.split(separator: "\n").enumerated() where offset > 0 {
            let fields = try CSVRow.parse(line)
            var person = PersonRegistration()
            typealias C = RegistryCSVFormat.PersonColumn
            person.idNumber = fields[C.idNumber.index]
            person.name = fields[C.name.index]
            person.gender = RegistryCSVFormat.gender.value(for: fields[C.gender.index]) ?? .unspecified
            person.residenceCounty = Int32(fields[C.residenceCounty.index]) ?? 0
            person.category = RegistryCSVFormat.category.value(for: fields[C.category.index]) ?? .unspecified
            person.keyGroups = RegistryCSVFormat.parseKeyGroups(fields[C.keyGroups.index]) ?? []
            person.education = RegistryCSVFormat.education.value(for: fields[C.education.index]) ?? .unspecified
            person.employment = RegistryCSVFormat.employment.value(for: fields[C.employment.index]) ?? .unspecified
            person.occupation = fields[C.occupation.index]
            person.trainingWish = fields[C.trainingWish.index]
            person.phone = fields[C.phone.index]
            person.registeredOn = CalendarDate.parse(fields[C.registeredOn.index])?.yyyymmdd ?? 0
            rows.append(PersonImportRow(line: UInt32(offset + 1), person: person))
        }
        return rows
    }

    static func importRows(_ rows: [PersonImportRow], _ client: RPCClient, batch: Int = 200) async throws -> ImportSummary {
        try await client.clientStreaming(RegistryService.importPersons) { writer in
            for start in stride(from: 0, to: rows.count, by: batch) {
                try await writer.send(PersonImportBatch(rows: Array(rows[start..<min(start + batch, rows.count)])))
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func mixedRowsAreReportedExactlyAndReimportAddsNothing(backend: TestBackend) async throws {
        var rows = try Self.rows(persons: 1_000, seed: 7, invalidEvery: 100)
        // A duplicate of line 2 at the end, and a 15-digit legacy number (converted and kept).
        var duplicate = rows[0]
        duplicate.line = UInt32(rows.count + 2)
        rows.append(duplicate)
        var legacy = rows[1]
        legacy.line = UInt32(rows.count + 2)
        legacy.person.idNumber = "140524900101123"
        legacy.person.gender = .unspecified
        rows.append(legacy)
        let defective = rows.filter { $0.line != duplicate.line && $0.line != legacy.line && ($0.line - 1) % 100 == 0 }.map(\.line)

        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let first = try await Self.importRows(rows, client)
                #expect(first.received == 1_002)
                #expect(first.rejected == UInt64(defective.count))
                #expect(first.errors.map(\.line) == defective)
                #expect(first.errors.allSatisfy { !$0.column.isEmpty && !$0.reason.isEmpty })
                #expect(first.alreadyRegistered == 1)
                #expect(first.accepted == 1_002 - UInt64(defective.count) - 1)

                let legacyView = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: "140524199001011239"))
                #expect(legacyView.birthDate == 19900101)

                let again = try await Self.importRows(rows, client, batch: 333)
                #expect(again.accepted == 0)
                #expect(again.alreadyRegistered == first.accepted + 1)
                #expect(again.rejected == first.rejected)

                // Registrations per day count everyone registered (today's `registered` leaves out
                // those past the labour-force ages today).
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.daily.reduce(0) { $0 + $1.count } == first.accepted)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aggregatesEqualABruteForceRecount(backend: TestBackend) async throws {
        let rows = try Self.rows(persons: 2_000, seed: 11)
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let summary = try await Self.importRows(rows, client)
                #expect(summary.rejected == 0)
                // Change some records so the counters must move between cells.
                for row in rows.prefix(40) {
                    var update = PersonUpdate()
                    update.person = PersonLookup(idNumber: row.person.idNumber)
                    update.employment = .unemployed
                    _ = try await client.unary(RegistryService.updatePerson, update)
                }
                for row in rows.dropFirst(40).prefix(10) {
                    var leave = StatusChange()
                    leave.person = PersonLookup(idNumber: row.person.idNumber)
                    leave.status = .leftLabourForce
                    leave.leavingReason = .age
                    _ = try await client.unary(RegistryService.changeStatus, leave)
                }
                // Recount from an export of every active person.
                struct Key: Hashable { var county: Int32; var category: Int32; var gender: Int32; var band: Int32; var employment: Int32 }
                var expected: [Key: UInt64] = [:]
                let exported = try await client.serverStreaming(RegistryService.exportPersons, ExportRequest(county: 0)) { batches in
                    var persons: [PersonView] = []
                    for try await batch in batches { persons += batch.persons }
                    return persons
                }
                #expect(exported.count == 2_000 - 10)
                // Today's analysis: each person in the band of their age today, those past 60 in none.
                let today = CalendarDate(year: 2020, month: 11, day: 1)!
                for person in exported {
                    let age = CalendarDate(yyyymmdd: person.birthDate)!.years(until: today)
                    guard age <= 60 else { continue }
                    let key = Key(county: person.residenceCounty, category: person.category.rawValue, gender: person.gender.rawValue,
                                  band: Int32(AgeBand.index(ofAge: age)), employment: person.employment.rawValue)
                    expected[key, default: 0] += 1
                }
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                var actual: [Key: UInt64] = [:]
                for cell in stats.cells {
                    actual[Key(county: cell.county, category: cell.category.rawValue, gender: cell.gender.rawValue,
                               band: cell.ageBand, employment: cell.employment.rawValue)] = cell.count
                }
                #expect(actual == expected)
                #expect(stats.registered == expected.values.reduce(0, +))
                #expect(stats.registered > 1_900, "the generated persons are mostly of working age today")
                // County totals add up to the city.
                let perCounty = try await withThrowingTaskGroup(of: UInt64.self) { group in
                    for county in [140502, 140521, 140522, 140524, 140525, 140581] as [Int32] {
                        group.addTask { try await client.unary(RegistryService.statistics, StatisticsRequest(county: county)).registered }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(perCounty == stats.registered)
                #expect(stats.daily.reduce(0) { $0 + $1.count } == 2_000)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anAbandonedExportLeavesTheStoreUsable(backend: TestBackend) async throws {
        let rows = try Self.rows(persons: 1_500, seed: 3)
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                _ = try await Self.importRows(rows, client)
                for _ in 0..<5 {
                    // Read one batch of a long export, then walk away (the call is cancelled).
                    let first = try await client.serverStreaming(RegistryService.exportPersons, ExportRequest(county: 0)) { batches in
                        var iterator = batches.makeAsyncIterator()
                        return try await iterator.next()?.persons.count ?? 0
                    }
                    #expect(first > 0)
                }
                for row in rows.prefix(20) {
                    let person = try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: row.person.idNumber))
                    #expect(person.idNumber == row.person.idNumber)
                }
            }
        }
    }
}
