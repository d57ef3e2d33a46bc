import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// The five services as local processes: started detached with their logs in files, found again
/// by their pid files, stopped with SIGTERM.
struct LocalCluster {
    let home: String
    let binaries: String
    var ports = LocalPorts(base: LocalPorts.defaultBase)

    /// Start order: the gateway last, since it calls the others.
    static let order: [ServiceKind] = [.registry, .evaluation, .training, .competition, .gateway]

    static func peers(of kind: ServiceKind) -> [ServiceKind] {
        switch kind {
        case .registry: []
        case .evaluation: [.registry]
        case .training: [.registry, .evaluation]
        case .competition: [.registry, .evaluation]
        case .gateway: [.registry, .evaluation, .training, .competition]
        }
    }

    /// `judge-J01` … for every judge of the competition demo data.
    static let judgeIdentities = CompetitionDemoData.judgeCodes.map { IdentityRequest(id: CompetitionCSVFormat.judgeIdentity($0)) }

    var pkiDirectory: String { "\(home)/pki" }
    func pidFile(_ kind: ServiceKind) -> String { "\(home)/run/\(kind.rawValue).pid" }
    func logFile(_ kind: ServiceKind) -> String { "\(home)/logs/\(kind.rawValue).log" }

    func up(timeout: Double) async throws {
        let files = FileManager.default
        for directory in ["run", "logs", "data"] {
            try files.createDirectory(atPath: "\(home)/\(directory)", withIntermediateDirectories: true)
        }
        // The demo competition's judges mark as themselves (jcskills://judge/<code>), so the
        // local PKI holds an identity for each; an existing PKI gets the missing ones added.
        let pki = try DevelopmentPKI.initialise(at: pkiDirectory, extraIdentities: Self.judgeIdentities)
        if pki.createdCA { print(Messages.Local.createdPKI(pkiDirectory).text()) }
        // The evaluation service signs exported certificates with it; `cert verify` finds the public half here.
        try CitySigningKey.create(in: pkiDirectory)

        let toStart = Self.order.filter { kind in
            guard let pid = runningPID(kind) else { return true }
            print(Messages.Local.alreadyRunning(kind.executable, pid: pid).text())
            return false
        }
        try checkPortsFree(for: toStart)
        try ports.record(in: home)
        var started: [Int32] = []
        do {
            for kind in toStart {
                let pid = try start(kind)
                started.append(pid)
                print(Messages.Local.started(kind.executable, pid: pid, log: logFile(kind)).text())
            }
            let deadline = Date().addingTimeInterval(timeout)
            for kind in Self.order {
                try await waitUntilHealthy(kind, deadline: deadline)
            }
        } catch {
            // Not half a set: what this call started is stopped again.
            for pid in started { kill(pid, SIGTERM) }
            if !started.isEmpty { print(Messages.Local.stoppedStarted(started.count).text()) }
            throw error
        }
        print("")
        print(Messages.Local.allServing.text())
        for kind in Self.order {
            print("  \(kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) 127.0.0.1:\(ports.rpc(kind))   \(Messages.Local.metrics.text()) http://127.0.0.1:\(ports.metrics(kind))/metrics")
        }
        print("")
        if let token = try? dashboardToken() {
            print(Messages.Local.dashboard("https://\(dashboardAddress)/?token=\(token)").text())
        }
        let endpoint = ports.base == LocalPorts.defaultBase ? "" : " --endpoint 127.0.0.1:\(ports.rpc(.gateway))"
        print(Messages.Local.tryCommand("jcskills --tls \(pkiDirectory) totals --county all\(endpoint)").text())
        print(Messages.Local.stopCommand("jcskills local down\(home == ".jcskills" ? "" : " --home \(home)")").text())
    }

    /// Refuses to start anything when a port of the services to start is taken, naming who
    /// holds it and what to do.
    private func checkPortsFree(for kinds: [ServiceKind]) throws {
        let needed = ports.all.filter { entry in
            kinds.contains { entry.what.hasPrefix($0.executable) } || (entry.what == "the dashboard" && kinds.contains(.gateway))
        }
        let busy = needed.filter { !PortHolder.isFree($0.port) }
        guard !busy.isEmpty else { return }
        let lines = busy.map { entry in
            let holder = PortHolder.holder(of: entry.port).map { Messages.Local.heldBy($0).text() } ?? Messages.Local.inUse.text()
            return Messages.Local.busyPort(entry.port, what: LocalPorts.describe(entry.what), holder: holder).text()
        }
        let anotherSet = busy.contains { PortHolder.holder(of: $0.port)?.contains("(jcskills-") == true }
        let suggestion = stride(from: ports.base + 100, to: 60_000, by: 100).first { base in
            LocalPorts(base: base).all.allSatisfy { PortHolder.isFree($0.port) }
        }
        throw CLIError(Messages.Local.portsTaken(busy.count, lines: lines.joined(separator: "\n"), anotherSet: anotherSet, freeBase: suggestion))
    }

