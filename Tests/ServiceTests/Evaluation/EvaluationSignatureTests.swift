import Foundation
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

@Suite("Evaluation: certificates signed with the city's key, verified offline")
struct EvaluationSignatureTests {
    @Test(arguments: TestDatabases.backends)
    func tamperedExportFailsVerification(backend: TestBackend) async throws {
        let directory = try makeTemporaryDirectory("signing")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let publicKey = "\(directory)/\(CitySigningKey.publicKeyFileName)"
        try EvaluationHarness.signingKey.publicKeyPEM.write(toFile: publicKey, atomically: true, encoding: .utf8)
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(code: "SIG-1", scope: [
                    ScopeEntry(occupation: "6-18-02-04", levels: [.level4, .level3]),
                ]))
                let issued = try await client.unary(EvaluationService.issueCertificate, .sample(
                    institution: "SIG-1", level: .level4, id: TestIDs.make(birth: "19900101", sequence: 41), name: "李华"))
                let signed = try await client.unary(EvaluationService.exportCertificate, CertificateLookup(number: issued.number))
                #expect(signed.body.holderName == "李华")
                #expect(signed.body.state == .valid)
                #expect(signed.body.keyID == EvaluationHarness.signingKey.keyID)

                // The file as exported verifies with the public key alone.
                let text = CertificateDocument.text(signed)
                #expect(try Self.verify(text, publicKey))
                // Any changed value fails: the level, the name, the state.
                #expect(try !Self.verify(text.replacingOccurrences(of: "level: 4", with: "level: 1"), publicKey))
                #expect(try !Self.verify(text.replacingOccurrences(of: "holder_name: 李华", with: "holder_name: 李军"), publicKey))
                // The unsigned comment lines may change without harm.
                #expect(try Self.verify(text.replacingOccurrences(of: "# JCSkills", with: "# a copy of a JCSkills"), publicKey))
                // Another key's public half does not verify it.
                let stranger = "\(directory)/stranger.pub"
                try CitySigningKey().publicKeyPEM.write(toFile: stranger, atomically: true, encoding: .utf8)
                #expect(try !Self.verify(text, stranger))

                // A revoked certificate exports as revoked (state on the signing day).
                _ = try await client.unary(EvaluationService.revokeCertificate, CertificateRevocation(number: issued.number, reason: "fraud"))
                let revoked = try await client.unary(EvaluationService.exportCertificate, CertificateLookup(number: issued.number))
                #expect(revoked.body.state == .revoked)
            }
        }
    }

    @Test func keyFilesRoundTrip() throws {
        let directory = try makeTemporaryDirectory("signing-files")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try CitySigningKey.create(in: directory))
        #expect(try !CitySigningKey.create(in: directory))  // an existing key is kept
        let key = try CitySigningKey.load(privateKeyAt: "\(directory)/\(CitySigningKey.privateKeyFileName)")
        let message: [UInt8] = Array("certificate".utf8)
        let signature = try key.sign(message)
        #expect(try CitySigningKey.verify(signature: signature, of: message, publicKeyAt: "\(directory)/\(CitySigningKey.publicKeyFileName)"))
        #expect(try CitySigningKey.keyID(publicKeyAt: "\(directory)/\(CitySigningKey.publicKeyFileName)") == key.keyID)
    }

    /// What `jcskills cert verify` does: parse the document, rebuild the body, check the signature.
    static func verify(_ text: String, _ publicKey: String) throws -> Bool {
        let signed = try CertificateDocument.parse(text)
        return try CitySigningKey.verify(signature: signed.signature.bytes, of: signed.body.wireBytes(), publicKeyAt: publicKey)
    }
}
