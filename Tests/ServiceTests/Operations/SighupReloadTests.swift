import Foundation
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService
#if canImport(Glibc)
import Glibc
#endif

/// A real SIGHUP to a running registry process (Sources/ServiceKit/HangupReload.swift): its
/// certificate renewed on disk, a sealing key added, a client serial revoked — all in use after
/// the signal, while a call on a connection made before goes on; then the old key retired
/// (`jcskills keys retire`) once the service has sealed its data again, and reloaded without it.
@Suite("Operations: reload on SIGHUP", .serialized, .timeLimit(.minutes(2)))
struct SighupReloadTests {
    @Test("a renewed certificate, a new sealing key and a revoked serial are in use after SIGHUP; established calls go on")
    func sighup() async throws {
        let home = try makeTemporaryDirectory("jcskills-sighup")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let pki = "\(home)/pki"
        try FileManager.default.copyItem(atPath: TestPKI.shared.directory, toPath: pki)
        let authority = try CertificateAuthority(loadingFrom: pki)
        let service = try ServiceProcess("jcskills-registry", home: home, arguments: [
            "--tls", pki, "--revoked-serials", "\(pki)/revoked-serials", "--log-level", "notice",
        ])
        defer { service.kill() }
        try await service.start()
        let admin = TLSFiles(directory: pki, identity: "admin")
        let original = try await TLSProbe.serverSerial(service.endpoint, files: admin)
        let ids = faultTestIDs(2, from: 500)
        let outsider = try authority.issue(IdentityRequest(id: "outsider", uri: "jcskills://admin"))
        try outsider.write(to: pki)

        try await withFaultClient(service.endpoint) { client in
            _ = try await client.unary(RegistryService.registerPerson, .sample(id: ids[0], name: "轮换前"))
            let slow = Task { try await client.unary(EchoService.echo, EchoMessage(text: "across SIGHUP", delayMilliseconds: 1_500)) }

            let renewed = try authority.issue(IdentityRequest(id: "registry"))
            try renewed.write(to: pki)
            let serial = RevokedSerials.hex(renewed.certificate.serialNumber.bytes.map { $0 })
            // As an operator does it: the shipped commands, then SIGHUP.
            let rotated = try await runTool(["keys", "rotate", "registry", "--data", service.dataDirectory])
            #expect(rotated.status == 0 && rotated.output.contains("2"), "\(rotated.output)")
            let revoked = try await runTool(["pki", "revoke", "--list", "\(pki)/revoked-serials", "\(pki)/outsider.crt"])
            #expect(revoked.status == 0, "\(revoked.output)")
            let listed = try RevokedSerials(contentsOf: "\(pki)/revoked-serials")
            #expect(listed.serials.contains(RevokedSerials.hex(outsider.certificate.serialNumber.bytes.map { $0 })), "\(listed.serials)")
            // Revoking it again adds nothing.
            let again = try await runTool(["pki", "revoke", "--list", "\(pki)/revoked-serials", "\(pki)/outsider.crt"])
            let relisted = try RevokedSerials(contentsOf: "\(pki)/revoked-serials")
            #expect(again.status == 0 && relisted.serials.count == listed.serials.count, "\(again.output)")
            let pid = try #require(service.process?.processIdentifier)
            kill(pid, SIGHUP)

            // New connections see the renewed certificate once the signal is handled (bounded).
            let deadline = ContinuousClock.now + .seconds(10)
            var seen = original
            while seen != serial, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                seen = try await TLSProbe.serverSerial(service.endpoint, files: admin)
            }
            #expect(seen == serial && serial != original)
            #expect(try await slow.value.text == "across SIGHUP")
            _ = try await client.unary(RegistryService.registerPerson, .sample(id: ids[1], name: "轮换后"))
            #expect(try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: ids[0])).cardNumber.isEmpty == false)
            #expect(try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: ids[1])).cardNumber.isEmpty == false)
        }
        // The revoked client is refused; the process is still the one started above.
        await #expect(throws: RPCError.self) {
            try await withTestClient(service.endpoint, files: TLSFiles(directory: pki, identity: "outsider"), configure: { $0.maximumAttempts = 1 }) { client in
                try await client.unary(HealthService.check, HealthCheckRequest())
            }
        }
        #expect(service.log.contains("reloaded TLS files"), "\(service.log)")
        #expect(service.log.contains("current sealing key 2 of 2"), "\(service.log)")

        // Key 1 retired once the service has sealed everything again with key 2, in the
        // background after the reload; until then the command refuses and says why.
        let retire = ["keys", "retire", "registry", "--data", service.dataDirectory]
        var retired = try await runTool(retire)
        let retireBy = ContinuousClock.now + .seconds(30)
        while retired.status != 0, ContinuousClock.now < retireBy {
            #expect(retired.output.contains("has not yet sealed all its data again with the current key 2"), "\(retired.output)")
            try await Task.sleep(for: .milliseconds(200))
            retired = try await runTool(retire)
        }
        #expect(retired.status == 0 && retired.output.contains("retired key 1 (left: 2)"), "\(retired.output)")
        let nothingLeft = try await runTool(retire)
        #expect(nothingLeft.status == 1 && nothingLeft.output.contains("only the current key 2"), "\(nothingLeft.output)")
        let pid = try #require(service.process?.processIdentifier)
        kill(pid, SIGHUP)
        let reloadBy = ContinuousClock.now + .seconds(10)
        while !service.log.contains("current sealing key 2 of 1"), ContinuousClock.now < reloadBy {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(service.log.contains("current sealing key 2 of 1"), "\(service.log)")
        let before = try await withFaultClient(service.endpoint) { client in
            try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: ids[0]))
        }
        #expect(before.name == "轮换前")
        #expect(await service.stop() == 0)

        // Both persons are sealed with key 2: the one registered before the rotation sealed again.
        let location = StoreLocation.sqlite(path: "\(service.dataDirectory)/registry.sqlite")
        try await withOpenStore(testConfiguration("registry", location), migrations: RegistrySchema.migrations) { store in
            let keyIDs = try await store.read { db in
                try await db.raw("SELECT name_sealed FROM persons ORDER BY id").all().map { row in
                    let sealed = try row.decode(column: "name_sealed", as: Data.self)
                    return sealed.dropFirst().prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                }
            }
            #expect(keyIDs == [2, 2])
        }
    }
}
