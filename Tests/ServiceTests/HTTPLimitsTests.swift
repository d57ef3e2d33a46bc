import Foundation
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsTestSupport
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Prometheus
import ServiceLifecycle
import Synchronization
import Testing
@testable import GatewayService

/// The HTTP ports — metrics and the gateway's dashboard — against clients that connect and say
/// nothing, say half a request, or speak old TLS: every such connection ends, and the port
/// keeps answering real requests.
@Suite("HTTP ports: connection cap, request timeouts, head size, dashboard TLS")
struct HTTPLimitsTests {
    enum Port: String, CaseIterable, CustomTestStringConvertible {
        case metrics, dashboard
        var testDescription: String { rawValue }
    }

    @Test(arguments: Port.allCases)
    func connectionsBeyondTheCapWaitUntilOneCloses(port: Port) async throws {
        // A long request timeout: only the cap may hold anything back here.
        let limits = HTTPServerLimits(maximumConnections: 4, requestTimeout: .seconds(60))
        try await HTTPPort.with(port, limits: limits) { server in
            // Up to the cap: each answered once (so surely accepted), then kept alive and idle.
            var idle: [RawConnection] = []
            for _ in 0..<limits.maximumConnections {
                let connection = try await RawConnection.open(port: server.port, tls: server.clientTLS)
                idle.append(connection)
                connection.sendWithoutWaiting("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let answer = await connection.answer(within: .seconds(3))
                #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            }
            // Beyond it the server stops accepting: the connection waits in the kernel's
            // backlog (it costs the process no descriptor) and its request gets no answer.
            let excess = try await RawConnection.open(port: server.port, tls: server.clientTLS)
            excess.sendWithoutWaiting("GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            try await Task.sleep(for: .seconds(1))
            #expect(excess.received.isEmpty, "answered beyond the cap: \(excess.received)")
            // Those within the cap are untouched…
            #expect(idle.allSatisfy { $0.isOpen })
            // …and one closing lets the waiting connection in: answered, then closed (HTTP/1.0).
            await idle.removeFirst().close()
            #expect(await excess.closedByServer(within: .seconds(3)), "the waiting connection was not served")
            #expect(excess.received.hasPrefix("HTTP/1.0 200"), "\(excess.received)")
            for connection in idle + [excess] { await connection.close() }
        }
    }

    @Test(arguments: Port.allCases)
    func aRequestSentTooSlowlyIsClosedAtTheTimeout(port: Port) async throws {
        let limits = HTTPServerLimits(requestTimeout: .seconds(1), keepAliveTimeout: .seconds(1))
        try await HTTPPort.with(port, limits: limits) { server in
            // Half a head, then a byte every 200 ms: a read-idle timer would never fire.
            let slow = try await RawConnection.open(port: server.port, tls: server.clientTLS)
            let started = ContinuousClock.now
            try await slow.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let dripping = Task {
                for _ in 0..<40 {
                    try await Task.sleep(for: .milliseconds(200))
                    try await slow.send("X")
                }
            }
            let closed = await slow.closedByServer(within: .seconds(5))
            dripping.cancel()
            let elapsed = ContinuousClock.now - started
            #expect(closed, "a connection sending half a request stayed open")
            #expect(elapsed >= .milliseconds(800) && elapsed < .seconds(3), "closed after \(elapsed)")
            #expect(slow.received.isEmpty)

            // Kept alive after a whole exchange, then silent: closed at the keep-alive timeout.
            let kept = try await RawConnection.open(port: server.port, tls: server.clientTLS)
            try await kept.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(await kept.closedByServer(within: .seconds(4)))
            #expect(kept.received.hasPrefix("HTTP/1.1 200"), "\(kept.received)")

            // The port still answers.
            #expect(try await server.get("/healthz").hasPrefix("HTTP/1.0 200"))
        }
    }

    @Test(arguments: Port.allCases)
    func theNextRequestOnAKeptAliveConnectionHasTheRequestTimeout(port: Port) async throws {
        // Two different timeouts, which one idle timer counted from the last HTTP part could
        // not both keep: the next request's deadline runs from its first byte.
        // The keep-alive timeout far from the request timeout, so that a loaded machine's
        // delays cannot make one pass for the other.
        let limits = HTTPServerLimits(requestTimeout: .seconds(1), keepAliveTimeout: .seconds(12))
        try await HTTPPort.with(port, limits: limits) { server in
            let connection = try await RawConnection.open(port: server.port, tls: server.clientTLS)
            try await connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(await connection.answer(within: .seconds(3)).hasPrefix("HTTP/1.1 200"))
            // Silent for less than the keep-alive timeout: still open.
            try await Task.sleep(for: .milliseconds(1500))
            #expect(connection.isOpen, "closed before the keep-alive timeout")
            // Half of the next request: closed a request timeout later, long before the
            // keep-alive timeout would have run out.
            let started = ContinuousClock.now
            try await connection.send("GET /healthz HTTP/1.1\r\n")
            #expect(await connection.closedByServer(within: .seconds(9)))
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= .milliseconds(800) && elapsed < .seconds(6), "closed after \(elapsed)")
        }
    }

    @Test(arguments: Port.allCases)
    func anOversizedRequestHeadIsRefused(port: Port) async throws {
        try await HTTPPort.with(port, limits: HTTPServerLimits()) { server in
            let padding = String(repeating: "a", count: HTTPServerLimits.defaultMaximumRequestHeadBytes)
            // 400 and closed at once, or (when the server closed with part of the request unread)
            // a reset: never an answer, never a connection left open.
            let started = ContinuousClock.now
            let answer = (try? await server.get("/healthz", headers: ["X-Padding: \(padding)"])) ?? ""
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            #expect(ContinuousClock.now - started < .seconds(2))
            let small = try await server.get("/healthz", headers: ["X-Small: ok"])
            #expect(small.hasPrefix("HTTP/1.0 200"))
        }
    }

    @Test
    func theDashboardRefusesTLS12WithCBCAndSHA1() async throws {
        try await HTTPPort.with(.dashboard, limits: HTTPServerLimits()) { server in
            // The test PKI's keys are ECDSA P-256.
            let legacy = try DashboardTestStore.tls(clientIdentity: "auditor") {
                $0.maximumTLSVersion = .tlsv12
                $0.cipherSuiteValues = [.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA]
            }
            await #expect(throws: (any Error).self) {
                try await httpGet(port: server.port, path: "/healthz", tls: legacy)
            }
            let modern12 = try DashboardTestStore.tls(clientIdentity: "auditor") {
                $0.maximumTLSVersion = .tlsv12
                $0.cipherSuiteValues = [.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
            }
            #expect(try await httpGet(port: server.port, path: "/healthz", tls: modern12).hasPrefix("HTTP/1.0 200"))
            let tls13 = try DashboardTestStore.tls(clientIdentity: "auditor") { $0.minimumTLSVersion = .tlsv13 }
            #expect(try await httpGet(port: server.port, path: "/healthz", tls: tls13).hasPrefix("HTTP/1.0 200"))
        }
    }
}

extension HTTPLimitsTests {
    @Test
    func aDashboardWhosePortIsTakenLeavesTheGatewayRunning() async throws {
        let taken = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let opened = try await DashboardTestStore.history()
        let service = GatewayDefinition.makeService(catalogue: .plan, sources: [])
        var dashboard = try DashboardServer(
            options: DashboardOptions(), tls: TestPKI.shared.files("gateway"),
            engine: service.engine, history: opened.history, catalogue: .plan, logger: Logger(label: "test.dashboard"))
        dashboard.address = Endpoint(host: "127.0.0.1", port: taken.localAddress!.port!)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: dashboard)], logger: Logger(label: "test.http")))
        let ended = Ended()
        let running = Task {
            defer { ended.flag.store(true, ordering: .relaxed) }
            try await group.run()
        }
        // Not started, and not ended either: a service that returned or threw would stop the
        // gateway's service group.
        try await Task.sleep(for: .seconds(1))
        let endedEarly = ended.flag.load(ordering: .relaxed)
        #expect(!endedEarly, "the dashboard ended when its port was taken")
        await group.triggerGracefulShutdown()
        let stopped = try await withTimeout(.seconds(5)) { try await running.value; return true }
        #expect(stopped)
        try await taken.close()
        await opened.close()
    }

    private final class Ended: Sendable {
        let flag = Atomic<Bool>(false)
    }
}

