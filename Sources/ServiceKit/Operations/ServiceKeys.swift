import Foundation
import JCSkillsMessages
import JCSkillsStore

/// `jcskills keys rotate`: a new sealing key added to a service's key file (the old ones kept, so
/// everything sealed before still opens). The running service starts sealing with it on SIGHUP
/// (Sources/ServiceKit/HangupReload.swift), or at its next start.
public enum ServiceKeys {
    /// The new current key's id and how many sealing keys the file now holds.
    public static func rotate(settings: ServiceSettings) throws -> (current: UInt32, count: Int) {
        let path = (settings.dataDirectory as NSString).appendingPathComponent(ServiceStore.keyFileName)
        do {
            let keys = try SealingKeys.rotate(at: path)
            return (keys.currentKeyID, keys.keyIDs.count)
        } catch let error as PersonalDataError {
            throw OperationsError(Messages.Operations.badKeyFile(path, reason: error.description))
        }
    }
}
