import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Synchronization

/// A service executable run as its own process, the way an operator runs it, on a port and a
/// data directory that stay the same across restarts: a test can SIGKILL it in the middle of
/// its work and start it again where it was.
///
/// ```swift
/// let service = try ServiceProcess("jcskills-registry", home: home, arguments: ["--database", url])
/// try await service.start()
/// defer { service.kill() }
/// …
/// service.kill()              // kill -9
/// try await service.start()   // same port, same data
/// ```
public final class ServiceProcess: Sendable {
    /// The executable's name in the build's products directory (`jcskills-registry`).
    public let executable: String
    /// Where it listens: 127.0.0.1 and a port that was free when this object was made.
    public let endpoint: Endpoint
    /// Its data directory (`<home>/data` unless given): SQLite database and sealing keys.
    public let dataDirectory: String
    /// Its output, all runs one after another.
    public let logPath: String
    private let arguments: [String]
    private let environment: [String: String]
    private let running = Mutex<Process?>(nil)

    /// - Parameters:
    ///   - home: a directory of the test's own; the log goes in it, and the data directory
    ///     unless `data` names another.
    ///   - arguments: more flags (`--database URL`, `--peer …`); listen address, metrics (off),
    ///     data directory, the test PKI and the log level (warning) are set here.
    ///   - environment: variables added to this process's own for the service (`JCSKILLS_DATABASE_URL`).
    public init(_ executable: String, home: String, data: String? = nil, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let port = try freeLoopbackPort()
        self.executable = executable
        self.endpoint = Endpoint(host: "127.0.0.1", port: port)
        self.dataDirectory = data ?? "\(home)/data"
        self.logPath = "\(home)/\(executable).log"
        for directory in [home, dataDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        self.arguments = [
            "--listen", "127.0.0.1:\(port)", "--metrics", "off", "--data", dataDirectory,
            "--tls", TestPKI.shared.directory, "--log-level", "warning",
        ] + arguments
        self.environment = environment
    }

    /// The process running now, if any.
    public var process: Process? { running.withLock { $0 } }

    /// Starts the executable and waits until it answers its health check SERVING.
    public func start(within seconds: Double = 60) async throws {
        let process = try launch(executable, arguments, log: logPath, appending: true, environment: environment)
        running.withLock { $0 = process }
        try await waitUntilServing(endpoint, within: seconds)
    }

    /// `kill -9`: the process gets no chance to finish anything. Returns once it is gone.
    public func kill() {
        guard let process = running.withLock({ $0 }), process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, as an operator stops a service: calls in flight finish. Returns the exit
    /// status, or nil when it did not exit within `seconds` (it is then killed).
    @discardableResult
    public func stop(within seconds: Double = 20) async -> Int32? {
        guard let process = running.withLock({ $0 }), process.isRunning else { return process?.terminationStatus }
        process.terminate()
        let status = await waitForExit(process, seconds: seconds)
        if status == nil { kill() }
        return status
    }

    /// What the service logged, every run so far.
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

public struct NotServingError: Error, CustomStringConvertible {
    public let endpoint: Endpoint
    public var description: String { "\(endpoint) did not answer its health check SERVING in time" }
}

/// Waits (bounded) until the service at `endpoint` answers its health check SERVING. The
/// bound is generous: how fast a debug build starts beside the rest of a parallel test run
/// is not what any test tests.
public func waitUntilServing(_ endpoint: Endpoint, within seconds: Double = 60) async throws {
    try await withTestClient(endpoint, configure: {
        $0.maximumAttempts = 1
        $0.defaultTimeout = .seconds(1)
        $0.initialBackoff = .milliseconds(20)
        $0.maximumBackoff = .milliseconds(100)
    }) { client in
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            // Dialled only once the port takes connections: a refused TLS connection attempt costs more.
            guard acceptsConnections(endpoint) else {
                try await Task.sleep(for: .milliseconds(20))
                continue
            }
            if let health = try? await client.unary(HealthService.check, HealthCheckRequest()), health.status == .serving { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NotServingError(endpoint: endpoint)
    }
}

/// Whether a TCP connection to `endpoint` (an IPv4 address) is accepted right now.
public func acceptsConnections(_ endpoint: Endpoint) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(endpoint.port).bigEndian)
    address.sin_addr.s_addr = inet_addr(endpoint.host)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
}
