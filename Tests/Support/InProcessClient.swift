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
    let uri = IdentityRequest.defaultURI(for: identity)
    let principal = Principal(uri: uri) ?? Principal(kind: .unidentified, identity: uri)
    return try await closing(RPCClient(inProcess: server, as: principal, configuration: configuration), body)
}
