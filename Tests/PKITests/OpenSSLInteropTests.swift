import Foundation
import JCSkillsPKI
import JCSkillsTestSupport
import Testing
import X509

@Suite("openssl interoperability", .enabled(if: opensslAvailable, "openssl is not on PATH; skipping the openssl script and interop tests"))
struct OpenSSLInteropTests {
    @Test("deploy/pki/make-dev-pki.sh makes files that verify against its CA and carry the same SAN URIs")
    func scriptOutput() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.file("tls")
        let result = try await run(["bash", makeDevPKIScript, directory, "county-140524", "auditor"])
        try #require(result.status == 0, "make-dev-pki.sh failed:\n\(result.output)")

        let ca = try TestFiles.certificate(directory + "/ca.crt")
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(try TestFiles.mode(directory) == 0o700)
        #expect(try TestFiles.mode(directory + "/ca.key") == 0o600)
        let ids = DevelopmentPKI.standardIdentities + ["county-140524", "auditor"]
        for id in ids {
            let leaf = try TestFiles.certificate(directory + "/\(id).crt")
            #expect(try leaf.sanURIs == [IdentityRequest.defaultURI(for: id)], "\(id).crt")
            #expect(try leaf.sanDNSNames == ["localhost"])
            #expect(try leaf.sanIPAddresses == [[127, 0, 0, 1]])
            let eku = try #require(try leaf.extensions.extendedKeyUsage)
            #expect(eku.contains(.serverAuth) && eku.contains(.clientAuth))
            #expect(isValid(await verify(leaf, roots: [ca])), "\(id).crt does not verify against the script's CA")
            let keyPEM = try TestFiles.read(directory + "/\(id).key")
            #expect(keyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            #expect(try Certificate.PrivateKey(pemEncoded: keyPEM).publicKey == leaf.publicKey)
            #expect(try TestFiles.mode(directory + "/\(id).key") == 0o600, "\(id).key")
        }
        #expect(try TestFiles.certificate(directory + "/county-140524.crt").sanURIs == ["jcskills://county/140524"])

        // The Swift library accepts the script's directory as its own: everything is kept.
        let summary = try DevelopmentPKI.initialise(at: directory, extraIdentities: [IdentityRequest(id: "county-140524")])
        #expect(!summary.createdCA)
        #expect(summary.kept == DevelopmentPKI.standardIdentities + ["county-140524"])
        let loaded = try CertificateAuthority(loadingFrom: directory)
        #expect(loaded.certificate == ca)
    }

    @Test("re-running the script keeps the CA and adds only missing identities")
    func scriptRerun() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.path
        try #require(try await run(["bash", makeDevPKIScript, directory]).status == 0)
        let caBytes = try TestFiles.bytes(directory + "/ca.crt")
        let registryBytes = try TestFiles.bytes(directory + "/registry.crt")
        try FileManager.default.removeItem(atPath: directory + "/admin.key")
        let second = try await run(["bash", makeDevPKIScript, directory, "county-140524"])
        try #require(second.status == 0, "\(second.output)")
        #expect(try TestFiles.bytes(directory + "/ca.crt") == caBytes)
        #expect(try TestFiles.bytes(directory + "/registry.crt") == registryBytes)
        #expect(second.output.contains("created: admin"))
        #expect(second.output.contains("created: county-140524"))
        #expect(second.output.contains("kept:    registry"))
    }

    @Test("the script prints usage for -h and no arguments, and rejects bad ids without writing")
    func scriptUsage() async throws {
        let help = try await run(["bash", makeDevPKIScript, "-h"])
        #expect(help.status == 0)
        #expect(help.output.contains("usage:"))
        let none = try await run(["bash", makeDevPKIScript])
        #expect(none.status != 0)
        #expect(none.output.contains("usage:"))

        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let bad = try await run(["bash", makeDevPKIScript, temporary.file("tls"), "county-14052"])
        #expect(bad.status != 0)
        #expect(bad.output.contains("6-digit"))
        #expect(!TestFiles.exists(temporary.file("tls")))
    }

    @Test("openssl accepts what the Swift library writes")
    func opensslReadsSwiftOutput() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.path
        try DevelopmentPKI.initialise(at: directory, extraIdentities: [IdentityRequest(id: "county-140524", ipAddresses: ["127.0.0.1", "::1"])])
        for id in DevelopmentPKI.standardIdentities + ["county-140524"] {
            let verified = try await run(["openssl", "verify", "-CAfile", directory + "/ca.crt", "-purpose", "sslserver", directory + "/\(id).crt"])
            #expect(verified.status == 0, "openssl verify (server) \(id): \(verified.output)")
            let client = try await run(["openssl", "verify", "-CAfile", directory + "/ca.crt", "-purpose", "sslclient", directory + "/\(id).crt"])
            #expect(client.status == 0, "openssl verify (client) \(id): \(client.output)")
            let keyPublic = try await run(["openssl", "pkey", "-in", directory + "/\(id).key", "-pubout"])
            let certificatePublic = try await run(["openssl", "x509", "-in", directory + "/\(id).crt", "-noout", "-pubkey"])
            #expect(keyPublic.status == 0, "\(keyPublic.output)")
            #expect(keyPublic.output == certificatePublic.output, "\(id).key does not match \(id).crt for openssl")
        }
        let text = try await run(["openssl", "x509", "-in", directory + "/county-140524.crt", "-noout", "-text"])
        #expect(text.output.contains("URI:jcskills://county/140524"))
        #expect(text.output.contains("IP Address:0:0:0:0:0:0:0:1"))
        // A certificate from another CA fails openssl's check too.
        let other = try CertificateAuthority.generate()
        try other.issue(IdentityRequest(id: "stranger")).write(to: directory)
        let stranger = try await run(["openssl", "verify", "-CAfile", directory + "/ca.crt", directory + "/stranger.crt"])
        #expect(stranger.status != 0)
    }
}