/// The metrics endpoint or the dashboard on a free loopback port (port 0), with `limits`.
struct HTTPPort {
    let port: Int
    /// For the dashboard: a client context with the auditor's certificate.
    let clientTLS: NIOSSLContext?

    static func with<T: Sendable>(_ kind: HTTPLimitsTests.Port, limits: HTTPServerLimits, _ body: (HTTPPort) async throws -> T) async throws -> T {
        switch kind {
        case .metrics:
            let endpoint = MetricsEndpoint(
                address: Endpoint(host: "127.0.0.1", port: 0), registry: PrometheusCollectorRegistry(), limits: limits,
                logger: Logger(label: "test.metrics"))
            return try await serving(clientTLS: nil, run: { try await endpoint.run(onServerRunning: $0) }, body)
        case .dashboard:
            let opened = try await DashboardTestStore.history()
            let service = GatewayDefinition.makeService(catalogue: .plan, sources: [])
            do {
                let dashboard = try DashboardServer(
                    options: DashboardOptions(), tls: TestPKI.shared.files("gateway"),
                    engine: service.engine, history: opened.history, catalogue: .plan, limits: limits, logger: Logger(label: "test.dashboard"))
                let result = try await serving(dashboard, clientTLS: try DashboardTestStore.tls(clientIdentity: "auditor"), body)
                await opened.close()
                return result
            } catch {
                await opened.close()
                throw error
            }
        }
    }

