import JCSkillsProtocol
import Logging
import NIOCore
import Tracing

/// How an ``RPCServer`` listens and what it tolerates. Every limit has a default fit for a
/// department's service on one machine.
public struct ServerConfiguration: Sendable {
    /// Address to listen on. Default `127.0.0.1`.
    public var host: String
    /// Port; 0 picks a free one (tests). Services default to 7100–7104 (docs/DESIGN.md §7).
    public var port: Int
    public var tls: TLSFiles
    /// Name reported by the health check, e.g. `"registry"`.
    public var serverName: String
    public var version: String

    /// Largest frame payload accepted. Default 65,536.
    public var maximumFrameSize: UInt32 = Settings.defaultMaximumFrameSize
    /// Calls run at once per connection; more are refused with RESOURCE_EXHAUSTED. Default 100.
    public var maximumConcurrentStreams: UInt32 = Settings.defaultMaximumConcurrentStreams
    /// Flow-control credit per stream. Default 256 KiB.
    public var initialWindowSize: UInt32 = 256 * 1024
    /// Largest message accepted. Default 4 MiB.
    public var maximumMessageSize: UInt32 = Settings.defaultMaximumMessageSize
    /// Largest HEADERS payload accepted. Default 16 KiB.
    public var maximumMetadataSize: UInt32 = Settings.defaultMaximumMetadataSize
    /// Decoder bounds for request messages.
    public var wireLimits: WireLimits = .standard
    /// Time from TCP accept to the client's SETTINGS (TLS handshake included). Default 10 s.
    public var handshakeTimeout: TimeAmount = .seconds(10)
    /// A connection without calls for this long is closed with GOAWAY. Default 5 minutes.
    public var idleTimeout: TimeAmount = .minutes(5)
    /// On shutdown, calls in flight get this long to finish before connections are closed. Default 10 s.
    public var drainTimeout: TimeAmount = .seconds(10)

    // What one peer, or all of them together, may make the server hold (SECURITY.md lists
    // each with the attack it stops). The defaults fit a department's service on one machine:
    // the worst case they allow together stays far below its memory and descriptors.

    /// Connections open at once; more are closed as they are accepted. Default 1,000.
    public var maximumConnections: Int = 1_000
    /// Calls running at once on the whole server; more are refused with RESOURCE_EXHAUSTED.
    /// Default 10,000.
    public var maximumCalls: Int = 10_000
    /// Bytes one connection's calls may hold on its account: request messages not yet whole,
    /// and responses waiting for the peer's credit or for its socket; the call that would go
    /// beyond fails with RESOURCE_EXHAUSTED. Default 16 MiB (four messages of the largest size
    /// at once).
    public var maximumBufferedBytesPerConnection: Int = 16 << 20
    /// The same for all connections together. Default 64 MiB: sixteen messages of the
    /// largest size at once. What the server holds beyond the budget under abuse (buffers
    /// below the watermark, requests read ahead, free memory kept by malloc) was about
    /// 130 MiB with a hundred hostile connections; at 128 MiB the soak peaked just past its
    /// target of 256 MiB above idle (BENCHMARKS.md, "Soak").
    public var maximumBufferedBytes: Int = 64 << 20
    /// Bytes waiting to be written to a connection above which the server stops reading from
    /// it until the peer has taken half of them: a peer that sends but never reads cannot make
    /// the server queue answers for it. Default 1 MiB.
    public var outboundHighWatermark: Int = 1 << 20
    /// A unary or server-streaming call must have sent its whole request this long after it
    /// opened, or it ends with DEADLINE_EXCEEDED. Default 30 s.
    public var requestTimeout: TimeAmount = .seconds(30)
    /// A call without a deadline during which no frame goes either way for this long ends with
    /// DEADLINE_EXCEEDED: an open stream cannot hold a connection forever. Default 10 minutes.
    public var callIdleTimeout: TimeAmount = .minutes(10)
    /// Runs every handler under a server span, the child of the caller's `traceparent`, with
    /// `ServiceContext.current` set so that its own calls join the trace (Protocol/SPEC.md
    /// §6.4). nil, the default, traces nothing and costs one check per call.
    public var tracer: (any Tracer)?

    public init(host: String = "127.0.0.1", port: Int, tls: TLSFiles, serverName: String, version: String = "dev") {
        self.host = host
        self.port = port
        self.tls = tls
        self.serverName = serverName
        self.version = version
    }

    var settings: Settings {
        var settings = Settings()
        settings.maximumFrameSize = maximumFrameSize
        settings.maximumConcurrentStreams = maximumConcurrentStreams
        settings.initialWindowSize = initialWindowSize
        settings.maximumMessageSize = maximumMessageSize
        settings.maximumMetadataSize = maximumMetadataSize
        settings.idleTimeoutMilliseconds = UInt32(clamping: idleTimeout.nanoseconds / 1_000_000)
        return settings
    }
}

/// The default auditor: a warning in the server's log for every refusal.
struct LoggingAuditor: AccessAuditor {
    let logger: Logger
    func denied(principal: Principal, method: String, requestID: String?, reason: String) {
        logger.warning("access denied", metadata: [
            "principal": "\(principal.identity)", "method": "\(method)",
            "request-id": "\(requestID ?? "-")", "reason": "\(reason)",
        ])
    }
}
