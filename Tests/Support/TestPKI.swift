import Foundation
import JCSkillsPKI
import JCSkillsRPC

/// A development PKI made once per test process, with the identities the tests need:
/// the standard six, a county office, an auditor, an expired identity, and a foreign CA's
/// identity that the city CA never signed.
public enum TestPKI {
    public struct Material: Sendable {
        public let directory: String
        public let foreignDirectory: String

        public func files(_ identity: String) -> TLSFiles {
            TLSFiles(directory: directory, identity: identity)
        }

        /// An identity issued by another CA, presented with the city CA as trust root.
        public func foreignFiles(_ identity: String) -> TLSFiles {
            TLSFiles(
                certificateChain: "\(foreignDirectory)/\(identity).crt", privateKey: "\(foreignDirectory)/\(identity).key",
                trustRoots: "\(directory)/ca.crt")
        }
    }

    public static let shared: Material = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-test-pki-\(UUID().uuidString)").path
        let main = "\(root)/city"
        let foreign = "\(root)/foreign"
        do {
            let past = Date().addingTimeInterval(-86_400 * 10)
            try DevelopmentPKI.initialise(at: main, extraIdentities: [
                IdentityRequest(id: "county-140524"),
                IdentityRequest(id: "county-140525"),
                IdentityRequest(id: "auditor"),
                // Competition judges (docs/COMPETITIONS.md, "Judges").
                IdentityRequest(id: "judge-J1"),
                IdentityRequest(id: "judge-J2"),
                IdentityRequest(id: "judge-J3"),
                IdentityRequest(id: "judge-J4"),
                IdentityRequest(id: "expired", uri: "jcskills://admin", notValidBefore: past, notValidAfter: past.addingTimeInterval(3600)),
                IdentityRequest(id: "anonymous", uri: "jcskills-other://nobody"),
            ])
            try DevelopmentPKI.initialise(at: foreign)
        } catch {
            fatalError("test PKI: \(error)")
        }
        return Material(directory: main, foreignDirectory: foreign)
    }()
}
