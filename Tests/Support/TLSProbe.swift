import JCSkillsRPC
import NIOCore
import NIOPosix
import NIOSSL

/// A bare TLS connection to a server, to see which certificate it presents now.
public enum TLSProbe {
    /// The serial (lower-case hexadecimal, as ``RevokedSerials/hex(_:)`` writes it) of the
    /// certificate the server at `endpoint` presents to a new connection made with `files`.
    /// The probe only looks: it accepts whatever it is shown, and closes. Bounded: 10 s.
    public static func serverSerial(_ endpoint: Endpoint, files: TLSFiles) async throws -> String {
        let context = try files.makeClientContext()
        let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: String.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(
                        context: context, serverHostname: nil,
                        customVerificationCallback: { chain, verdict in
                            if let leaf = chain.first {
                                promise.succeed(RevokedSerials.hex(leaf.serialNumber))
                            } else {
                                promise.fail(TLSProbeError.noCertificate)
                            }
                            verdict.succeed(.certificateVerified)
                        }))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        channel.closeFuture.whenComplete { _ in promise.fail(TLSProbeError.closed) }
        defer { channel.close(promise: nil) }
        return try await withTimeout(.seconds(10)) { try await promise.futureResult.get() }
    }

    enum TLSProbeError: Error {
        case noCertificate
        case closed
    }
}
