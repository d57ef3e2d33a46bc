import JCSkillsMessages
import JCSkillsPKI

extension Messages.PKI {
    /// What `pki init` did, in the user's language (PKISummary's own description is English, for logs).
    static func summary(_ summary: PKISummary) -> String {
        var lines = [caLine(created: summary.createdCA, path: summary.caCertificatePath).text()]
        if !summary.created.isEmpty { lines.append(createdIdentities(summary.created.joined(separator: ", ")).text()) }
        if !summary.kept.isEmpty { lines.append(keptIdentities(summary.kept.joined(separator: ", ")).text()) }
        return lines.joined(separator: "\n")
    }
}
