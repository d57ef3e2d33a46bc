import JCSkillsPKI
import JCSkillsRPC

/// A client of `server` in this process (``RPCClient/init(inProcess:as:configuration:group:)``),
/// presenting `identity` — a test PKI id (`admin`, `county-140524`…), taken as the URI its
/// certificate would carry — closed after `body`. For the tests of what a service does: the
/// same protocol as over the network without ports, handshakes or certificates. What TLS
/// itself decides (certificates, expiry, foreign CAs) is tested with ``withTestClient(_:as:files:configure:_:)``.
public func withInProcessClient<T: Sendable>(
    _ server: RPCServer, as identity: String = "admin",
    configure: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (RPCClient) async throws -> T
) async throws -> T {
    var configuration = ClientConfiguration(tls: TestPKI.shared.files(identity))
    configuration.defaultTimeout = .seconds(10)
    configuration.tracer = TestTracing.tracer
    configure(&configuration)
    return try await closing(RPCClient(inProcess: server, as: inProcessPrincipal(identity), configuration: configuration, group: TestLoops.group), body)
}

/// The caller a test PKI id stands for: the URI its certificate would carry.
private func inProcessPrincipal(_ identity: String) -> Principal {
    let uri = IdentityRequest.defaultURI(for: identity)
    return Principal(uri: uri) ?? Principal(kind: .unidentified, identity: uri)
}

/// The client a service under test uses for a peer at `endpoint` (the evaluation service's
/// registry…), presenting the certificate `configuration` names: in process when that peer is a
/// test server of this process, as ``withDomainClient(_:as:_:)`` chooses (over TLS with
/// `JCSKILLS_TEST_DOMAIN_OVER_TLS=1`). In process, `expectedServerIdentity` is not checked:
/// a test server's name is `test`, and the caller holds the very server it calls. The caller
/// closes the client.
public func makeDomainPeerClient(_ endpoint: Endpoint, as identity: String, configuration: ClientConfiguration) throws -> RPCClient {
    guard !TestServers.domainOverTLS, let server = TestServers.server(at: endpoint) else {
        return try RPCClient(endpoints: [endpoint], configuration: configuration, group: TestLoops.group)
    }
    var configuration = configuration
    configuration.expectedServerIdentity = nil
    return RPCClient(inProcess: server, as: inProcessPrincipal(identity), configuration: configuration, group: TestLoops.group)
}
