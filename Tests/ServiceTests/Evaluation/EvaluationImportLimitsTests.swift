import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: an oversize field in an import is its row's error", .timeLimit(.minutes(2)))
struct EvaluationImportLimitsTests {
    /// Straight to the service (the command-line client would stop these rows itself): a 1 MB
    /// occupation is indexed with the holder on PostgreSQL, which refused the entry and failed the
    /// whole import; a 1 MB number came back quoted in its row error.
    @Test(arguments: TestDatabases.backends)
    func oversizeFieldsAreRowErrorsAndTheRestGoesIn(backend: TestBackend) async throws {
        let megabyte = String(repeating: "6", count: 1 << 20)
        var rows: [CertificateImportRow] = (0..<10).map { index in
            let issue = CertificateIssue.sample(institution: "OLD-1", id: TestIDs.make(birth: "19850303", sequence: 300 + index),
                                                county: 140524, issuedOn: 20150601)
            return CertificateImportRow(line: UInt32(index + 2), number: "H-LIMIT-\(index)", certificate: issue, preSystem: false)
        }
        rows[1].certificate.occupation = megabyte
        rows[3].certificate.holderName = megabyte
        rows[5].certificate.institutionCode = megabyte
        rows[7].number = megabyte
        let oversize: [UInt32: String] = [3: "occupation", 5: "holder_name", 7: "institution_code", 9: "number"]
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                let summary = try await client.clientStreaming(EvaluationService.importCertificates) { writer in
                    // One row a message: a message holds at most 4 MiB.
                    for row in rows { try await writer.send(CertificateImportBatch(rows: [row])) }
                }
                #expect(summary.accepted == 6)
                #expect(summary.rejected == 4)
                #expect(Dictionary(uniqueKeysWithValues: summary.errors.map { ($0.line, $0.column) }) == oversize)
                #expect(summary.errors.allSatisfy { $0.reason.utf8.count < 200 })
            }
        }
    }
}
