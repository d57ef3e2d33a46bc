import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import ServiceLifecycle

/// The read-only dashboard on its own HTTPS port. A caller gets in with a client certificate
/// from the city's CA, or with the configured token; nothing else is served.
struct DashboardServer: Service {
    let address: Endpoint
    let sslContext: NIOSSLContext
    let pages: DashboardPages
    let logger: Logger

    init(options: DashboardOptions, tls: TLSFiles, engine: TotalsEngine, history: IndicatorHistory,
         catalogue: IndicatorCatalogue, logger: Logger) throws {
        self.address = try options.endpoint()
        self.sslContext = try tls.makeDashboardContext()
        self.pages = DashboardPages(engine: engine, history: history, token: options.token)
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
        let sslContext = sslContext
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(DashboardHTTPHandler(pages: pages))
                }
            }
            .bind(host: address.host, port: address.port)
            .get()
    }
}

extension TLSFiles {
    /// The dashboard's TLS: the gateway's own certificate; a client certificate is checked
    /// against the city CA when presented but not required (a token may stand in for it).
    func makeDashboardContext() throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(try NIOSSLPrivateKey(file: privateKey, format: .pem)))
        configuration.minimumTLSVersion = .tlsv12
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
