import Foundation
import JCSkillsPKI
import JCSkillsProtocol
@testable import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// Certificate rotation and revoked serials on a real server over mutual TLS on 127.0.0.1
/// (Sources/RPC/TLS/ServerTLS.swift): what ``RPCServer/reloadTLS()`` — the SIGHUP handler's
/// entry point — changes for new connections, and what it leaves alone.
@Suite("TLS: certificate rotation and revoked serials", .timeLimit(.minutes(1)))
struct TLSReloadTests {
    /// A directory of the test's own with the server's identity (`server.crt`/`.key`), the city
    /// CA, and two more client identities for the admin, issued by the same CA.
    struct Site {
        let directory: String
        let authority: CertificateAuthority
        var server: TLSFiles {
            TLSFiles(certificateChain: "\(directory)/server.crt", privateKey: "\(directory)/server.key",
                     trustRoots: "\(directory)/ca.crt", revokedSerials: "\(directory)/revoked-serials")
        }

        init() throws {
            directory = try makeTemporaryDirectory("jcskills-tls-reload")
            authority = try CertificateAuthority(loadingFrom: TestPKI.shared.directory)
            try FileManager.default.copyItem(atPath: "\(TestPKI.shared.directory)/ca.crt", toPath: "\(directory)/ca.crt")
            try issue("server", uri: "jcskills://registry")
        }

        /// Issues a new certificate (a new serial) for `name`, replacing its files; its serial.
        @discardableResult
        func issue(_ name: String, uri: String) throws -> String {
            let identity = try authority.issue(IdentityRequest(id: name, uri: uri))
            try identity.write(to: directory, name: name)
            return RevokedSerials.hex(identity.certificate.serialNumber.bytes.map { $0 })
        }

        func client(_ name: String) -> TLSFiles {
            TLSFiles(certificateChain: "\(directory)/\(name).crt", privateKey: "\(directory)/\(name).key", trustRoots: "\(directory)/ca.crt")
        }

        func revoke(_ serials: [String]) throws {
            try (serials.joined(separator: "\n") + "\n").write(toFile: "\(directory)/revoked-serials", atomically: true, encoding: .utf8)
        }
    }

