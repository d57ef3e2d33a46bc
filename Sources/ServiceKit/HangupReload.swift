import Dispatch
import Foundation
import JCSkillsRPC
import Logging
import ServiceLifecycle
import Synchronization

/// SIGHUP reloads what can change under a running service: the RPC server's certificate, key,
/// trust roots and revoked serials (Sources/RPC/TLS/ServerTLS.swift), and whatever else was
/// registered with ``ReloadActions`` (the sealing keys, Sources/ServiceKit/ServiceStore.swift).
/// Connections and calls already running are not touched; a reload that fails leaves what was
/// loaded before in place and says so in the log.
///
/// The handler is in place from ``init`` on, before the server serves: a SIGHUP is never the
/// default action (termination) once the service answers its health check.
final class HangupReload: Service, @unchecked Sendable {
    // A dispatch source is safe to use from any thread; it is only cancelled after `init`.
    private let source: any DispatchSourceSignal

    init(server: RPCServer, actions: ReloadActions, logger: Logger) {
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "jcskills.sighup"))
        source.setEventHandler {
            Self.reload(server: server, actions: actions, logger: logger)
        }
        source.resume()
    }

    static func reload(server: RPCServer, actions: ReloadActions, logger: Logger) {
        do {
            let summary = try server.reloadTLS()
            logger.notice("reloaded TLS files", metadata: [
                "serial": "\(summary.serial)", "not-valid-after": "\(summary.notValidAfter)", "revoked-serials": "\(summary.revokedSerials)",
            ])
        } catch {
            logger.error("TLS reload failed; keeping the certificate, key and revoked serials loaded before", metadata: ["error": "\(error)"])
        }
        for (name, action) in actions.all {
            do {
                let result = try action()
                logger.notice("reloaded \(name)", metadata: ["result": "\(result)"])
            } catch {
                logger.error("reload of \(name) failed; keeping what was loaded before", metadata: ["error": "\(error)"])
            }
        }
    }

    func run() async throws {
        try? await gracefulShutdown()
        source.cancel()
    }
}

/// What a service reloads on SIGHUP besides its TLS files, by name.
public final class ReloadActions: Sendable {
    private let actions = Mutex<[(String, @Sendable () throws -> String)]>([])

    public init() {}

    public func add(_ name: String, _ action: @escaping @Sendable () throws -> String) {
        actions.withLock { $0.append((name, action)) }
    }

    var all: [(String, @Sendable () throws -> String)] { actions.withLock { $0 } }
}
