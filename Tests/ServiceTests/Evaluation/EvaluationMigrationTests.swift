import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing
@testable import EvaluationService

@Suite("Evaluation: migrations 6 to 8 keep what the older tables held")
struct EvaluationMigrationTests {
    @Test(arguments: TestDatabases.backends)
    func holdersDeltasAndCertificatesSurviveAndFirstCertificatesAreCountedPerDay(backend: TestBackend) async throws {
        // Three holders written by the schema before migration 6: two first certified on one
        // day in county 140524, one on another day in 140525. Up to migration 9: migration 10
        // recomputes the coverage from the certificates (EvaluationCoverageMigrationTests).
        try await withMigration(
            backend, service: "evaluation", before: Array(EvaluationSchema.migrations.prefix(5)),
            after: Array(EvaluationSchema.migrations.prefix(9)),
            seed: { tx in
                for (index, day, county) in [(1, 20200101, 140524), (2, 20200101, 140524), (3, 20210505, 140525)] {
                    try await tx.nativeExecute("INSERT INTO holders (holder_index, first_issued_on, first_county) VALUES (?, ?, ?)",
                                               [StoreValue(Data([UInt8(index)])), StoreValue(day), StoreValue(county)])
                }
                try await tx.nativeExecute("INSERT INTO coverage_deltas (scope, high_skill, day, delta) VALUES (0, 1, 20200101, 7)")
                try await tx.nativeExecute("INSERT INTO coverage_monthly (scope, high_skill, month, delta) VALUES (0, 1, 202001, 7)")
                try await tx.nativeExecute("INSERT INTO baseline_claims (holder_index, county, level) VALUES (?, 140524, 4)",
                                           [StoreValue(Data([1]))])
                // Certificates of holders 1 and 3, and of holder 4, whose only certificate was
                // revoked: the schema before migration 7 then deleted their `holders` row.
                for (number, holder) in [("A-1", 1), ("A-2", 1), ("A-3", 3), ("A-4", 4)] {
                    try await tx.nativeExecute("""
                        INSERT INTO certificates (number, institution, kind, occupation, level, high_skill, operation_code,
                            holder_index, holder_id_sealed, holder_name_sealed, name_index, employer, county, issued_on,
                            expires_on, ended_on, status, updated_ms)
                        VALUES (?, 'I', 2, '6-18-02-04', 4, 0, '', ?, ?, ?, ?, '', 140524, 20200101, ?, ?, 1, 0)
                        """, [StoreValue(number), StoreValue(Data([UInt8(holder)])), StoreValue(Data([9])), StoreValue(Data([9])),
                              StoreValue(Data([9])), StoreValue(EvaluationSchema.openEnded), StoreValue(EvaluationSchema.openEnded)])
                }
            },
            check: Self.check)
    }

    static func check(_ after: Store) async throws {
        try await after.read { db in
            let firsts = try await db.nativeRows("SELECT scope, day, persons FROM first_certificates ORDER BY scope, day")
                .map { "\(try $0.int64("scope"))/\(try $0.int64("day"))=\(try $0.int64("persons"))" }
            #expect(firsts == ["0/20200101=2", "0/20210505=1", "140524/20200101=2", "140525/20210505=1"])
            // Every holder of a certificate has a row and a number; their certificates are filed under it.
            let holders = try await db.nativeRows("SELECT * FROM holders ORDER BY holder_index")
            #expect(try holders.map { try $0.int64("seq") } == [1, 2, 3, 4])
            // Migration 8: the first certificate is no longer copied there.
            #expect(holders.first?.columns.sorted() == ["holder_index", "seq"])
            let filed = try await db.nativeRows("SELECT number, holder_seq FROM certificates ORDER BY number")
                .map { "\(try $0.string("number"))@\(try $0.int64("holder_seq"))" }
            #expect(filed == ["A-1@1", "A-2@1", "A-3@3", "A-4@4"])
            let deltas = try await db.nativeRows("SELECT delta FROM coverage_deltas WHERE scope = 0 AND high_skill = 1 AND day = 20200101")
            #expect(try deltas.map { try $0.int64("delta") } == [7])
            let monthly = try await db.nativeRows("SELECT delta FROM coverage_monthly WHERE scope = 0 AND high_skill = 1 AND month = 202001")
            #expect(try monthly.map { try $0.int64("delta") } == [7])
        }
        // The counts read the new table.
        let firsts = try await after.rows("SELECT SUM(persons) AS n FROM first_certificates WHERE scope = 140524 AND day >= 20200101 AND day <= 20201231", [])
        #expect(try firsts.first?.int64("n") == 2)
    }
}
