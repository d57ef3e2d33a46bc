import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// An import whose connection is lost — the client or the server killed with SIGKILL in the
/// middle — ends UNAVAILABLE on both sides (Protocol/SPEC.md §11: "connection failed or closed"),
/// never CANCELLED, which says the caller gave up: the client prints it and the registry audits it.
@Suite("Registry: an import whose connection is lost ends UNAVAILABLE on both sides", .serialized, .timeLimit(.minutes(3)))
struct RegistryImportConnectionLossTests {
    /// 26,000 persons: the header and one line each.
    static let lines: [String] = {
        RegistryDemoData.generate(persons: 26_000, enterprises: 0, seed: 17).personsCSV.split(separator: "\n").map(String.init)
    }()

    /// The client's import file: a named pipe the test writes to, so the import is exactly as
    /// far along as the test wants when a side is killed — the client blocked reading, its call open.
    final class Feed: @unchecked Sendable {
        let path: String
        private var descriptor: Int32 = -1

        init(in home: String) throws {
            path = "\(home)/persons.csv"
            guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        }

        /// Opens the pipe once the client has it open for reading (bounded).
        func open() async throws {
            for _ in 0..<600 {
                descriptor = Glibc.open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 {
                    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
                    return
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw POSIXError(.ENXIO)
        }

        /// Writes `lines` (blocking while the client has not read what came before).
        func write(_ lines: ArraySlice<String>) async {
            let data = Array((lines.joined(separator: "\n") + "\n").utf8)
            let descriptor = descriptor
            await Task.detached {
                var offset = 0
                while offset < data.count {
                    let written = data[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                    guard written > 0 else { return }
                    offset += written
                }
            }.value
        }

        func close() {
            if descriptor >= 0 { _ = Glibc.close(descriptor) }
            descriptor = -1
        }
    }

    /// Starts `jcskills registry import` of `feed` against `endpoint` and gives it the header and
    /// 25,000 persons, more than one of the registry's 20,000-row transactions.
    static func startImport(_ endpoint: Endpoint, home: String) async throws -> (Process, Feed) {
        // A write to a pipe whose reader was killed must fail, not end the test process.
        signal(SIGPIPE, SIG_IGN)
        let feed = try Feed(in: home)
        let process = try launch("jcskills", ["registry", "import", feed.path, "--endpoint", "127.0.0.1:\(endpoint.port)",
                                              "--tls", TestPKI.shared.directory, "--as", "admin", "--lang", "en"], log: "\(home)/client.log")
        try await feed.open()
        await feed.write(lines[0...25_000])
        return (process, feed)
    }

    /// Waits (bounded) until the registry has committed some of the import.
    static func waitForFirstCommit(_ endpoint: Endpoint) async throws {
        try await withTestClient(endpoint, configure: { $0.maximumAttempts = 1 }) { client in
            for _ in 0..<600 {
                let stats = try? await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
                if let stats, stats.registered > 0 { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("nothing was committed within 30 s")
        }
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { _ = Glibc.close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aKilledClientIsAuditedUnavailable(backend: TestBackend) async throws {
        let home = try makeTemporaryDirectory("jcskills-client-killed")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try await RegistryHarness.with(backend) { registry in
            let (client, feed) = try await Self.startImport(registry.endpoint, home: home)
            defer {
                if client.isRunning { kill(client.processIdentifier, SIGKILL) }
                feed.close()
            }
            try await Self.waitForFirstCommit(registry.endpoint)
            kill(client.processIdentifier, SIGKILL)
            client.waitUntilExit()

            let query = AuditQuery(method: RegistryService.importPersons.path, limit: 1_000)
            var ended: [AuditEntry] = []
            for _ in 0..<300 where ended.isEmpty {
                ended = try await registry.store.auditLog(query).entries.filter { $0.outcome != StatusCode.ok.name }
                if ended.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            // One row says how the call ended, with its status; none says CANCELLED.
            #expect(ended.map(\.outcome) == [StatusCode.unavailable.name])
            #expect(ended.first?.detail?.hasPrefix("import ended after") == true)
            // What was committed is exactly what the rows of the committed batches say.
            let imported = try await registry.store.auditLog(query).entries.compactMap { entry -> Int? in
                guard entry.outcome == StatusCode.ok.name, let detail = entry.detail, detail.hasPrefix("imported ") else { return nil }
                return Int(detail.dropFirst("imported ".count).prefix { $0.isNumber })
            }
            try await registry.client("admin") { client in
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0))
                #expect(stats.daily.reduce(0) { $0 + $1.count } == UInt64(imported.reduce(0, +)))
            }
        }
    }

    @Test func aKilledServerIsReportedUnavailableByTheClient() async throws {
        let home = try makeTemporaryDirectory("jcskills-server-killed")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let port = try freeLoopbackPort()
        let endpoint = Endpoint(host: "127.0.0.1", port: port)
        let server = try launch("jcskills-registry", [
            "--listen", "127.0.0.1:\(port)", "--metrics", "127.0.0.1:\(try freeLoopbackPort())",
            "--data", "\(home)/data", "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ], log: "\(home)/registry.log")
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        // The port first, with a plain TCP connect: the RPC client is not asked to connect to a
        // port nobody listens on yet.
        var listening = false
        for _ in 0..<600 where !listening {
            listening = Self.accepts(port)
            if !listening { try await Task.sleep(for: .milliseconds(50)) }
        }
        try #require(listening, "the registry never listened: \((try? String(contentsOfFile: "\(home)/registry.log", encoding: .utf8)) ?? "")")

        let (importer, feed) = try await Self.startImport(endpoint, home: home)
        defer {
            if importer.isRunning { kill(importer.processIdentifier, SIGKILL) }
            feed.close()
        }
        try await Self.waitForFirstCommit(endpoint)
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        // The client, reading its file, sends its next rows on the connection the kill closed.
        await feed.write(Self.lines[25_001...])
        feed.close()

        let status = await waitForExit(importer, seconds: 60)
        let output = (try? String(contentsOfFile: "\(home)/client.log", encoding: .utf8)) ?? ""
        #expect(status == 1, "\(output)")
        #expect(output.contains("UNAVAILABLE"), "\(output)")
        #expect(!output.contains("CANCELLED"), "\(output)")
    }
}
