import Foundation
import JCSkillsPKI
import Testing
import X509

@Suite("DevelopmentPKI.initialise")
struct DevelopmentPKITests {
    static let allIDs = ["ca"] + DevelopmentPKI.standardIdentities

    @Test("writes ca and every standard identity; each parses, matches its key and verifies")
    func freshDirectory() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.file("tls")
        let summary = try DevelopmentPKI.initialise(at: directory)
        #expect(summary.createdCA)
        #expect(summary.created == DevelopmentPKI.standardIdentities)
        #expect(summary.kept.isEmpty)
        #expect(DevelopmentPKI.standardIdentities == ["registry", "training", "evaluation", "competition", "gateway", "admin"])

        let ca = try TestFiles.certificate(summary.caCertificatePath)
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        for id in DevelopmentPKI.standardIdentities {
            let files = summary.files(for: id)
            #expect(files.certificatePath == directory + "/\(id).crt")
            let leaf = try TestFiles.certificate(files.certificatePath)
            let key = try Certificate.PrivateKey(pemEncoded: TestFiles.read(files.keyPath))
            #expect(key.publicKey == leaf.publicKey, "\(id).key does not belong to \(id).crt")
            #expect(try leaf.sanURIs == ["jcskills://\(id)"])
            #expect(try leaf.sanDNSNames == ["localhost"])
            #expect(try leaf.sanIPAddresses == [[127, 0, 0, 1]])
            let eku = try #require(try leaf.extensions.extendedKeyUsage)
            #expect(eku.contains(.serverAuth) && eku.contains(.clientAuth))
            #expect(isValid(await verify(leaf, roots: [ca])), "\(id).crt does not verify against ca.crt")
        }
        // Nothing else (no temporary files) in the directory.
        let expected = Self.allIDs.flatMap { ["\($0).crt", "\($0).key"] }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == expected)
    }

    @Test("keys are 0600, certificates 0644, a created directory 0700")
    func permissions() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.file("a/b/tls")
        try DevelopmentPKI.initialise(at: directory, extraIdentities: [IdentityRequest(id: "county-140524")])
        #expect(try TestFiles.mode(directory) == 0o700)
        for id in Self.allIDs + ["county-140524"] {
            #expect(try TestFiles.mode(directory + "/\(id).key") == 0o600, "\(id).key")
            #expect(try TestFiles.mode(directory + "/\(id).crt") == 0o644, "\(id).crt")
        }
    }

    @Test("re-running keeps the CA byte for byte and only adds missing identities")
    func rerunKeepsCA() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.path
        try DevelopmentPKI.initialise(at: directory)
        let caCertificate = try TestFiles.bytes(directory + "/ca.crt")
        let caKey = try TestFiles.bytes(directory + "/ca.key")
        let registryCertificate = try TestFiles.bytes(directory + "/registry.crt")
        let registryKey = try TestFiles.bytes(directory + "/registry.key")
        let oldTraining = try TestFiles.bytes(directory + "/training.key")
        try FileManager.default.removeItem(atPath: directory + "/training.crt")
        try FileManager.default.removeItem(atPath: directory + "/gateway.key")

        let summary = try DevelopmentPKI.initialise(
            at: directory,
            extraIdentities: [IdentityRequest(id: "county-140524"), IdentityRequest(id: "auditor")]
        )
        #expect(!summary.createdCA)
        #expect(summary.created == ["training", "gateway", "county-140524", "auditor"])
        #expect(summary.kept == ["registry", "evaluation", "competition", "admin"])
        #expect(try TestFiles.bytes(directory + "/ca.crt") == caCertificate)
        #expect(try TestFiles.bytes(directory + "/ca.key") == caKey)
        #expect(try TestFiles.bytes(directory + "/registry.crt") == registryCertificate)
        #expect(try TestFiles.bytes(directory + "/registry.key") == registryKey)
        #expect(try TestFiles.bytes(directory + "/training.key") != oldTraining)

        let ca = try TestFiles.certificate(directory + "/ca.crt")
        for id in ["training", "gateway", "county-140524", "auditor"] {
            let leaf = try TestFiles.certificate(directory + "/\(id).crt")
            #expect(isValid(await verify(leaf, roots: [ca])), "\(id).crt does not verify against the kept CA")
            let key = try Certificate.PrivateKey(pemEncoded: TestFiles.read(directory + "/\(id).key"))
            #expect(key.publicKey == leaf.publicKey)
        }
        #expect(try TestFiles.certificate(directory + "/county-140524.crt").sanURIs == ["jcskills://county/140524"])
        #expect(try TestFiles.certificate(directory + "/auditor.crt").sanURIs == ["jcskills://auditor"])

        // A third run has nothing to do.
        let third = try DevelopmentPKI.initialise(at: directory)
        #expect(third.created.isEmpty && !third.createdCA)
        #expect(third.kept == DevelopmentPKI.standardIdentities)
    }

    @Test("a complete directory needs no ca.key (a site that keeps its CA key elsewhere)")
    func keptWithoutCAKey() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try DevelopmentPKI.initialise(at: temporary.path)
        try FileManager.default.removeItem(atPath: temporary.file("ca.key"))
        let summary = try DevelopmentPKI.initialise(at: temporary.path)
        #expect(summary.kept == DevelopmentPKI.standardIdentities)

        // ...but issuing a missing identity then needs it, and says so.
        try FileManager.default.removeItem(atPath: temporary.file("admin.crt"))
        #expect {
            try DevelopmentPKI.initialise(at: temporary.path)
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? PKIError else { return false }
            return path.hasSuffix("/ca.key")
        }
    }

    @Test("overwrite replaces the CA and every identity")
    func overwrite() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try DevelopmentPKI.initialise(at: temporary.path)
        let before = try TestFiles.bytes(temporary.file("ca.crt"))
        let summary = try DevelopmentPKI.initialise(at: temporary.path, overwrite: true)
        #expect(summary.createdCA)
        #expect(summary.created == DevelopmentPKI.standardIdentities)
        #expect(try TestFiles.bytes(temporary.file("ca.crt")) != before)
        let ca = try TestFiles.certificate(temporary.file("ca.crt"))
        #expect(isValid(await verify(try TestFiles.certificate(temporary.file("admin.crt")), roots: [ca])))
    }

    @Test("an extra request with a standard id replaces the default one")
    func extraReplacesStandard() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let gateway = IdentityRequest(id: "gateway", dnsNames: ["localhost", "gateway.jc.example"])
        let summary = try DevelopmentPKI.initialise(at: temporary.path, extraIdentities: [gateway])
        #expect(summary.created == DevelopmentPKI.standardIdentities)
        #expect(try TestFiles.certificate(temporary.file("gateway.crt")).sanDNSNames == ["localhost", "gateway.jc.example"])
    }

    @Test("a lone ca.key is never overwritten")
    func refusesLoneCAKey() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try "precious\n".write(toFile: temporary.file("ca.key"), atomically: true, encoding: .utf8)
        #expect {
            try DevelopmentPKI.initialise(at: temporary.path)
        } throws: { error in
            guard case .refusingToOverwrite(let path, _) = error as? PKIError else { return false }
            return path.hasSuffix("/ca.key")
        }
        #expect(try TestFiles.read(temporary.file("ca.key")) == "precious\n")
        #expect(!TestFiles.exists(temporary.file("ca.crt")))
        #expect(!TestFiles.exists(temporary.file("registry.crt")))
    }

    @Test("identity files without a ca.crt are never overwritten")
    func refusesOrphanIdentity() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try "orphan\n".write(toFile: temporary.file("training.key"), atomically: true, encoding: .utf8)
        #expect(throws: PKIError.self) { try DevelopmentPKI.initialise(at: temporary.path) }
        #expect(try TestFiles.read(temporary.file("training.key")) == "orphan\n")
        #expect(!TestFiles.exists(temporary.file("ca.crt")))
    }

    @Test("an identity issued by another CA is reported, not silently kept")
    func foreignIdentity() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try DevelopmentPKI.initialise(at: temporary.path)
        let stranger = try CertificateAuthority.generate().issue(IdentityRequest(id: "registry"))
        try stranger.write(to: temporary.path)
        #expect {
            try DevelopmentPKI.initialise(at: temporary.path)
        } throws: { error in
            guard case .notIssuedByCA(let path, _) = error as? PKIError else { return false }
            return path.hasSuffix("/registry.crt")
        }
    }

    @Test("bad requests are rejected before anything is written")
    func badRequests() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.file("tls")
        let bad: [IdentityRequest] = [
            IdentityRequest(id: "../escape"),
            IdentityRequest(id: ".hidden"),
            IdentityRequest(id: ""),
            IdentityRequest(id: "ca"),
            IdentityRequest(id: "county-14052"),
            IdentityRequest(id: "county-abcdef"),
            IdentityRequest(id: "x", uri: "not a uri"),
            IdentityRequest(id: "x", ipAddresses: ["300.1.2.3"]),
            IdentityRequest(id: "x", ipAddresses: ["localhost"]),
            IdentityRequest(id: "x", dnsNames: [""]),
            IdentityRequest(id: "x", notValidBefore: Date(), notValidAfter: Date().addingTimeInterval(-1)),
        ]
        for request in bad {
            #expect(throws: PKIError.self, "\(request) should be rejected") {
                try DevelopmentPKI.initialise(at: directory, extraIdentities: [request])
            }
        }
        #expect(!TestFiles.exists(directory + "/ca.crt"))
    }
}