    private func start(_ kind: ServiceKind) throws -> Int32 {
        let executable = "\(binaries)/\(kind.executable)"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError(Messages.Local.cannotFind(executable).text())
        }
        var arguments = [
            "--listen", "127.0.0.1:\(ports.rpc(kind))",
            "--metrics", "127.0.0.1:\(ports.metrics(kind))",
            "--data", "\(home)/data/\(kind.rawValue)",
            "--tls", pkiDirectory,
        ]
        for peer in Self.peers(of: kind) {
            arguments += ["--peer", "\(peer.rawValue)=127.0.0.1:\(ports.rpc(peer))"]
        }
        if kind == .gateway { arguments += ["--config", try gatewayConfig()] }
        if !FileManager.default.fileExists(atPath: logFile(kind)) {
            _ = FileManager.default.createFile(atPath: logFile(kind), contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile(kind)))
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        try "\(pid)\n".write(toFile: pidFile(kind), atomically: true, encoding: .utf8)
        return pid
    }

    /// The pid in the service's pid file, if that process is still alive.
    func runningPID(_ kind: ServiceKind) -> Int32? {
        guard let text = try? String(contentsOfFile: pidFile(kind), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0,
              kill(pid, 0) == 0
        else { return nil }
        return pid
    }

    private func waitUntilHealthy(_ kind: ServiceKind, deadline: Date) async throws {
        let client = try makeClient(kind)
        var lastError = Messages.Local.noAnswer.text()
        while Date() < deadline {
            if runningPID(kind) == nil {
                let tail = (try? String(contentsOfFile: logFile(kind), encoding: .utf8))?.split(separator: "\n").suffix(5).joined(separator: "\n") ?? ""
                throw ValidationError(Messages.Local.exitedDuringStartUp(kind.executable, log: logFile(kind), tail: tail).text())
            }
            do {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                if health.status == .serving {
                    await client.close()
                    return
                }
                lastError = Messages.Local.status("\(health.status)").text()
            } catch {
                lastError = (error as? RPCError).map { Messages.Errors.service(code: $0.code.name, message: $0.message) } ?? "\(error)"
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        await client.close()
        throw ValidationError(Messages.Local.notHealthy(kind.executable, last: lastError, log: logFile(kind)).text())
    }

    private func makeClient(_ kind: ServiceKind) throws -> RPCClient {
        var configuration = ClientConfiguration.jcskills(tls: TLSFiles(directory: pkiDirectory, identity: "admin"))
        configuration.defaultTimeout = .seconds(2)
        configuration.maximumAttempts = 1
        configuration.initialBackoff = .milliseconds(20)
        configuration.maximumBackoff = .milliseconds(200)
        return try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ports.rpc(kind))], configuration: configuration)
    }

    func down(timeout: Double) async throws {
        var stopped = 0
        for kind in Self.order.reversed() {
            guard let pid = runningPID(kind) else {
                try? FileManager.default.removeItem(atPath: pidFile(kind))
                continue
            }
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(timeout)
            while kill(pid, 0) == 0 && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            if kill(pid, 0) == 0 {
                print(Messages.Local.killing(kind.executable, pid: pid, seconds: Int(timeout)).text())
                kill(pid, SIGKILL)
            } else {
                print(Messages.Local.stopped(kind.executable, pid: pid).text())
            }
            try? FileManager.default.removeItem(atPath: pidFile(kind))
            stopped += 1
        }
        if stopped == 0 { print(Messages.Local.noneRunning.text()) }
    }

    func status() async throws -> Bool {
        var healthy = true
        for kind in Self.order {
            let name = kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            guard let pid = runningPID(kind) else {
                print(Messages.Local.notRunning(name).text())
                healthy = false
                continue
            }
            let client = try makeClient(kind)
            do {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                print("\(name) pid \(pid)  127.0.0.1:\(ports.rpc(kind))  \(Messages.Health.word("\(health.status)"))")
                healthy = healthy && health.status == .serving
            } catch {
                print("\(name) pid \(pid)  127.0.0.1:\(ports.rpc(kind))  \((error as? RPCError).map { Messages.Errors.service(code: $0.code.name, message: $0.message) } ?? "\(error)")")
                healthy = false
            }
            await client.close()
        }
        return healthy
    }
}
