import JCSkillsProtocol
import Logging
import NIOCore

/// For the fuzzers in `Fuzz/` only — not API: a server connection without TLS or a listener.
///
/// The handler is the one ``RPCServer`` adds after TLS, behind a router with the health service
/// and the echo service (open to every peer here, so the fuzzer's calls reach the handlers and
/// their streaming paths). The peer is unidentified, as a TLS peer without a SAN URI would be.
@_spi(Fuzzing)
public enum ServerFuzzing {
    /// Adds the server's connection handler to `channel`. Call on the channel's event loop.
    /// `tight`: small limits (frame 16 KiB, 2 streams, 64-byte windows, 256-byte messages and
    /// metadata), so that short inputs reach the limit paths.
    /// Connections share one server per kind of limits, as a real server's do: what one
    /// connection leaves behind in the shared state is seen by the next.
    /// `services`: a test's own services beside those two, on a server of their own.
    /// Returns the handler, for a weak reference: it must be freed once the connection closed.
    @discardableResult
    public static func addConnectionHandler(
        to channel: any Channel, tight: Bool = false, services: [any RPCService] = []
    ) throws -> AnyObject {
        let shared = services.isEmpty ? (tight ? tightShared : standardShared) : makeShared(tight: tight, services: services)
        let handler = ServerConnectionHandler(shared: shared, eventLoop: channel.eventLoop)
        try channel.pipeline.syncOperations.addHandler(handler)
        return handler
    }

    private static let standardShared = makeShared(tight: false)
    private static let tightShared = makeShared(tight: true)

    private static func makeShared(tight: Bool, services: [any RPCService] = []) -> ServerShared {
        let logger = Logger(label: "jcskills.fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration = ServerConfiguration(
            port: 0, tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: ""), serverName: "fuzz")
        if tight {
            configuration.maximumFrameSize = Settings.minimumMaximumFrameSize
            configuration.maximumConcurrentStreams = 2
            configuration.initialWindowSize = 64
            configuration.maximumMessageSize = 256
            configuration.maximumMetadataSize = 256
        }
        var router = RPCRouter()
        router.add(EchoRPCService(policy: .anyAuthenticated))
        let health = HealthStatus(server: "fuzz", version: "fuzz")
        health.set(.serving)
        router.add(HealthRPCService(status: health))
        for service in services { router.add(service) }
        return ServerShared(configuration: configuration, router: router, auditor: LoggingAuditor(logger: logger), logger: logger)
    }
}
