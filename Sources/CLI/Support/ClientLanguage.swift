import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

extension ClientConfiguration {
    /// Every `jcskills` client's: each call says which language the user reads, so that the
    /// services' refusals come back in it (Sources/ServiceKit/Requests/CallerLanguage.swift).
    static func jcskills(tls: TLSFiles) -> ClientConfiguration {
        var configuration = ClientConfiguration(tls: tls)
        configuration.metadata = [MetadataEntry(MetadataKey.acceptLanguage, Language.current.rawValue)]
        return configuration
    }
}
