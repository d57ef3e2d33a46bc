import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// The evaluation centre's single-certificate work through the command-line client
/// (`jcskills evaluation issue / revoke`, the real executable) against the evaluation service
/// served over TLS: a valid issue and revocation, a bad field or a broken rule refused in one
/// line naming it, a county office refused, and a command retried with the same
/// --idempotency-key writing once.
@Suite("Evaluation: one certificate at a time, through the command-line client", .timeLimit(.minutes(5)))
struct EvaluationClientCommandTests {
    static let welder = "6-18-02-04"
    static let holder = TestIDs.make(birth: "19900101", sequence: 21)

    /// Runs `jcskills evaluation ARGUMENTS` as `identity` (``runClientCommand(_:_:endpoint:as:seconds:)``).
    static func jcskills(_ arguments: [String], _ harness: EvaluationHarness, as identity: String = "admin",
                         seconds: Double = 60) async throws -> (status: Int32?, output: String) {
        try await runClientCommand("evaluation", arguments, endpoint: harness.evaluation, as: identity, seconds: seconds)
    }

    static func object(_ output: String) throws -> [String: Any] { try jsonObject(output) }

    static func issue(id: String = Self.holder, level: String = "4", extra: [String] = []) -> [String] {
        ["issue", "--institution", "E-SO", "--kind", "skill_level", "--occupation", Self.welder, "--level", level,
         "--holder-id-number", id, "--holder-name", "王晓明", "--issued-on", "2026-06-01"] + extra
    }

    static func expectRefused(_ result: (status: Int32?, output: String), _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != nil && result.status != 0, "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.split(separator: "\n").count == 1, "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains(text), "\(result.output)", sourceLocation: sourceLocation)
    }

    /// An institution filed for welders, levels 5–3.
    static func withInstitution(_ backend: TestBackend, _ body: (EvaluationHarness) async throws -> Void) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution,
                                           .sample(code: "E-SO", scope: [ScopeEntry(occupation: Self.welder, levels: [.level5, .level4, .level3])]))
            }
            try await body(harness)
        }
    }

    /// The holder's valid certificates.
    static func certificates(_ harness: EvaluationHarness) async throws -> [String] {
        try await harness.client { client in
            try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: Self.holder)).certificates.map(\.certificate.number)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func issueAndRevokeOneCertificate(backend: TestBackend) async throws {
        try await Self.withInstitution(backend) { harness in
            let issued = try await Self.jcskills(Self.issue(extra: ["--json"]), harness)
            #expect(issued.status == 0, "\(issued.output)")
            let certificate = try Self.object(issued.output)
            let number = try #require(certificate["number"] as? String)
            #expect(certificate["kind"] as? String == "skill_level")
            #expect(certificate["level"] as? Int == 4)
            #expect(certificate["issued_on"] as? String == "2026-06-01")
            #expect(certificate["state"] as? String == "valid")
            #expect(try await Self.certificates(harness) == [number])

            // A higher level supersedes it; the one line says so.
            let higher = try await Self.jcskills(Self.issue(level: "3"), harness)
            #expect(higher.status == 0, "\(higher.output)")
            #expect(higher.output.hasPrefix("issued "), "\(higher.output)")
            #expect(higher.output.contains("supersedes \(number)"), "\(higher.output)")
            let top = try #require(try await Self.certificates(harness).first)

            let revoked = try await Self.jcskills(["revoke", top, "--reason", "issued in error"], harness)
            #expect(revoked.status == 0, "\(revoked.output)")
            #expect(revoked.output.hasPrefix("revoked \(top)"), "\(revoked.output)")
            #expect(revoked.output.contains("revoked since 2026-11-01"), "\(revoked.output)")
            // The level-4 certificate counts again.
            #expect(try await Self.certificates(harness) == [number])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aBadFieldOrABrokenRuleIsRefusedInOneLineNamingIt(backend: TestBackend) async throws {
        try await Self.withInstitution(backend) { harness in
            Self.expectRefused(try await Self.jcskills(Self.issue(id: TestIDs.corrupt(Self.holder)), harness), "INVALID_ARGUMENT: holder_id_number:")
            Self.expectRefused(try await Self.jcskills(Self.issue(level: "four"), harness), "level: 'four' is not a level")
            Self.expectRefused(try await Self.jcskills(Self.issue(extra: ["--kind", "diploma"]), harness), "kind: 'diploma' is not one of")
            Self.expectRefused(try await Self.jcskills(Self.issue(level: "1"), harness), "FAILED_PRECONDITION: filed_scope:")
            Self.expectRefused(try await Self.jcskills(["revoke", "JCC209900000001", "--reason", "test"], harness), "NOT_FOUND")
            Self.expectRefused(try await Self.jcskills(["revoke", "JCC209900000001", "--reason", " "], harness), "INVALID_ARGUMENT: reason:")
            #expect(try await Self.certificates(harness).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCountyOfficeMayNeitherIssueNorRevoke(backend: TestBackend) async throws {
        try await Self.withInstitution(backend) { harness in
            Self.expectRefused(try await Self.jcskills(Self.issue(), harness, as: "county-140525"), "PERMISSION_DENIED")
            #expect(try await Self.certificates(harness).isEmpty)
            let number = try #require(try Self.object(try await Self.jcskills(Self.issue(extra: ["--json"]), harness).output)["number"] as? String)
            Self.expectRefused(try await Self.jcskills(["revoke", number, "--reason", "not ours"], harness, as: "county-140524"), "PERMISSION_DENIED")
            #expect(try await Self.certificates(harness) == [number])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCommandRetriedWithTheSameKeyWritesOnce(backend: TestBackend) async throws {
        try await Self.withInstitution(backend) { harness in
            let first = try await Self.jcskills(Self.issue(extra: ["--idempotency-key", "iss-1", "--json"]), harness)
            let again = try await Self.jcskills(Self.issue(extra: ["--idempotency-key", "iss-1", "--json"]), harness)
            #expect(first.status == 0 && again.status == 0, "\(first.output)\n\(again.output)")
            let number = try #require(try Self.object(first.output)["number"] as? String)
            #expect(try Self.object(again.output)["number"] as? String == number)
            #expect(try await Self.certificates(harness) == [number])
            // A new key is a new certificate, numbered next: the replay took no number.
            let other = try await Self.jcskills(Self.issue(id: TestIDs.make(birth: "19910202", sequence: 22), extra: ["--json"]), harness)
            let next = try #require(try Self.object(other.output)["number"] as? String)
            #expect(Int(next.suffix(6))! == Int(number.suffix(6))! + 1, "\(number) then \(next)")

            for _ in 0..<2 {
                let revoked = try await Self.jcskills(["revoke", number, "--reason", "fraud", "--idempotency-key", "rev-1"], harness)
                #expect(revoked.status == 0, "\(revoked.output)")
                #expect(revoked.output.hasPrefix("revoked \(number)"), "\(revoked.output)")
            }
            // The key is that revocation's: another request under it is refused.
            Self.expectRefused(try await Self.jcskills(["revoke", number, "--reason", "other", "--idempotency-key", "rev-1"], harness), "FAILED_PRECONDITION")
            Self.expectRefused(try await Self.jcskills(Self.issue(extra: ["--idempotency-key", "rev-1"]), harness), "FAILED_PRECONDITION")
            #expect(try await Self.certificates(harness).isEmpty)
        }
    }
}
