import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService

@Suite("Registry: migration 8 counts the stored persons past age or without a phone")
struct RegistryQualityMigrationTests {
    @Test(arguments: TestDatabases.backends)
    func theCountersAreFilledFromTheRowsAlreadyStored(backend: TestBackend) async throws {
        let personal = PersonalData(keys: .generate())
        let empty = personal.seal("", as: .phone)
        let phone = personal.seal("13812345678", as: .phone)
        // (id, county, status, band, sealed phone); the zone's persons count in its host county.
        let persons: [(Int64, Int32, RegistrationStatus, Int32, Data)] = [
            (1, 140524, .active, 2, empty),
            (2, 140524, .active, AgeBand.beyondLabourForce, phone),
            (3, 140599, .active, AgeBand.beyondLabourForce, empty),
            (4, 140581, .movedAway, AgeBand.beyondLabourForce, empty),
            (5, 140581, .active, 1, phone),
            (6, 140581, .leftLabourForce, 3, empty),
        ]
        try await withMigration(
            backend, service: "registry", before: Array(RegistrySchema.migrations.prefix(7)), after: RegistrySchema.migrations,
            seed: { tx in
                for (id, county, status, band, sealedPhone) in persons {
                    var details = PersonDetails()
                    details.ageBand = band
                    details.registeredOn = 20200901
                    try await tx.nativeExecute("""
                        INSERT INTO persons (id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                            status, details, version, updated_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)
                        """, [StoreValue(id), StoreValue("card-\(id)"), StoreValue(Data([UInt8(id)])), StoreValue(Data([9])),
                              StoreValue(Data([9])), StoreValue(sealedPhone), StoreValue(county), StoreValue(status.rawValue),
                              StoreValue(Data(details.wireBytes()))])
                }
            },
            check: { store in
                let service = RegistryDefinition.makeService(store: store, personal: personal)
                let expected: [Int32: (pastAge: UInt64, missingPhone: UInt64)] = [
                    0: (2, 2), 140524: (1, 1), 140525: (1, 1), 140581: (0, 0), 140502: (0, 0),
                ]
                for (county, figures) in expected {
                    let report = try await service.quality.report(county: county)
                    #expect(report.pastAgeActive == figures.pastAge, "\(county)")
                    #expect(report.missingPhone == figures.missingPhone, "\(county)")
                }
                #expect(try await service.quality.report(county: 0).imports.isEmpty)
            })
    }
}