    @Test("a new connection sees the new certificate after a reload; a call on an older connection goes on")
    func rotation() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(atPath: site.directory) }
        let first = try RevokedSerials.hex(site.server.leafCertificate().serialNumber)
        let probe = Probe()
        try await withTestServer(services: [EchoRPCService(), ProbeService(probe: probe)], configure: { $0.tls = site.server }) { server, endpoint in
            #expect(try await TLSProbe.serverSerial(endpoint, files: TestPKI.shared.files("admin")) == first)
            try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
                _ = try await client.unary(EchoService.echo, EchoMessage(text: "connected"))
                // A call in flight on the established connection while the certificate changes,
                // held open by the test until the new certificate has been seen.
                let inFlight = Task { try await client.unary(ProbeService.gated, EchoMessage(text: "across the reload")) }
                #expect(await probe.wait(for: "gated"))
                let renewed = try site.issue("server", uri: "jcskills://registry")
                let summary = try server.reloadTLS()
                #expect(summary.serial == renewed)
                #expect(renewed != first)

                #expect(try await TLSProbe.serverSerial(endpoint, files: TestPKI.shared.files("admin")) == renewed)
                probe.record("open")
                #expect(try await inFlight.value.text == "across the reload")
                #expect(try await client.unary(EchoService.echo, EchoMessage(text: "still here")).text == "still here")
                #expect(server.connectionCount >= 1)
            }
            // A new client over the renewed certificate is served too.
            try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
                let answer = try await client.unary(EchoService.echo, EchoMessage(text: "new"))
                #expect(answer.text == "new")
            }
        }
    }

    @Test("a reload that fails keeps what was loaded")
    func failedReload() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(atPath: site.directory) }
        try await withTestServer(services: [EchoRPCService()], configure: { $0.tls = site.server }) { server, endpoint in
            let before = try #require(server.tls.summary)
            try "not a certificate".write(toFile: "\(site.directory)/server.crt", atomically: true, encoding: .utf8)
            #expect(throws: TLSFilesError.self) { try server.reloadTLS() }
            #expect(server.tls.summary == before)
            #expect(try await TLSProbe.serverSerial(endpoint, files: TestPKI.shared.files("admin")) == before.serial)
        }
    }

    @Test("a client whose serial is revoked is refused at the handshake; another is served; the list is reloaded")
    func revocation() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(atPath: site.directory) }
        let revoked = try site.issue("revoked-admin", uri: "jcskills://admin")
        let kept = try site.issue("kept-admin", uri: "jcskills://admin")
        // `openssl x509 -serial` style, upper case with a prefix: read all the same.
        try site.revoke(["# revoked on rotation", "serial=\(revoked.uppercased())"])
        try await withTestServer(services: [EchoRPCService()], configure: { $0.tls = site.server }) { server, endpoint in
            #expect(server.tls.summary?.revokedSerials == 1)
            let refused = await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, files: site.client("revoked-admin"), configure: { $0.maximumAttempts = 1 }) { client in
                    try await client.unary(EchoService.echo, EchoMessage(text: "let me in"))
                }
            }
            #expect(refused?.code == .unavailable, "\(String(describing: refused))")
            try await withTestClient(endpoint, files: site.client("kept-admin"), configure: { $0.maximumAttempts = 1 }) { client in
                #expect(try await client.unary(EchoService.echo, EchoMessage(text: "served")).text == "served")

                // Revoking the second one too: refused on its next connection after the reload,
                // while the connection it has goes on.
                try site.revoke([revoked, kept])
                #expect(try server.reloadTLS().revokedSerials == 2)
                #expect(try await client.unary(EchoService.echo, EchoMessage(text: "established")).text == "established")
            }
            await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, files: site.client("kept-admin"), configure: { $0.maximumAttempts = 1 }) { client in
                    try await client.unary(EchoService.echo, EchoMessage(text: "again"))
                }
            }
            // The city's own admin, whose serial is not listed, is still served.
            try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
                let answer = try await client.unary(EchoService.echo, EchoMessage(text: "admin"))
                #expect(answer.text == "admin")
            }
        }
    }

    @Test("a client refuses a server whose serial it lists")
    func clientRefusesARevokedServer() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(atPath: site.directory) }
        let serverSerial = try RevokedSerials.hex(site.server.leafCertificate().serialNumber)
        let list = "\(site.directory)/client-revoked-serials"
        try "# nothing revoked yet\n".write(toFile: list, atomically: true, encoding: .utf8)
        var files = TestPKI.shared.files("admin")
        files.revokedSerials = list
        // The server is the site's own, not revoked server-side: only the client's list matters.
        var serverFiles = site.server
        serverFiles.revokedSerials = nil
        try await withTestServer(services: [EchoRPCService()], configure: { $0.tls = serverFiles }) { _, endpoint in
            try await withTestClient(endpoint, files: files, configure: { $0.maximumAttempts = 1 }) { client in
                #expect(try await client.unary(EchoService.echo, EchoMessage(text: "served")).text == "served")
                try "serial=\(serverSerial.uppercased())\n".write(toFile: list, atomically: true, encoding: .utf8)
                // The connection made before goes on.
                #expect(try await client.unary(EchoService.echo, EchoMessage(text: "established")).text == "established")
            }
            let refused = await #expect(throws: RPCError.self) {
                try await withTestClient(endpoint, files: files, configure: { $0.maximumAttempts = 1 }) { client in
                    try await client.unary(EchoService.echo, EchoMessage(text: "to a revoked server"))
                }
            }
            #expect(refused?.code == .unavailable)
            #expect(refused?.message.contains("revoked certificate (serial \(serverSerial)") == true, "\(String(describing: refused))")
        }
        // A list that cannot be read at the start fails the client's creation, not its calls.
        files.revokedSerials = "\(site.directory)/bad-list"
        try "zz\n".write(toFile: "\(site.directory)/bad-list", atomically: true, encoding: .utf8)
        #expect(throws: TLSFilesError.self) { _ = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: 9)], configuration: ClientConfiguration(tls: files)) }
    }

    @Test("a client's list is read again when the file changes; one edited into nonsense keeps what it said")
    func aClientsListFollowsItsFile() throws {
        let directory = try makeTemporaryDirectory("jcskills-revoked-file")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/revoked"
        try "0a\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try RevokedSerialsFile(path: path)
        #expect(file.current().serials == ["a"])
        try "0a\n0b:0c\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(file.current().serials == ["a", "b0c"])
        try "not a serial\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(file.current().serials == ["a", "b0c"])
        try FileManager.default.removeItem(atPath: path)
        #expect(file.current().serials.isEmpty, "a list deleted is an empty list, as at the start")
    }

    @Test("the deny list's format")
    func format() throws {
        let list = try RevokedSerials(text: "# comment\n\n0A:1b:00\nserial=00FF  # trailing\n0x2a\n", path: "test")
        #expect(list.contains(serial: [0x0a, 0x1b, 0x00]))
        #expect(list.contains(serial: [0x00, 0xff]))
        #expect(list.contains(serial: [0x2a]))
        #expect(!list.contains(serial: [0x2b]))
        #expect(throws: TLSFilesError.self) { try RevokedSerials(text: "zz-not-hex\n", path: "test") }
    }
}
