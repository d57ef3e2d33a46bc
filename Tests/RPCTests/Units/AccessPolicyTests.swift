import JCSkillsTestSupport
@testable import JCSkillsRPC
import NIOSSL
import Testing

/// Who may call a method (Core/AccessPolicy.swift) and who the peer is
/// (Internal/PeerIdentity.swift): the identities of Protocol/SPEC.md §2.4, read from the test
/// PKI's certificates, against every kind of rule.
@Suite("Access policies and peer identities (SPEC.md §2.4)", .timeLimit(.minutes(1)))
struct AccessPolicyTests {
    static let registry = Principal(uri: "jcskills://registry")!
    static let county = Principal(uri: "jcskills://county/140524")!
    static let admin = Principal(uri: "jcskills://admin")!
    static let judge = Principal(uri: "jcskills://judge/J1")!
    static let nobody = Principal(kind: .unidentified, identity: "CN=someone")
    static let everyone = [registry, county, admin, judge, nobody]

    private func allowed(_ policy: AccessPolicy) -> [Principal] {
        Self.everyone.filter(policy.allows)
    }

    /// Each rule admits exactly its kind of caller; a policy admits the union of its rules;
    /// a policy of no rules admits no one.
    @Test func eachRuleAdmitsItsKindOfCaller() {
        #expect(allowed(.anyAuthenticated) == Self.everyone)
        #expect(allowed(.anyIdentified) == [Self.registry, Self.county, Self.admin, Self.judge])
        #expect(allowed(.only(.anyCounty)) == [Self.county])
        #expect(allowed(.only(.anyJudge)) == [Self.judge])
        #expect(allowed(.only(.service("registry"))) == [Self.registry])
        #expect(allowed(.only(.role("admin"))) == [Self.admin])
        #expect(allowed(.only(.service("training"), .anyCounty, .role("admin"))) == [Self.county, Self.admin])
        #expect(allowed(AccessPolicy([])).isEmpty)
    }

    /// A name means one kind only: the role "registry" is not the registry service, nor a
    /// county office's code a service; a role is compared as the certificate's URI gave it,
    /// lower-cased (SPEC.md §2.4).
    @Test func aNameIsNotAnotherKindsName() {
        #expect(!AccessPolicy.only(.role("registry")).allows(Self.registry))
        #expect(!AccessPolicy.only(.service("admin")).allows(Self.admin))
        #expect(!AccessPolicy.only(.service("140524")).allows(Self.county))
        #expect(AccessPolicy.only(.role("admin")).allows(Principal(uri: "jcskills://Admin")!))
    }

    /// What the refusal and the contract (SPEC.md §14) say about who may call, in words.
    @Test func aPolicyDescribesItsCallers() {
        #expect(AccessPolicy.only(.service("training"), .anyCounty, .anyJudge, .role("admin")).description
            == "service training, county offices, competition judges, role admin")
        #expect(AccessPolicy.anyAuthenticated.description == "any authenticated peer")
        #expect(AccessPolicy.anyIdentified.description == "any identified peer")
    }

    private func certificate(_ identity: String) throws -> NIOSSLCertificate {
        try #require(try NIOSSLCertificate.fromPEMFile(TestPKI.shared.files(identity).certificateChain).first)
    }

    /// §2.4: the principal is the certificate's first `jcskills://` SAN URI.
    @Test func theCertificatesURINamesThePrincipal() throws {
        #expect(PeerIdentity.principal(from: try certificate("admin")) == Self.admin)
        #expect(PeerIdentity.principal(from: try certificate("registry")) == Self.registry)
        #expect(PeerIdentity.principal(from: try certificate("county-140524")) == Self.county)
        #expect(PeerIdentity.principal(from: try certificate("judge-J1")) == Self.judge)
    }

    /// §2.4: a certificate of the city CA without a `jcskills://` URI is an unidentified peer,
    /// named by its subject in logs; no certificate at all is "unknown".
    @Test func aCertificateWithoutAnIdentityIsUnidentified() throws {
        let anonymous = PeerIdentity.principal(from: try certificate("anonymous"))
        #expect(anonymous.kind == .unidentified)
        #expect(anonymous.identity.contains("anonymous"), "named by its subject: \(anonymous.identity)")
        #expect(!AccessPolicy.anyIdentified.allows(anonymous))
        #expect(AccessPolicy.anyAuthenticated.allows(anonymous))
        #expect(PeerIdentity.principal(from: nil) == Principal(kind: .unidentified, identity: "unknown"))
    }
}
