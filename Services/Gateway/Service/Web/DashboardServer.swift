import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceLifecycle

/// The read-only dashboard on its own HTTPS port. A caller gets in with a client certificate
/// from the city's CA, or with the configured token; nothing else is served. The service's
/// ``HTTPServerLimits`` (config `http:`) bound its connections, as on the metrics port.
struct DashboardServer: Service {
    let address: Endpoint
    let sslContext: NIOSSLContext
    let pages: DashboardPages
    let limits: HTTPServerLimits
    let logger: Logger

    init(options: DashboardOptions, tls: TLSFiles, engine: TotalsEngine, history: IndicatorHistory,
         catalogue: IndicatorCatalogue, limits: HTTPServerLimits = HTTPServerLimits(), logger: Logger) throws {
        self.address = try options.endpoint()
        self.sslContext = try tls.makeDashboardContext()
        self.pages = DashboardPages(engine: engine, history: history, token: options.token)
        self.limits = limits
        self.logger = logger
    }

    func run() async throws {
        let channel: any Channel
        do {
            channel = try await start()
        } catch {
            // The totals are the gateway's job; the page is a view of them. A port taken by
            // another process costs the page, not the service.
            logger.error("dashboard not started: cannot listen on \(address): \(error)")
            try? await gracefulShutdown()
            return
        }
        logger.info("dashboard", metadata: ["address": "https://\(address)/"])
        await withGracefulShutdownHandler {
            try? await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }

    /// Binds and serves until the returned channel is closed.
    func start() async throws -> any Channel {
        let pages = pages
        return try await LimitedHTTPServer.bind(
            host: address.host, port: address.port, name: "dashboard", limits: limits, tls: sslContext
        ) {
            DashboardHTTPHandler(pages: pages)
        }
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

    /// The dashboard's TLS: the gateway's own certificate; a client certificate is checked
    /// against the city CA when presented but not required (a token may stand in for it).
    /// TLS 1.3, or 1.2 with ``dashboardTLS12CipherSuites`` only.
    func makeDashboardContext() throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(try NIOSSLPrivateKey(file: privateKey, format: .pem)))
        configuration.minimumTLSVersion = .tlsv12
        configuration.cipherSuiteValues = Self.dashboardTLS12CipherSuites
        configuration.trustRoots = .file(trustRoots)
        configuration.certificateVerification = .optionalVerification
        configuration.applicationProtocols = ["http/1.1"]
        return try NIOSSLContext(configuration: configuration)
    }
}

/// One HTTP/1.1 exchange at a time: the page is rendered off the event loop (it asks the
/// sources), then written back on it.
final class DashboardHTTPHandler: HTTPRequestResponder {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let pages: DashboardPages
    var pendingHead: HTTPRequestHead?

    init(pages: DashboardPages) {
        self.pages = pages
    }

    func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let hasCertificate = ((try? context.pipeline.syncOperations.nioSSL_peerCertificate()) ?? nil) != nil
        let request = DashboardRequest(
            method: head.method.rawValue, uri: head.uri,
            authorization: head.headers.first(name: "Authorization"), hasClientCertificate: hasCertificate)
        let keepAlive = head.isKeepAlive
        let version = head.version
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let pages = pages
        Task {
            let response = await pages.respond(to: request)
            loopBound.eventLoop.execute {
                let (handler, context) = loopBound.value
                handler.write(response, version: version, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func write(_ response: DashboardResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        var response = response
        response.headers += [
            ("Cache-Control", "no-store"),
            // Nothing on the page comes from elsewhere: no scripts, fonts or frames at all.
            ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        response.write(to: context, version: version, keepAlive: keepAlive)
    }
}