@Suite("Loading errors are clear")
struct PKIErrorTests {
    @Test("garbled certificate PEM names the problem")
    func garbledCertificate() throws {
        let ca = try CertificateAuthority.generate()
        #expect {
            try CertificateAuthority(certificatePEM: "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", privateKeyPEM: ca.privateKeyPEM)
        } throws: { error in
            guard case .invalidCertificate = error as? PKIError else { return false }
            return true
        }
        #expect {
            try CertificateAuthority(certificatePEM: "", privateKeyPEM: ca.privateKeyPEM)
        } throws: { error in
            guard case .invalidCertificate(_, let reason) = error as? PKIError else { return false }
            return reason.contains("no PEM block")
        }
        #expect {
            try CertificateAuthority(certificatePEM: ca.privateKeyPEM, privateKeyPEM: ca.privateKeyPEM)
        } throws: { error in
            guard case .invalidCertificate(_, let reason) = error as? PKIError else { return false }
            return reason.contains("PRIVATE KEY")
        }
    }

    @Test("garbled or mismatched keys are refused")
    func badKeys() throws {
        let ca = try CertificateAuthority.generate()
        let other = try CertificateAuthority.generate()
        #expect {
            try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: "garbage")
        } throws: { error in
            guard case .invalidPrivateKey = error as? PKIError else { return false }
            return true
        }
        #expect {
            try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: ca.certificatePEM)
        } throws: { error in
            guard case .invalidPrivateKey = error as? PKIError else { return false }
            return true
        }
        #expect {
            try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        } throws: { error in
            guard case .keyDoesNotMatchCertificate = error as? PKIError else { return false }
            return true
        }
    }

    @Test("a leaf certificate is not accepted as a CA")
    func leafIsNotCA() throws {
        let identity = try CertificateAuthority.generate().issue(IdentityRequest(id: "admin"))
        #expect {
            try CertificateAuthority(certificatePEM: identity.certificatePEM, privateKeyPEM: identity.privateKeyPEM)
        } throws: { error in
            guard case .notACertificateAuthority = error as? PKIError else { return false }
            return true
        }
    }

    @Test("missing files and garbled files name the path")
    func files() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        #expect {
            try CertificateAuthority(loadingFrom: temporary.path)
        } throws: { error in
            guard let error = error as? PKIError, case .unreadableFile(let path, _) = error else { return false }
            return path == temporary.file("ca.crt") && error.description.contains(temporary.file("ca.crt"))
        }
        try "junk".write(toFile: temporary.file("ca.crt"), atomically: true, encoding: .utf8)
        try "junk".write(toFile: temporary.file("ca.key"), atomically: true, encoding: .utf8)
        #expect {
            try CertificateAuthority(loadingFrom: temporary.path)
        } throws: { error in
            guard let error = error as? PKIError, case .invalidCertificate(let source, _) = error else { return false }
            return source == temporary.file("ca.crt") && error.description.contains("ca.crt")
        }
        // initialise on a directory with a garbled ca.crt reports it rather than replacing it.
        #expect(throws: PKIError.self) { try DevelopmentPKI.initialise(at: temporary.path) }
        #expect(try TestFiles.read(temporary.file("ca.crt")) == "junk")
    }

    @Test("descriptions are readable sentences")
    func descriptions() {
        #expect(PKIError.invalidIPAddress("1.2.3").description.contains("1.2.3"))
        #expect(
            PKIError.refusingToOverwrite(path: "/x/ca.key", reason: "because").description
                == "refusing to overwrite /x/ca.key: because"
        )
    }
}
