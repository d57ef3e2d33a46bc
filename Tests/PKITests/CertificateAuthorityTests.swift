import Foundation
import JCSkillsPKI
import JCSkillsTestSupport
import SwiftASN1
import Testing
@_spi(FixedExpiryValidationTime) import X509

@Suite("Certificate authority and identities")
struct CertificateAuthorityTests {
    @Test("a generated CA is a self-signed P-256 CA with the documented extensions")
    func generatedCA() throws {
        let ca = try CertificateAuthority.generate()
        let certificate = try Certificate(pemEncoded: ca.certificatePEM)
        #expect(certificate == ca.certificate)
        #expect(certificate.issuer == certificate.subject)
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        #expect(certificate.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(certificate.subject.description.contains("CN=Jincheng Skills Development CA"))

        let basic = try #require(certificate.extensions[oid: .X509ExtensionID.basicConstraints])
        #expect(basic.critical)
        #expect(try certificate.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        let keyUsage = try #require(try certificate.extensions.keyUsage)
        #expect(keyUsage.keyCertSign && keyUsage.cRLSign)
        #expect(!keyUsage.digitalSignature)
        #expect(try certificate.extensions.subjectKeyIdentifier != nil)

        let lifetime = certificate.notValidAfter.timeIntervalSince(Date()) / 86_400
        #expect(abs(lifetime - 3650) < 1)
        #expect(certificate.notValidBefore < Date())
        #expect(ca.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test("commonName and validityDays are honoured; a non-positive validity is refused")
    func customCA() throws {
        let ca = try CertificateAuthority.generate(commonName: "Test Root", validityDays: 30)
        #expect(ca.certificate.subject.description.contains("CN=Test Root"))
        #expect(abs(ca.certificate.notValidAfter.timeIntervalSince(Date()) / 86_400 - 30) < 1)
        #expect(throws: PKIError.self) { try CertificateAuthority.generate(validityDays: 0) }
    }

    @Test("an issued identity carries SAN URI/DNS/IP, both EKUs, digitalSignature and key identifiers")
    func issuedIdentityExtensions() throws {
        let ca = try CertificateAuthority.generate()
        let identity = try ca.issue(IdentityRequest(id: "registry"))
        let leaf = try Certificate(pemEncoded: identity.certificatePEM)
        #expect(leaf == identity.certificate)
        #expect(leaf.issuer == ca.certificate.subject)
        #expect(leaf.subject.description.contains("CN=registry"))

        #expect(try leaf.sanURIs == ["jcskills://registry"])
        #expect(try leaf.sanDNSNames == ["localhost"])
        #expect(try leaf.sanIPAddresses == [[127, 0, 0, 1]])

        let eku = try #require(try leaf.extensions.extendedKeyUsage)
        #expect(eku.contains(.serverAuth))
        #expect(eku.contains(.clientAuth))
        let keyUsage = try #require(try leaf.extensions.keyUsage)
        #expect(keyUsage.digitalSignature)
        #expect(!keyUsage.keyCertSign)
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)

        let aki = try #require(try leaf.extensions.authorityKeyIdentifier?.keyIdentifier)
        let caSKI = try #require(try ca.certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(aki == caSKI)
        #expect(try leaf.extensions.subjectKeyIdentifier != nil)

        // Defaults: now - 1 h ... now + 825 days.
        let now = Date()
        #expect(abs(leaf.notValidBefore.timeIntervalSince(now) + 3600) < 120)
        #expect(abs(leaf.notValidAfter.timeIntervalSince(now) / 86_400 - 825) < 1)
    }

    @Test("the private key is PKCS#8 PEM and belongs to the certificate")
    func privateKeyMatches() throws {
        let ca = try CertificateAuthority.generate()
        let identity = try ca.issue(IdentityRequest(id: "training"))
        #expect(identity.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(identity.privateKeyPEM.hasSuffix("-----END PRIVATE KEY-----\n"))
        let key = try Certificate.PrivateKey(pemEncoded: identity.privateKeyPEM)
        #expect(key.publicKey == identity.certificate.publicKey)
        let document = try PEMDocument(pemString: identity.privateKeyPEM)
        #expect(document.discriminator == "PRIVATE KEY")
    }

    @Test("county ids get jcskills://county/<code>; IPv6 ::1, custom DNS names and URIs are supported")
    func countyAndIPv6() throws {
        #expect(IdentityRequest.defaultURI(for: "county-140524") == "jcskills://county/140524")
        #expect(IdentityRequest.defaultURI(for: "auditor") == "jcskills://auditor")
        #expect(IdentityRequest(id: "gateway").uri == "jcskills://gateway")

        let ca = try CertificateAuthority.generate()
        let county = try ca.issue(
            IdentityRequest(id: "county-140524", dnsNames: ["localhost", "county.example"], ipAddresses: ["127.0.0.1", "::1"])
        )
        #expect(try county.certificate.sanURIs == ["jcskills://county/140524"])
        #expect(try county.certificate.sanDNSNames == ["localhost", "county.example"])
        #expect(try county.certificate.sanIPAddresses == [[127, 0, 0, 1], Array(repeating: 0, count: 15) + [1]])

        let custom = try ca.issue(IdentityRequest(id: "ops", uri: "jcskills://auditor"))
        #expect(try custom.certificate.sanURIs == ["jcskills://auditor"])
    }

