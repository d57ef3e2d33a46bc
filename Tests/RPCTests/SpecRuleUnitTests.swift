import JCSkillsProtocol
@testable import JCSkillsRPC
import Testing

/// Rules of SPEC.md §2.4, §6.3 and §10.3 that pure functions decide.
@Suite("Identities, request ids and retries (SPEC.md §2.4, §6.3, §10.3)", .timeLimit(.minutes(1)))
struct SpecRuleUnitTests {
    /// §2.4: the `jcskills://` URIs and the principals they name; other URIs are skipped (nil).
    @Test func identitiesFromURIs() {
        #expect(Principal(uri: "jcskills://training")?.kind == .service("training"))
        #expect(Principal(uri: "jcskills://county/140524")?.kind == .county("140524"))
        #expect(Principal(uri: "jcskills://Admin")?.kind == .role("admin"))
        #expect(Principal(uri: "jcskills://auditor")?.kind == .role("auditor"))
        #expect(Principal(uri: "jcskills://training")?.identity == "jcskills://training")
        for skipped in ["https://example.org", "jcskills://county/14052", "jcskills://county/1405245", "jcskills://a/b", "jcskills://", "JCSKILLS://admin"] {
            #expect(Principal(uri: skipped) == nil, "\(skipped)")
        }
    }

    /// §6.3: a caller's request id is kept when it is at most 128 printable ASCII characters
    /// (0x21–0x7E); otherwise, or when there is none, the server makes one up.
    @Test func requestIDsFromCallers() {
        #expect(RequestIDs.accepted(nil) == nil)
        #expect(RequestIDs.accepted("abc-123_XYZ~") == "abc-123_XYZ~")
        #expect(RequestIDs.accepted(String(repeating: "a", count: 128)) != nil)
        #expect(RequestIDs.accepted(String(repeating: "a", count: 129)) == nil)
        for bad in ["a b", "tab\t", "ünï", "line\n", "", "\u{7f}"] where !bad.isEmpty {
            #expect(RequestIDs.accepted(bad) == nil, "\(bad.debugDescription)")
        }
    }

    /// §6.3: the ids the server and the client make up are 16 lower-case hex digits, and do
    /// not repeat.
    @Test func madeUpRequestIDs() {
        let ids = (0..<1_000).map { _ in RequestIDs.next() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.utf8.count == 16 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } })
        #expect(UsualCallHeaders.text(0x0123_4567_89ab_cdef) == "0123456789abcdef")
    }

    /// §10.3: only UNAVAILABLE and ABORTED are retried: always when the server never saw the
    /// call (above a GOAWAY's lastStreamID, before it was sent), else only for idempotent methods
    /// or calls with an idempotency key; any other status is the answer.
    @Test(arguments: [
        (StatusCode.unavailable, true, false, false, true),
        (.unavailable, false, false, false, false),
        (.unavailable, false, true, false, true),
        (.unavailable, false, false, true, true),
        (.aborted, false, false, false, false),
        (.aborted, false, true, false, true),
        (.aborted, false, false, true, true),
        (.deadlineExceeded, true, true, true, false),
        (.internal, true, true, true, false),
        (.resourceExhausted, false, true, false, false),
    ])
    func whatIsSafeToRetry(_ code: StatusCode, _ notProcessed: Bool, _ idempotent: Bool, _ key: Bool, _ retry: Bool) {
        let failure = CallFailure(error: RPCError(code, "x"), notProcessed: notProcessed)
        #expect(failure.isSafeToRetry(idempotent: idempotent, idempotencyKey: key) == retry)
    }
}
