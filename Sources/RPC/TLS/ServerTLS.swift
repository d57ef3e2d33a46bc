import NIOSSL
import Synchronization

/// A server's TLS material as it stands now: the context built from ``TLSFiles`` (certificate,
/// key, trust roots) and the revoked serials. ``reload()`` reads the files again and swaps
/// both in at once; connections accepted afterwards use the new ones, connections already
/// established keep the context they were opened with, and their calls go on.
public final class ServerTLS: Sendable {
    public let files: TLSFiles
    private let current = Mutex<Loaded?>(nil)

    struct Loaded: @unchecked Sendable {
        // NIOSSLContext is thread-safe once built (NIOSSL documents it as Sendable on newer
        // releases); it is only read after this point.
        let context: NIOSSLContext
        let revoked: RevokedSerials
        let summary: TLSReloadSummary
    }

    public init(files: TLSFiles) {
        self.files = files
    }

    /// Reads the files; keeps what was loaded before when any of them fails.
    @discardableResult
    public func reload() throws -> TLSReloadSummary {
        let context = try files.makeServerContext()
        let revoked = try files.revokedSerials.map { try RevokedSerials(contentsOf: $0) } ?? .empty
        let leaf = try files.leafCertificate()
        let summary = TLSReloadSummary(
            serial: RevokedSerials.hex(leaf.serialNumber), notValidAfter: Int64(leaf.notValidAfter), revokedSerials: revoked.count)
        current.withLock { $0 = Loaded(context: context, revoked: revoked, summary: summary) }
        return summary
    }

    /// What is loaded now; nil before the first ``reload()``.
    public var summary: TLSReloadSummary? { current.withLock { $0?.summary } }

    /// The TLS handler for a connection accepted now: the current context, and a check that
    /// refuses, during the handshake, a client whose certificate — or any certificate of its
    /// chain — has a revoked serial.
    func makeHandler() throws -> NIOSSLServerHandler {
        guard let loaded = current.withLock({ $0 }) else {
            throw TLSFilesError(path: files.certificateChain, reason: "the TLS files were not loaded")
        }
        return try RevocationCheck.serverHandler(context: loaded.context, refusing: loaded.revoked)
    }
}

/// What a (re)load found: the certificate's serial and expiry, for the log and for tests.
public struct TLSReloadSummary: Sendable, Hashable, CustomStringConvertible {
    /// The server certificate's serial, lower-case hexadecimal.
    public let serial: String
    /// Its expiry, seconds since 1970.
    public let notValidAfter: Int64
    public let revokedSerials: Int
    public var description: String {
        "certificate serial \(serial), valid until \(notValidAfter), \(revokedSerials) revoked serials"
    }
}