    @Test("a leaf verifies against its CA (RFC 5280) and not against another CA")
    func chainVerification() async throws {
        let ca = try CertificateAuthority.generate()
        let other = try CertificateAuthority.generate()  // same subject name, different key
        let leaf = try ca.issue(IdentityRequest(id: "evaluation")).certificate

        let good = await verify(leaf, roots: [ca.certificate])
        guard case .validCertificate(let chain) = good else {
            Issue.record("expected a valid chain, got \(good)")
            return
        }
        #expect(chain.leaf == leaf)
        #expect(chain.root == ca.certificate)

        #expect(!isValid(await verify(leaf, roots: [other.certificate])))
        #expect(!isValid(await verify(leaf, roots: [])))
        #expect(ca.hasIssued(leaf))
        #expect(!other.hasIssued(leaf))
    }

    @Test("an expired identity really is expired, and fails only on time")
    func expiredIdentity() async throws {
        let ca = try CertificateAuthority.generate()
        let now = Date()
        let request = IdentityRequest(
            id: "competition",
            notValidBefore: now.addingTimeInterval(-2 * 86_400),
            notValidAfter: now.addingTimeInterval(-600)
        )
        let leaf = try ca.issue(request).certificate
        #expect(leaf.notValidAfter < now)
        #expect(!isValid(await verify(leaf, roots: [ca.certificate])))

        // The same chain is fine at a time inside both validities (the CA's starts an hour ago),
        // so expiry is the only fault.
        var verifier = Verifier(rootCertificates: CertificateStore([ca.certificate])) {
            RFC5280Policy(fixedExpiryValidationTime: now.addingTimeInterval(-1800))
        }
        #expect(isValid(await verifier.validate(leaf: leaf, intermediates: CertificateStore())))
    }

    @Test("identity validity is capped at the CA's expiry")
    func validityCappedAtCA() throws {
        let ca = try CertificateAuthority.generate(validityDays: 10)
        let leaf = try ca.issue(IdentityRequest(id: "gateway")).certificate
        #expect(leaf.notValidAfter == ca.certificate.notValidAfter)
    }

    @Test("a CA round-trips through PEM and through a directory")
    func loadCA() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ca = try CertificateAuthority.generate()
        let loaded = try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: ca.privateKeyPEM)
        #expect(loaded.certificate == ca.certificate)

        try ca.write(to: directory.path)
        #expect(try TestFiles.read(directory.file("ca.crt")) == ca.certificatePEM)
        #expect(try TestFiles.mode(directory.file("ca.key")) == 0o600)
        let fromDisk = try CertificateAuthority(loadingFrom: directory.path)
        #expect(fromDisk.certificate == ca.certificate)
        // A leaf issued by the reloaded CA chains to the original certificate.
        let leaf = try fromDisk.issue(IdentityRequest(id: "admin")).certificate
        #expect(isValid(await verify(leaf, roots: [ca.certificate])))
    }

    @Test("a SEC1 (EC PRIVATE KEY) CA key is accepted too", .enabled(if: opensslAvailable, "openssl is not on PATH"))
    func sec1Key() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ca = try CertificateAuthority.generate()
        try ca.write(to: directory.path)
        let converted = try await run(["openssl", "ec", "-in", directory.file("ca.key"), "-out", directory.file("sec1.key")])
        try #require(converted.status == 0, "openssl ec failed: \(converted.output)")
        let sec1 = try TestFiles.read(directory.file("sec1.key"))
        #expect(sec1.contains("BEGIN EC PRIVATE KEY"))
        let loaded = try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: sec1)
        #expect(loaded.certificate == ca.certificate)
    }

    @Test("IssuedIdentity.write writes <name>.crt (0644) and <name>.key (0600), creating the directory 0700")
    func writeIdentity() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.file("nested/tls")
        let identity = try CertificateAuthority.generate().issue(IdentityRequest(id: "registry"))
        let files = try identity.write(to: target, name: "registry-2")
        #expect(files.certificatePath == target + "/registry-2.crt")
        #expect(files.keyPath == target + "/registry-2.key")
        #expect(try TestFiles.read(files.certificatePath) == identity.certificatePEM)
        #expect(try TestFiles.read(files.keyPath) == identity.privateKeyPEM)
        #expect(try TestFiles.mode(files.keyPath) == 0o600)
        #expect(try TestFiles.mode(files.certificatePath) == 0o644)
        #expect(try TestFiles.mode(target) == 0o700)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["registry-2.crt", "registry-2.key"])
        // Rewriting replaces the files.
        let second = try CertificateAuthority.generate().issue(IdentityRequest(id: "registry"))
        try second.write(to: target, name: "registry-2")
        #expect(try TestFiles.read(files.keyPath) == second.privateKeyPEM)
        #expect(try TestFiles.mode(files.keyPath) == 0o600)
        #expect(throws: PKIError.self) { try identity.write(to: target, name: "../escape") }
    }
}