    /// Runs `dashboard` on port 0 for `body`.
    static func serving<T: Sendable>(_ dashboard: DashboardServer, clientTLS: NIOSSLContext?, _ body: (HTTPPort) async throws -> T) async throws -> T {
        var dashboard = dashboard
        dashboard.address = Endpoint(host: "127.0.0.1", port: 0)
        return try await serving(clientTLS: clientTLS, run: { [dashboard] in try await dashboard.run(onServerRunning: $0) }, body)
    }

    /// Runs a server in a service group of its own, learns its port once it listens, runs
    /// `body`, then shuts the group down gracefully and waits for it to end: at most 10 s for
    /// the start and 10 s for the stop, after which the group is cancelled.
    private static func serving<T: Sendable>(
        clientTLS: NIOSSLContext?, run: @escaping @Sendable (@escaping @Sendable (any Channel) async -> Void) async throws -> Void,
        _ body: (HTTPPort) async throws -> T
    ) async throws -> T {
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let (ended, ending) = AsyncStream.makeStream(of: Void.self)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: ServerUnderTest(serve: run, listening: listening))], logger: Logger(label: "test.http")))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer {
                    listening.finish()
                    ending.finish()
                }
                try await group.run()
            }
            do {
                let port = try await withTimeout(.seconds(10)) {
                    guard let port = await ports.first(where: { _ in true }) else { throw ServerUnderTest.NotListening() }
                    return port
                }
                let result = try await body(HTTPPort(port: port, clientTLS: clientTLS))
                await group.triggerGracefulShutdown()
                try await withTimeout(.seconds(10)) { for await _ in ended {} }
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                tasks.cancelAll()
                throw error
            }
        }
    }

    func get(_ path: String, headers: [String] = []) async throws -> String {
        try await httpGet(port: port, path: path, tls: clientTLS, headers: headers)
    }
}

/// The server as the group's one service; says its port once it listens.
private struct ServerUnderTest: Service {
    struct NotListening: Error {}
    let serve: @Sendable (@escaping @Sendable (any Channel) async -> Void) async throws -> Void
    let listening: AsyncStream<Int>.Continuation

    func run() async throws {
        let listening = listening
        try await serve { channel in listening.yield(channel.localAddress?.port ?? 0) }
    }
}

extension DashboardTestStore {
    static func tls(clientIdentity: String, _ adjust: (inout TLSConfiguration) -> Void) throws -> NIOSSLContext {
        let files = TestPKI.shared.files(clientIdentity)
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile("\(TestPKI.shared.directory)/ca.crt"))
        configuration.certificateVerification = .noHostnameVerification
        configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(files.certificateChain).map { .certificate($0) }
        configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: files.privateKey, format: .pem))
        adjust(&configuration)
        return try NIOSSLContext(configuration: configuration)
    }
}

/// A client connection that sends what the test says when it says it, and keeps what comes back.
final class RawConnection: Sendable {
    let channel: any Channel
    private let sink: Sink

    private init(channel: any Channel, sink: Sink) {
        self.channel = channel
        self.sink = sink
    }

    static func open(port: Int, tls: NIOSSLContext? = nil) async throws -> RawConnection {
        let sink = Sink()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: nil)) }
                    try channel.pipeline.syncOperations.addHandler(sink)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, sink: sink)
    }

    var isOpen: Bool { channel.isActive }
    var received: String { sink.bytes.withLock { String(decoding: $0, as: UTF8.self) } }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    /// Sends without waiting for the write: over TLS a write waits for the handshake, which a
    /// server that has not accepted the connection never answers.
    func sendWithoutWaiting(_ text: String) {
        channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
    }

    /// What has arrived once a whole response head has, or after `limit`.
    func answer(within limit: Duration) async -> String {
        let deadline = ContinuousClock.now + limit
        while !received.contains("\r\n\r\n"), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return received
    }

    /// Whether the connection ended within `limit` (the test closes none it is waiting on).
    func closedByServer(within limit: Duration) async -> Bool {
        let channel = channel
        return (try? await withTimeout(limit) { try? await channel.closeFuture.get(); return true }) ?? false
    }

    func close() async {
        try? await channel.close()
    }

    private final class Sink: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let bytes = Mutex<[UInt8]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            bytes.withLock { $0 += buffer.readableBytesView }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
