import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import Logging

/// Opens a service's store the same way for every service: SQLite in the data directory or the
/// PostgreSQL URL from `--database`, with the sealing keys kept in the data directory
/// (`sealing.keys`, created on first start with mode 0600).
public enum ServiceStore {
    public static let keyFileName = "sealing.keys"

    public static func open(settings: ServiceSettings, migrations: [Migration], logger: Logger) async throws -> (store: Store, personal: PersonalData) {
        let location = try StoreLocation.parse(settings.database, dataDirectory: settings.dataDirectory, service: settings.kind.rawValue)
        let keyPath = URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent(keyFileName).path
        let keys: SealingKeys
        if FileManager.default.fileExists(atPath: keyPath) {
            keys = try SealingKeys.load(from: keyPath)
        } else {
            keys = try SealingKeys.create(at: keyPath)
            logger.notice("created sealing keys; back them up apart from the database", metadata: ["path": "\(keyPath)"])
        }
        let personal = PersonalData(keys: keys)
        // SIGHUP reads the key file again: a key added by `jcskills keys rotate` becomes current,
        // and the old ones still open what they sealed.
        settings.reload.add("sealing keys") {
            let reloaded = try SealingKeys.load(from: keyPath)
            try personal.replaceKeys(with: reloaded)
            return "current sealing key \(reloaded.currentKeyID) of \(reloaded.keyIDs.count)"
        }
        let store = try await Store.open(try configuration(settings: settings, location: location, personal: personal, logger: logger),
                                         migrations: migrations)
        return (store, personal)
    }

    /// The store's configuration for a service's settings: where, which keys, the store settings.
    static func configuration(settings: ServiceSettings, location: StoreLocation, personal: PersonalData, logger: Logger) throws -> StoreConfiguration {
        var configuration = StoreConfiguration(service: settings.kind.rawValue, location: location)
        configuration.personalData = personal
        configuration.logger = logger
        try StoreSetting.apply(settings.storeSettings, to: &configuration, source: "store")
        return configuration
    }
}

/// Writes every refused call into the service's audit log (and the log file).
public struct StoreAuditor: AccessAuditor {
    let store: Store
    let logger: Logger

    public init(store: Store, logger: Logger = Logger(label: "jcskills.audit")) {
        self.store = store
        self.logger = logger
    }

    public func denied(principal: Principal, method: String, requestID: String?, reason: String) {
        // The log line is as caller-supplied as the row: the same caps (the row is cut again by the store).
        typealias Limit = AuditFieldLimits
        logger.warning("access denied", metadata: [
            "principal": "\(Limit.cut(principal.identity, to: Limit.principal))", "method": "\(Limit.cut(method, to: Limit.method))",
            "request-id": "\(Limit.cut(requestID ?? "-", to: Limit.requestID))",
        ])
        let store = store
        let context = AuditContext(principal: principal.identity, method: method, requestID: requestID ?? "-")
        Task {
            try? await store.recordAudit(context, outcome: .permissionDenied, detail: reason)
        }
    }

    public func refused(principal: Principal, method: String, requestID: String?, reason: String) async {
        typealias Limit = AuditFieldLimits
        logger.warning("refused", metadata: [
            "principal": "\(Limit.cut(principal.identity, to: Limit.principal))", "method": "\(Limit.cut(method, to: Limit.method))",
            "request-id": "\(Limit.cut(requestID ?? "-", to: Limit.requestID))",
        ])
        let context = AuditContext(principal: principal.identity, method: method, requestID: requestID ?? "-")
        do {
            try await store.recordAudit(context, outcome: .permissionDenied, detail: reason)
        } catch {
            logger.error("could not audit a refusal", metadata: ["error": "\(error)"])
        }
    }
}
