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
    /// Each call makes a server of its own, so that no state carries over from one input to the next.
    public static func addConnectionHandler(to channel: any Channel, tight: Bool = false) throws {
        let shared = makeShared(tight: tight)
        try channel.pipeline.syncOperations.addHandler(ServerConnectionHandler(shared: shared, eventLoop: channel.eventLoop))
    }

    private static func makeShared(tight: Bool) -> ServerShared {
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
        return ServerShared(configuration: configuration, router: router, auditor: LoggingAuditor(logger: logger), logger: logger)
    }
}
