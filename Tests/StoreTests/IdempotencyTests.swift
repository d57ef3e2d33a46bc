import Crypto
import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

private func digest(_ request: String) -> Data {
    Data(SHA256.hash(data: Data(request.utf8)))
}

/// The write the tests repeat: insert a note, answer with its id as the "encoded response".
private func createNote(_ title: String, runs: Counter) -> (StoreTransaction) async throws -> Data {
    { tx in
        runs.increment()
        let id = try await tx.insert(into: "notes").columns("title").values(SQLBind(title))
            .returning("id").first(decodingColumn: "id", as: Int64.self) ?? -1
        try await tx.audit(entity: "note", id: String(id))
        return Data("created \(id)".utf8)
    }
}

@Suite(.timeLimit(.minutes(2)))
struct IdempotencyTests {
    @Test(arguments: TestDatabases.backends)
    func aRepeatReturnsTheFirstResultWithoutWriting(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let runs = Counter()
            let first = try await store.idempotent(key: "k-1", context: testContext, requestDigest: digest("a"),
                                                   createNote("a", runs: runs))
            let second = try await store.idempotent(key: "k-1", context: testContext, requestDigest: digest("a"),
                                                    createNote("a", runs: runs))
            #expect(first.replayed == false)
            #expect(second.replayed == true)
            #expect(second.response == first.response)
            #expect(runs.count == 1)
            #expect(try await store.count("notes") == 1)
            // One audit row for the one write; the replay wrote nothing.
            #expect(try await store.allAuditEntries().count == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func theSameKeyForAnotherRequestIsRejected(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let runs = Counter()
            _ = try await store.idempotent(key: "k-2", context: testContext, requestDigest: digest("a"),
                                           createNote("a", runs: runs))
            let otherRequest = await storeError {
                _ = try await store.idempotent(key: "k-2", context: testContext, requestDigest: digest("b"),
                                               createNote("b", runs: runs))
            }
            #expect(otherRequest?.kind == .idempotencyConflict)
            #expect(otherRequest?.statusCode == .failedPrecondition)
            #expect(otherRequest?.rpcError.code == .failedPrecondition)
            var otherMethod = testContext
            otherMethod.method = "test.Other"
            let otherMethodError = await storeError {
                _ = try await store.idempotent(key: "k-2", context: otherMethod, requestDigest: digest("a"),
                                               createNote("c", runs: runs))
            }
            #expect(otherMethodError?.kind == .idempotencyConflict)
            #expect(runs.count == 1)
            #expect(try await store.count("notes") == 1)
            // The refusals are audited as such.
            let outcomes = try await store.allAuditEntries().map(\.outcome)
            #expect(outcomes.filter { $0 == "FAILED_PRECONDITION" }.count == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func keysBelongToTheirPrincipal(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let runs = Counter()
            var county = testContext
            county.principal = "jcskills://county/140524"
            _ = try await store.idempotent(key: "shared", context: testContext, requestDigest: digest("a"),
                                           createNote("a", runs: runs))
            let theirs = try await store.idempotent(key: "shared", context: county, requestDigest: digest("b"),
                                                    createNote("b", runs: runs))
            #expect(theirs.replayed == false)
            #expect(runs.count == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func concurrentIdenticalRequestsWriteOnce(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let runs = Counter()
            let results = try await withThrowingTaskGroup(of: IdempotentResult.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.idempotent(key: "race", context: testContext, requestDigest: digest("a"),
                                                   createNote("a", runs: runs))
                    }
                }
                var results: [IdempotentResult] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(runs.count == 1)
            #expect(results.filter { !$0.replayed }.count == 1)
            #expect(Set(results.map(\.response)).count == 1)
            #expect(try await store.count("notes") == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailedWriteStoresNothing(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            struct Flaky: Error {}
            await #expect(throws: Flaky.self) {
                _ = try await store.idempotent(key: "retry", context: testContext, requestDigest: digest("a")) { _ in
                    throw Flaky()
                }
            }
            let runs = Counter()
            let retried = try await store.idempotent(key: "retry", context: testContext, requestDigest: digest("a"),
                                                     createNote("a", runs: runs))
            #expect(retried.replayed == false)
            #expect(runs.count == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func keysExpireAndArePurged(backend: TestBackend) async throws {
        let clock = TestClock()
        try await withTestStore(backend, migrations: [notesMigration], configure: {
            $0.now = { clock.now }
            $0.idempotencyTTL = .seconds(60)
        }) { store in
            let runs = Counter()
            _ = try await store.idempotent(key: "old", context: testContext, requestDigest: digest("a"),
                                           createNote("a", runs: runs))
            _ = try await store.idempotent(key: "other", context: testContext, requestDigest: digest("x"),
                                           createNote("x", runs: runs))
            clock.advance(by: 30)
            let stillRemembered = try await store.idempotent(key: "old", context: testContext, requestDigest: digest("a"),
                                                             createNote("a", runs: runs))
            #expect(stillRemembered.replayed)
            clock.advance(by: 31)
            // Expired: the key is new again, even for a different request.
            let reused = try await store.idempotent(key: "old", context: testContext, requestDigest: digest("b"),
                                                    createNote("b", runs: runs))
            #expect(reused.replayed == false)
            #expect(runs.count == 3)
            let report = try await store.purgeExpired()
            #expect(report.idempotencyKeys == 1)  // "other"; "old" was renewed by its reuse
            #expect(try await store.count("jcs_idempotency") == 1)
        }
    }

    @Test
    func overlongKeysAreRejected() async throws {
        try await withTestStore(.sqlite, migrations: [notesMigration]) { store in
            let error = await storeError {
                _ = try await store.idempotent(key: String(repeating: "k", count: 201), context: testContext,
                                               requestDigest: digest("a")) { _ in Data() }
            }
            #expect(error?.kind == .invalidArgument)
        }
    }
}
