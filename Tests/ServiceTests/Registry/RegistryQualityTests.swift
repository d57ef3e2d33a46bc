import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import RegistryService

@Suite("Registry: the data-quality view against a recount of the imported files", .timeLimit(.minutes(3)))
struct RegistryQualityTests {
    /// The small demo file with a defect every 25th row, and its first valid row again at the
    /// end (a duplicate the import catches).
    static func demoRows() throws -> [PersonImportRow] {
        var rows = try RegistryImportTests.rows(persons: 600, seed: 11, invalidEvery: 25)
        var again = try #require(rows.first { QualityRecount.reason($0.person) == nil })
        again.line = UInt32(rows.count + 2)
        rows.append(again)
        return rows
    }

    static func quality(_ client: RPCClient, county: Int32) async throws -> QualityReport {
        try await client.unary(RegistryService.quality, QualityRequest(county: county))
    }

    @Test(arguments: TestDatabases.backends)
    func importedFiguresEqualARecountOfTheFile(backend: TestBackend) async throws {
        let rows = try Self.demoRows()
        let recount = QualityRecount(rows)
        // Every defect of the demo file is there, and the file names no county the registry lacks.
        #expect(Set(recount.rejections(county: 0).keys) == [
            "id_number.wrong_check_character", "id_number.impossible_birth_date", "id_number.age", "phone", "residence_county",
        ])
        #expect(recount.sum(recount.duplicates, county: 0) == 1)
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let summary = try await RegistryImportTests.importRows(rows, client)
                #expect(summary.rejected == recount.rejections(county: 0).values.reduce(0, +))
                for county in [0] + JinchengDivisions.countyCodes {
                    let report = try await Self.quality(client, county: county)
                    let standing = recount.standing(county: county, on: 20201101)
                    #expect(report.county == county)
                    #expect(report.rejectionCounts(kind: "persons") == recount.rejections(county: county), "\(county)")
                    #expect(report.cellCounts == standing.cells, "\(county)")
                    #expect(report.registered == standing.cells.values.reduce(0, +))
                    #expect(report.pastAgeActive == standing.pastAge, "\(county)")
                    // The rules refuse a card without a phone, so an import leaves none.
                    #expect(report.missingPhone == 0)
                    let entry = try #require(report.imports.first, "\(county)")
                    #expect(report.imports.count == 1)
                    #expect(entry.kind == "persons" && entry.principal == "jcskills://admin")
                    #expect(entry.received == recount.sum(recount.received, county: county), "\(county)")
                    #expect(entry.accepted == recount.sum(recount.accepted, county: county), "\(county)")
                    #expect(entry.alreadyRegistered == recount.sum(recount.duplicates, county: county), "\(county)")
                    #expect(entry.rejected == recount.rejections(county: county).values.reduce(0, +), "\(county)")
                    #expect(Dictionary(uniqueKeysWithValues: entry.rejections.map { ($0.reason, $0.rows) }) == recount.rejections(county: county))
                }
                // Rows naming no Jincheng county are the city's alone.
                #expect(recount.rejected[0]?["residence_county"] ?? 0 > 0)
            }
            // A county office reads its own view, with the same figures.
            try await registry.client("county-140524") { client in
                let own = try await Self.quality(client, county: 140524)
                #expect(own.cellCounts == recount.standing(county: 140524, on: 20201101).cells)
            }
        }
    }

    /// The expected persons per gender × band: the county's estimated labour force split evenly
    /// over the ages 16–60 (9, 10, 10, 10 and 6 of 45 years) and half to each gender.
    @Test
    func theExpectedCellsSplitTheLabourForceEvenlyOverAgesAndGenders() async throws {
        try await RegistryHarness.with(.sqlite) { registry in
            try await registry.client("admin") { client in
                let county = try await Self.quality(client, county: 140524)
                #expect(county.estimatedLabourForce == 150_000)
                let years: [UInt64] = [9, 10, 10, 10, 6]
                for cell in county.expected {
                    // 150,000 × years / 45 / 2, to the nearest person.
                    #expect(cell.expected == (150_000 * years[Int(cell.ageBand)] + 45) / 90)
                }
                #expect(county.expected.count == 10)
                #expect(Set(county.expected.map(\.gender)) == [.male, .female])
                let city = try await Self.quality(client, county: 0)
                #expect(city.estimatedLabourForce == 1_540_000)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCountyOfficeSeesOnlyItsOwnCounty(backend: TestBackend) async throws {
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("county-140524") { client in
                for county: Int32 in [140581, 0] {
                    let error = await #expect(throws: RPCError.self) { try await Self.quality(client, county: county) }
                    #expect(error?.code == .permissionDenied, "\(county)")
                }
                let own = try await Self.quality(client, county: 140524)
                #expect(own.county == 140524)
            }
            for identity in ["auditor", "gateway", "admin"] {
                try await registry.client(identity) { client in
                    let city = try await Self.quality(client, county: 0)
                    let county = try await Self.quality(client, county: 140581)
                    #expect(city.county == 0 && county.county == 140581, "\(identity)")
                }
            }
            // Not for services that have no use for it.
            try await registry.client("training") { client in
                let error = await #expect(throws: RPCError.self) { try await Self.quality(client, county: 140524) }
                #expect(error?.code == .permissionDenied)
            }
            try await registry.client("admin") { client in
                let error = await #expect(throws: RPCError.self) { try await Self.quality(client, county: 140599) }
                #expect(error?.code == .invalidArgument)
            }
        }
    }

    /// A clerk registering, one at a time, someone who already has a card: refused, and counted
    /// in the county the registration named.
    @Test(arguments: TestDatabases.backends)
    func singleRegistrationsRefusedAsDuplicatesAreCounted(backend: TestBackend) async throws {
        let id = TestIDs.make(birth: "19900101", sequence: 21)
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("county-140524") { client in
                _ = try await client.unary(RegistryService.registerPerson, .sample(id: id))
                for _ in 0..<2 {
                    let error = await #expect(throws: RPCError.self) {
                        try await client.unary(RegistryService.registerPerson, .sample(id: id), options: CallOptions(idempotencyKey: UUID().uuidString))
                    }
                    #expect(error?.code == .alreadyExists)
                }
                let own = try await Self.quality(client, county: 140524)
                #expect(own.duplicateRegistrations == 2)
            }
            try await registry.client("admin") { client in
                let city = try await Self.quality(client, county: 0)
                let other = try await Self.quality(client, county: 140581)
                #expect(city.duplicateRegistrations == 2 && other.duplicateRegistrations == 0)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aRetriedImportUnderTheSameKeyCountsOnce(backend: TestBackend) async throws {
        let rows = try Self.demoRows()
        let recount = QualityRecount(rows)
        func send(_ client: RPCClient, key: String?) async throws -> ImportSummary {
            try await client.clientStreaming(RegistryService.importPersons, options: CallOptions(idempotencyKey: key)) { writer in
                for start in stride(from: 0, to: rows.count, by: 150) {
                    try await writer.send(PersonImportBatch(rows: Array(rows[start..<min(start + 150, rows.count)])))
                }
            }
        }
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let first = try await send(client, key: "persons-2020-11-01")
                let retried = try await send(client, key: "persons-2020-11-01")
                // The retry writes nothing and says so; its figures are not added.
                #expect(retried.accepted == 0 && retried.alreadyRegistered == first.accepted + first.alreadyRegistered)
                var report = try await Self.quality(client, county: 0)
                #expect(report.imports.count == 1)
                #expect(report.imports.first?.accepted == first.accepted)
                #expect(report.rejectionCounts(kind: "persons") == recount.rejections(county: 0))
                // Another import of the same file, under no key, is an import of its own.
                _ = try await send(client, key: nil)
                report = try await Self.quality(client, county: 0)
                #expect(report.imports.count == 2)
                #expect(report.imports.first?.accepted == 0)
                #expect(report.imports.first?.alreadyRegistered == first.accepted + first.alreadyRegistered)
                #expect(report.rejectionCounts(kind: "persons") == recount.rejections(county: 0).mapValues { $0 * 2 })
            }
        }
    }

    /// The age work moves persons past 60 out of the cells; they count as past age while still
    /// active, and stop when their status changes.
    @Test(arguments: TestDatabases.backends)
    func personsPastAgeFollowTheAgeWorkAndStatusChanges(backend: TestBackend) async throws {
        let rows = try Self.demoRows()
        let recount = QualityRecount(rows)
        let later: Int32 = 20_271_101
        let standing = recount.standing(county: 0, on: later)
        #expect(standing.pastAge > recount.standing(county: 0, on: 20201101).pastAge)
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                _ = try await RegistryImportTests.importRows(rows, client)
                try await registry.aging(on: later).catchUp()
                for county in [0] + JinchengDivisions.countyCodes {
                    let report = try await Self.quality(client, county: county)
                    let expected = recount.standing(county: county, on: later)
                    #expect(report.pastAgeActive == expected.pastAge, "\(county)")
                    #expect(report.cellCounts == expected.cells, "\(county)")
                }
                let today = (Int(later) / 10000, Int(later) / 100 % 100, Int(later) % 100)
                let old = try #require(recount.persons.first { QualityRecount.years(from: $0.birth, to: today) > 60 })
                var change = StatusChange()
                change.person = PersonLookup(idNumber: old.id)
                change.status = .leftLabourForce
                change.leavingReason = .age
                change.reason = "past 60"
                _ = try await client.unary(RegistryService.changeStatus, change)
                #expect(try await Self.quality(client, county: 0).pastAgeActive == standing.pastAge - 1)
                #expect(try await Self.quality(client, county: old.county).pastAgeActive == recount.standing(county: old.county, on: later).pastAge - 1)
            }
        }
    }
}

