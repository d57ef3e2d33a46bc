import Foundation
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsTestSupport
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Prometheus
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
    func connectionsBeyondTheCapAreClosedAndRequestsStillServed(port: Port) async throws {
        // A long request timeout: only the cap may close anything here.
        let limits = HTTPServerLimits(maximumConnections: 4, requestTimeout: .seconds(60))
        try await HTTPPort.with(port, limits: limits) { server in
            var idle: [RawConnection] = []
            for _ in 0..<limits.maximumConnections { idle.append(try await RawConnection.open(port: server.port)) }
            var excess: [RawConnection] = []
            for _ in 0..<3 { excess.append(try await RawConnection.open(port: server.port)) }
            for connection in excess {
                #expect(await connection.closedByServer(within: .seconds(3)), "a connection beyond the cap stayed open")
            }
            // Those within the cap are untouched…
            try await Task.sleep(for: .milliseconds(200))
            #expect(idle.allSatisfy { $0.isOpen })
            // …and one closing makes room for a real request at once.
            await idle.removeFirst().close()
            let answer = try await server.getWhenFree("/healthz")
            #expect(answer.hasPrefix("HTTP/1.0 200"), "\(answer)")
            for connection in idle + excess { await connection.close() }
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

/// The metrics endpoint or the dashboard on a free loopback port, with `limits`.
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
            let channel = try await endpoint.start()
            return try await serve(channel, clientTLS: nil, body)
        case .dashboard:
            let opened = try await DashboardTestStore.history()
            let service = GatewayDefinition.makeService(catalogue: .plan, sources: [])
            do {
                let dashboard = try DashboardServer(
                    options: DashboardOptions(listen: "\(try await DeadPort.make())"), tls: TestPKI.shared.files("gateway"),
                    engine: service.engine, history: opened.history, catalogue: .plan, limits: limits, logger: Logger(label: "test.dashboard"))
                let result = try await serve(try await dashboard.start(), clientTLS: try DashboardTestStore.tls(clientIdentity: "auditor"), body)
                await opened.close()
                return result
            } catch {
                await opened.close()
                throw error
            }
        }
    }

    private static func serve<T: Sendable>(_ channel: any Channel, clientTLS: NIOSSLContext?, _ body: (HTTPPort) async throws -> T) async throws -> T {
        do {
            let result = try await body(HTTPPort(port: channel.localAddress!.port!, clientTLS: clientTLS))
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    func get(_ path: String, headers: [String] = []) async throws -> String {
        try await httpGet(port: port, path: path, tls: clientTLS, headers: headers)
    }

    /// A GET retried for up to 3 s while the server has not yet seen a slot become free.
    func getWhenFree(_ path: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(3)
        while true {
            do {
                let answer = try await get(path)
                if !answer.isEmpty || ContinuousClock.now > deadline { return answer }
            } catch {
                if ContinuousClock.now > deadline { throw error }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
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
