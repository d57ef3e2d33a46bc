import Hummingbird
import HTTPTypes
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Synchronization

/// The read-only dashboard on its own HTTPS port, served by Hummingbird. A caller gets in with
/// a client certificate from the city's CA, or with the configured token; nothing else is
/// served. The service's ``HTTPServerLimits`` (config `http:`) bound its connections, as on the
/// metrics port.
struct DashboardServer: Service {
    /// Where it listens (tests set port 0 and learn the port from `run(onServerRunning:)`).
    var address: Endpoint
    let tls: TLSConfiguration
    let pages: DashboardPages
    let limits: HTTPServerLimits
    let logger: Logger

    init(options: DashboardOptions, tls: TLSFiles, engine: TotalsEngine, history: IndicatorHistory,
         catalogue: IndicatorCatalogue, limits: HTTPServerLimits = HTTPServerLimits(), logger: Logger,
         quality: RegistryQualityReader? = nil, planSeries: LatestPlanSeries? = nil) throws {
        self.address = try options.endpoint()
        self.tls = try tls.makeDashboardTLSConfiguration()
        // Hummingbird builds its context when the server starts; a bad file fails the gateway's
        // start here, as a bad RPC certificate does, rather than only costing the page.
        _ = try NIOSSLContext(configuration: self.tls)
        var pages = DashboardPages(engine: engine, history: history, token: options.token)
        pages.quality = quality.map { QualityRoute(reader: $0) }
        pages.planSeries = planSeries
        self.pages = pages
        self.limits = limits
        self.logger = logger
    }

    func run() async throws {
        try await run(onServerRunning: { _ in })
    }

    /// Serves until graceful shutdown; `onServerRunning` gets the listening channel once bound.
    func run(onServerRunning: @escaping @Sendable (any Channel) async -> Void) async throws {
        let server = LimitedHTTPServer(
            name: "dashboard", host: address.host, port: address.port, limits: limits, tls: tls,
            responder: DashboardResponder(pages: pages), logger: logger)
        let started = Started()
        let (logger, address) = (logger, address)
        do {
            try await server.run { channel in
                started.flag.store(true, ordering: .relaxed)
                let port = channel.localAddress?.port ?? address.port
                logger.info("dashboard", metadata: ["address": "https://\(Endpoint(host: address.host, port: port))/"])
                await onServerRunning(channel)
            }
        } catch {
            if Task.isCancelled { return }
            // The totals are the gateway's job; the page is a view of them. A port taken by
            // another process costs the page, not the service.
            if started.flag.load(ordering: .relaxed) {
                logger.error("dashboard stopped: \(error)")
            } else {
                logger.error("dashboard not started: cannot listen on \(address): \(error)")
            }
            try? await gracefulShutdown()
        }
    }

    private final class Started: Sendable {
        let flag = Atomic<Bool>(false)
    }
}

/// What a dashboard request is answered with: the connection's channel, to ask its TLS handler
/// whether the client presented a certificate.
struct DashboardRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }

    /// Whether the client presented a certificate. With optional verification NIOSSL checks a
    /// presented certificate against the city CA during the handshake and refuses the
    /// connection when it fails, so one that is there has been verified.
    var hasClientCertificate: Bool {
        get async {
            let certificate = try? await channel.nioSSL_peerCertificate().get()
            return certificate != nil
        }
    }
}

/// Turns a Hummingbird request into a ``DashboardRequest`` for ``DashboardPages`` and its
/// answer into a response with the dashboard's security headers.
struct DashboardResponder: HTTPResponder {
    typealias Context = DashboardRequestContext

    let pages: DashboardPages

    func respond(to request: Request, context: Context) async throws -> Response {
        let page = await pages.respond(to: DashboardRequest(
            method: request.method.rawValue, uri: request.uri.string,
            authorization: request.headers[.authorization], hasClientCertificate: await context.hasClientCertificate,
            clientIdentity: await context.clientIdentity,
            acceptLanguage: request.headers[.acceptLanguage]))
        let headers: HTTPFields = [
            .contentType: page.contentType,
            .cacheControl: "no-store",
            // Nothing on the page comes from elsewhere: no scripts, fonts or frames at all.
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            .xContentTypeOptions: "nosniff",
        ]
        return Response(status: page.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.body)))
    }
}

extension TLSFiles {
    /// TLS 1.2 suites the dashboard accepts: ECDHE key exchange (forward secrecy) with an AEAD
    /// cipher only; no CBC with an HMAC-SHA1 (Lucky 13, padding oracles), no static RSA or DHE.
    /// ECDSA suites for the city PKI's P-256 keys, RSA ones for a site's own PKI. TLS 1.3's
    /// suites are all AEAD and are not configurable.
    ///
    /// Not TLS 1.3 only: the page is opened in the city office's own browsers, and some office
    /// machines still run browsers that stop at TLS 1.2; restricted like this (Mozilla's
    /// "intermediate" profile) TLS 1.2 has no known weakness that 1.3 alone would remove here.
    static let dashboardTLS12CipherSuites: [NIOTLSCipher] = [
        .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]

    /// The dashboard's TLS, for HummingbirdTLS: the gateway's own certificate; a client
    /// certificate is checked against the city CA when presented but not required (a token may
    /// stand in for it). TLS 1.3, or 1.2 with ``dashboardTLS12CipherSuites`` only; ALPN
    /// http/1.1.
    func makeDashboardTLSConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(try NIOSSLPrivateKey(file: privateKey, format: .pem)))
        configuration.minimumTLSVersion = .tlsv12
        configuration.cipherSuiteValues = Self.dashboardTLS12CipherSuites
        configuration.trustRoots = .file(trustRoots)
        configuration.certificateVerification = .optionalVerification
        configuration.applicationProtocols = ["http/1.1"]
        return configuration
    }
}