@Suite("Registry: the data-quality view of enterprise imports", .timeLimit(.minutes(2)))
struct RegistryEnterpriseQualityTests {
    /// The demo enterprises file as import rows, and one row of a county the registry lacks.
    static func rows() throws -> [EnterpriseImportRow] {
        let csv = RegistryDemoData.generate(persons: 0, enterprises: 60, seed: 5).enterprisesCSV
        var rows: [EnterpriseImportRow] = []
        typealias C = RegistryCSVFormat.EnterpriseColumn
        for (offset, line) in csv.split(separator: "\n").enumerated() where offset > 0 {
            let fields = try CSVRow.parse(line)
            var enterprise = Enterprise()
            enterprise.creditCode = fields[C.creditCode.index]
            enterprise.name = fields[C.name.index]
            enterprise.county = Int32(fields[C.county.index]) ?? 0
            enterprise.industry = fields[C.industry.index]
            enterprise.staffCount = UInt32(fields[C.staffCount.index]) ?? 0
            enterprise.aboveDesignatedSize = RegistryCSVFormat.parseBool(fields[C.aboveDesignatedSize.index]) ?? false
            rows.append(EnterpriseImportRow(line: UInt32(offset + 1), enterprise: enterprise))
        }
        var stray = rows[0]
        stray.line = UInt32(rows.count + 2)
        stray.enterprise.creditCode = TestCreditCodes.make(9_001)
        stray.enterprise.county = 140523
        rows.append(stray)
        return rows
    }

