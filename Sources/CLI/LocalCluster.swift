import ArgumentParser
import Foundation
import JCSkillsDemoData
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
        if pki.createdCA { print("created a development PKI in \(pkiDirectory)") }
        // The evaluation service signs exported certificates with it; `cert verify` finds the public half here.
        try CitySigningKey.create(in: pkiDirectory)

        let toStart = Self.order.filter { kind in
            guard let pid = runningPID(kind) else { return true }
            print("\(kind.executable) already running (pid \(pid))")
            return false
        }
        try checkPortsFree(for: toStart)
        try ports.record(in: home)
        var started: [Int32] = []
        do {
            for kind in toStart {
                let pid = try start(kind)
                started.append(pid)
                print("started \(kind.executable) (pid \(pid)), log \(logFile(kind))")
            }
            let deadline = Date().addingTimeInterval(timeout)
            for kind in Self.order {
                try await waitUntilHealthy(kind, deadline: deadline)
            }
        } catch {
            // Not half a set: what this call started is stopped again.
            for pid in started { kill(pid, SIGTERM) }
            if !started.isEmpty { print("stopped the \(started.count) services this call had started") }
            throw error
        }
        print("")
        print("all services are serving:")
        for kind in Self.order {
            print("  \(kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) 127.0.0.1:\(ports.rpc(kind))   metrics http://127.0.0.1:\(ports.metrics(kind))/metrics")
        }
        print("")
        if let token = try? dashboardToken() {
            print("dashboard: https://\(dashboardAddress)/?token=\(token)   (the development CA signs its certificate)")
        }
        let endpoint = ports.base == LocalPorts.defaultBase ? "" : " --endpoint 127.0.0.1:\(ports.rpc(.gateway))"
        print("try: jcskills --tls \(pkiDirectory) totals --county all\(endpoint)")
        print("stop: jcskills local down\(home == ".jcskills" ? "" : " --home \(home)")")
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
            let holder = PortHolder.holder(of: entry.port).map { " is held by \($0)" } ?? " is in use"
            return "  127.0.0.1:\(entry.port) (for \(entry.what))\(holder)"
        }
        let anotherSet = busy.contains { PortHolder.holder(of: $0.port)?.contains("(jcskills-") == true }
        let suggestion = stride(from: ports.base + 100, to: 60_000, by: 100).first { base in
            LocalPorts(base: base).all.allSatisfy { PortHolder.isFree($0.port) }
        }
        throw CLIError("""
            cannot start the local set: \(busy.count == 1 ? "a port it needs is" : "ports it needs are") taken; nothing was started.
            \(lines.joined(separator: "\n"))
            \(anotherSet ? "Another local set seems to be running: stop it with `jcskills local down --home <its home>`, or start" : "Free the port, or start") \
            this one on other ports\(suggestion.map { " (--base-port \($0) is free)" } ?? " with --base-port").
            """)
    }

    private func start(_ kind: ServiceKind) throws -> Int32 {
        let executable = "\(binaries)/\(kind.executable)"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("cannot find \(executable): build first (swift build -c release) or pass --bin DIR")
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
        var lastError = "no answer"
        while Date() < deadline {
            if runningPID(kind) == nil {
                let tail = (try? String(contentsOfFile: logFile(kind), encoding: .utf8))?.split(separator: "\n").suffix(5).joined(separator: "\n") ?? ""
                throw ValidationError("\(kind.executable) exited during start-up. Last lines of \(logFile(kind)):\n\(tail)")
            }
            do {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                if health.status == .serving {
                    await client.close()
                    return
                }
                lastError = "status \(health.status)"
            } catch {
                lastError = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        await client.close()
        throw ValidationError("\(kind.executable) did not become healthy in time (\(lastError)); see \(logFile(kind))")
    }

    private func makeClient(_ kind: ServiceKind) throws -> RPCClient {
        var configuration = ClientConfiguration(tls: TLSFiles(directory: pkiDirectory, identity: "admin"))
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
                print("\(kind.executable) (pid \(pid)) did not stop in \(Int(timeout)) s: killing it")
                kill(pid, SIGKILL)
            } else {
                print("stopped \(kind.executable) (pid \(pid))")
            }
            try? FileManager.default.removeItem(atPath: pidFile(kind))
            stopped += 1
        }
        if stopped == 0 { print("no local services were running") }
    }

    func status() async throws -> Bool {
        var healthy = true
        for kind in Self.order {
            let name = kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            guard let pid = runningPID(kind) else {
                print("\(name) not running")
                healthy = false
                continue
            }
            let client = try makeClient(kind)
            do {
                let health = try await client.unary(HealthService.check, HealthCheckRequest())
                print("\(name) pid \(pid)  127.0.0.1:\(ports.rpc(kind))  \(health.status)")
                healthy = healthy && health.status == .serving
            } catch {
                print("\(name) pid \(pid)  127.0.0.1:\(ports.rpc(kind))  \(error)")
                healthy = false
            }
            await client.close()
        }
        return healthy
    }
}
