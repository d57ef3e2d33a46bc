import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import Logging
import NIOCore
import Synchronization

/// Runs an RPC server on 127.0.0.1 with a free port for the duration of `body`, then shuts it
/// down gracefully. Bounded: a server that does not stop within 10 s fails the test run.
public func withTestServer<T: Sendable>(
    services: [any RPCService],
    auditor: (any AccessAuditor)? = nil,
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (RPCServer, Endpoint) async throws -> T
) async throws -> T {
    var configuration = ServerConfiguration(port: 0, tls: TestPKI.shared.files("registry"), serverName: "test")
    configuration.drainTimeout = .seconds(5)
    configuration.tracer = TestTracing.tracer
    configure(&configuration)
    var logger = Logger(label: "test.server")
    logger.logLevel = .warning
    let server = RPCServer(configuration: configuration, services: services, auditor: auditor, logger: logger, group: TestLoops.group)
    let running = Task { try await server.run() }
    do {
        let address = try await server.listeningAddress()
        let endpoint = Endpoint(host: "127.0.0.1", port: address.port!)
        TestServers.running.withLock { $0[endpoint] = server }
        defer { _ = TestServers.running.withLock { $0.removeValue(forKey: endpoint) } }
        let result = try await body(server, endpoint)
        server.beginShutdown()
        try await withTimeout(.seconds(10)) { try await running.value }
        return result
    } catch {
        server.beginShutdown()
        _ = try? await withTimeout(.seconds(10)) { try await running.value }
        throw error
    }
}

/// The servers ``withTestServer(services:auditor:configure:_:)`` runs now, by endpoint, so that a
/// harness handing out endpoints can reach its server in process (``withDomainClient(_:as:_:)``).
public enum TestServers {
    static let running = Mutex<[Endpoint: RPCServer]>([:])

    static let domainOverTLS = ProcessInfo.processInfo.environment["JCSKILLS_TEST_DOMAIN_OVER_TLS"] == "1"

    public static func server(at endpoint: Endpoint) -> RPCServer? {
        running.withLock { $0[endpoint] }
    }
}

/// A client for the tests of what a service does: in process (``withInProcessClient(_:as:configure:_:)``)
/// when `endpoint` is a server of this test process, else over mutual TLS. The caller is
/// `identity` either way; what TLS itself decides is tested with ``withTestClient(_:as:files:configure:_:)``.
///
/// `JCSKILLS_TEST_DOMAIN_OVER_TLS=1` sends these over TLS too, to compare or to rule the transport out.
public func withDomainClient<T: Sendable>(_ endpoint: Endpoint, as identity: String = "admin", _ body: (RPCClient) async throws -> T) async throws -> T {
    if !TestServers.domainOverTLS, let server = TestServers.server(at: endpoint) {
        return try await withInProcessClient(server, as: identity, body)
    }
    return try await withTestClient(endpoint, as: identity, body)
}

/// A client for `endpoint` as `identity`, closed after `body`.
public func withTestClient<T: Sendable>(
    _ endpoint: Endpoint, as identity: String = "admin",
    files: TLSFiles? = nil,
    configure: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (RPCClient) async throws -> T
) async throws -> T {
    try await withTestClient(endpoints: [endpoint], as: identity, files: files, configure: configure, body)
}

/// ``withTestClient(_:as:files:configure:_:)`` with several endpoints: replicas of one service,
/// which the client spreads its calls over.
public func withTestClient<T: Sendable>(
    endpoints: [Endpoint], as identity: String = "admin",
    files: TLSFiles? = nil,
    configure: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (RPCClient) async throws -> T
) async throws -> T {
    var configuration = ClientConfiguration(tls: files ?? TestPKI.shared.files(identity))
    configuration.defaultTimeout = .seconds(10)
    configuration.tracer = TestTracing.tracer
    configure(&configuration)
    return try await closing(try RPCClient(endpoints: endpoints, configuration: configuration, group: TestLoops.group), body)
}

/// Runs `body` with `client`, then closes the client however `body` ends.
public func closing<T: Sendable>(_ client: RPCClient, _ body: (RPCClient) async throws -> T) async throws -> T {
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}

public struct TimeoutError: Error, CustomStringConvertible {
    public var description: String { "the operation did not finish in time" }
}

/// Runs `body`, failing with ``TimeoutError`` if it takes longer than `limit`.
public func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimeoutError() }
        return value
    }
}