    static func send(_ rows: [EnterpriseImportRow], _ client: RPCClient) async throws -> ImportSummary {
        try await client.clientStreaming(RegistryService.importEnterprises) { writer in
            try await writer.send(EnterpriseImportBatch(rows: rows))
        }
    }

    /// Per county, the rows each import received, took and found registered already, against
    /// the file's own county column; the rejections by reason against the import's own answer.
    @Test(arguments: TestDatabases.backends)
    func enterpriseImportsAreCountedPerCountyAndOnceMoreAsDuplicates(backend: TestBackend) async throws {
        let rows = try Self.rows()
        var perCounty: [Int32: UInt64] = [:]
        for row in rows where QualityRecount.counted(row.enterprise.county) != 0 {
            perCounty[QualityRecount.counted(row.enterprise.county), default: 0] += 1
        }
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                let first = try await Self.send(rows, client)
                let again = try await Self.send(rows, client)
                #expect(again.alreadyRegistered == first.accepted)
                var byColumn: [String: UInt64] = [:]
                for error in first.errors { byColumn[error.column, default: 0] += 1 }
                let city = try await RegistryQualityTests.quality(client, county: 0)
                #expect(city.rejectionCounts(kind: "enterprises") == byColumn.mapValues { $0 * 2 })
                #expect(byColumn["county"] == 1)
                for county in JinchengDivisions.countyCodes {
                    let report = try await RegistryQualityTests.quality(client, county: county)
                    let imports = report.imports.filter { $0.kind == "enterprises" }
                    guard let expected = perCounty[county] else {
                        #expect(imports.isEmpty)
                        continue
                    }
                    #expect(imports.count == 2, "\(county)")
                    #expect(imports.allSatisfy { $0.received == expected }, "\(county)")
                    // The later import, listed first, found every one of them registered.
                    #expect(imports.first?.alreadyRegistered == imports.last?.accepted, "\(county)")
                    #expect(imports.first?.accepted == 0, "\(county)")
                }
            }
        }
    }
}
