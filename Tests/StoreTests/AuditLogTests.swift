import Foundation
import JCSkillsExecutors
import JCSkillsProtocol
@testable import JCSkillsStore
import JCSkillsTestSupport
import NIOPosix
import SQLKit
import Testing

@Suite(.timeLimit(.minutes(2)))
struct AuditLogTests {
    @Test(arguments: TestDatabases.backends)
    func everyWriteIsAuditedAndNoRead(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            try await store.transaction(testContext) { tx in
                try await tx.insert(into: "notes").columns("title").values(SQLBind("named")).run()
                try await tx.audit(entity: "note", id: "1", detail: "created")
            }
            var second = testContext
            second.requestID = "req-2"
            second.method = "test.Silent"
            try await store.transaction(second) { tx in
                // Records nothing itself: the store adds a row for the transaction.
                try await tx.insert(into: "notes").columns("title").values(SQLBind("silent")).run()
            }
            for _ in 0..<5 {
                _ = try await store.count("notes")
                _ = try await store.read { db in try await db.select().column("*").from("notes").all() }
            }
            let entries = try await store.allAuditEntries()
            #expect(entries.count == 2)
            let newest = try #require(entries.first)
            #expect(newest.method == "test.Silent")
            #expect(newest.requestID == "req-2")
            #expect(newest.entity == nil)
            #expect(newest.outcome == "OK")
            let oldest = try #require(entries.last)
            #expect(oldest.principal == "jcskills://training")
            #expect(oldest.entity == "note")
            #expect(oldest.entityID == "1")
            #expect(oldest.detail == "created")
            #expect(oldest.service == "test")
            #expect(abs(oldest.time.timeIntervalSinceNow) < 60)
        }
    }

    /// 20,000 refused calls with a 15 KB request id once added 378 MiB to an append-only table.
    @Test(arguments: TestDatabases.backends)
    func callerSuppliedFieldsAreCappedWhateverTheWayIn(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: [notesMigration]) { store in
            let huge = String(repeating: "r", count: 15_000)
            // Multi-byte characters across the cut: it must fall between two of them.
            let wide = String(repeating: "县", count: 5_000)
            let flood = AuditContext(principal: "jcskills://" + huge, method: "registry.Evil/" + wide, requestID: huge)
            let rows = 60
            let group = AuditGroupCommit(store: store)
            for index in 0..<rows {
                switch index % 3 {
                case 0:
                    try await store.recordAudit(flood, outcome: .permissionDenied, entity: huge, id: wide, detail: wide + huge)
                case 1:
                    try await store.transaction(flood) { tx in
                        try await tx.insert(into: "notes").columns("title").values(SQLBind("n\(index)")).run()
                        try await tx.audit(entity: "note", id: huge, detail: huge)
                    }
                default:
                    try await group.record(flood, outcome: .ok, entity: "note", id: huge, detail: wide)
                }
            }
            let entries = try await store.allAuditEntries()
            #expect(entries.count == rows)
            var stored = 0
            for entry in entries {
                #expect(entry.requestID.utf8.count <= AuditFieldLimits.requestID)
                #expect(entry.requestID.hasPrefix("rrrr") && entry.requestID.hasSuffix("…[cut, 15000 bytes]"))
                #expect(entry.principal.utf8.count <= AuditFieldLimits.principal)
                #expect(entry.method.utf8.count <= AuditFieldLimits.method)
                #expect(entry.method.hasSuffix("县…[cut, \(("registry.Evil/" + wide).utf8.count) bytes]"))
                #expect((entry.entity ?? "").utf8.count <= AuditFieldLimits.entity)
                #expect((entry.entityID ?? "").utf8.count <= AuditFieldLimits.entityID)
                #expect((entry.detail ?? "").utf8.count <= AuditFieldLimits.detail)
                stored += [entry.principal, entry.method, entry.requestID, entry.entity ?? "", entry.entityID ?? "",
                           entry.outcome, entry.detail ?? ""].map(\.utf8.count).reduce(0, +)
            }
            // At most ~2 KiB of text a row, against ~45 KB sent for each.
            #expect(stored <= rows * 2_100, "\(stored) bytes stored for \(rows) rows")
        }
    }

    /// Reads that show personal data are audited many rows a commit, each row once, committed
    /// before its caller goes on — more at once than one statement holds. On PostgreSQL a commit
    /// is one INSERT on its own, not a write transaction through the group committer. Callers on
    /// an event loop (as a service's handlers are) have the commits run on that loop.
    @Test(arguments: TestDatabases.backends, [false, true])
    func groupedReadAuditsCommitEveryRowOnce(backend: TestBackend, callersOnALoop: Bool) async throws {
        try await withTestStore(backend) { store in
            let group = AuditGroupCommit(store: store)
            let before = store.groupCommitStatistics
            let reads = AuditLog.rowsPerStatement * 2 + 300
            let executor: any TaskExecutor = callersOnALoop
                ? EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next()) : globalConcurrentExecutor
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for read in 0..<reads {
                    tasks.addTask(executorPreference: executor) {
                        try await group.record(testContext, outcome: .ok, entity: "person", id: "p\(read)", detail: "personal data shown")
                    }
                }
                try await tasks.waitForAll()
            }
            let ids = try await store.allAuditEntries().compactMap(\.entityID)
            #expect(ids.count == reads)
            #expect(Set(ids) == Set((0..<reads).map { "p\($0)" }))
            let writes = store.groupCommitStatistics.writes - before.writes
            if backend.dialect == .postgres {
                #expect(writes == 0)
            } else {
                #expect(writes >= reads / AuditLog.rowsPerStatement)
            }
        }
    }

    @Test func cutsKeepWholeCharactersAndSayHowLongTheOriginalWas() {
        #expect(AuditFieldLimits.cut("short", to: 128) == "short")
        let exact = String(repeating: "a", count: 128)
        #expect(AuditFieldLimits.cut(exact, to: 128) == exact)
        let cut = AuditFieldLimits.cut(String(repeating: "€", count: 100), to: 128)  // 3 bytes each
        #expect(cut.utf8.count <= 128)
        #expect(cut.hasSuffix("…[cut, 300 bytes]"))
        #expect(cut.dropLast("…[cut, 300 bytes]".count).allSatisfy { $0 == "€" })
        #expect(AuditFieldLimits.cut("€€€€€€", to: 7) == "€€")
    }

    @Test(arguments: TestDatabases.backends)
    func denialsAreRecordedOutsideTransactions(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.recordAudit(testContext, outcome: .permissionDenied, entity: "person", id: "42",
                                        detail: "county office may not write another county")
            let entry = try #require(try await store.allAuditEntries().first)
            #expect(entry.outcome == "PERMISSION_DENIED")
            #expect(entry.entityID == "42")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func auditorsFilterAndPage(backend: TestBackend) async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))
        try await withTestStore(backend, configure: { $0.now = { clock.now } }) { store in
            let start = clock.now
            for n in 0..<25 {
                let context = AuditContext(principal: n % 2 == 0 ? "jcskills://training" : "jcskills://evaluation",
                                           method: n % 5 == 0 ? "test.Delete" : "test.Write", requestID: "r\(n)")
                try await store.transaction(context) { tx in
                    try await tx.audit(entity: n < 10 ? "course" : "person", id: "\(n)")
                }
                clock.advance(by: 60)
            }
            var pages: [[AuditEntry]] = []
            var query = AuditQuery(limit: 10)
            while true {
                let page = try await store.auditLog(query)
                pages.append(page.entries)
                guard let next = page.nextCursor else { break }
                query.before = next
            }
            #expect(pages.map(\.count) == [10, 10, 5])
            let all = pages.flatMap { $0 }
            #expect(all.map(\.entityID) == (0..<25).reversed().map { "\($0)" })
            #expect(try await store.auditLog(AuditQuery(principal: "jcskills://evaluation")).entries.count == 12)
            #expect(try await store.auditLog(AuditQuery(method: "test.Delete")).entries.count == 5)
            #expect(try await store.auditLog(AuditQuery(entity: "course")).entries.count == 10)
            #expect(try await store.auditLog(AuditQuery(entity: "person", entityID: "17")).entries.count == 1)
            let window = AuditQuery(since: start.addingTimeInterval(5 * 60), until: start.addingTimeInterval(8 * 60))
            #expect(try await store.auditLog(window).entries.map(\.entityID) == ["7", "6", "5"])
            let error = await storeError { _ = try await store.auditLog(AuditQuery(limit: 0)) }
            #expect(error?.kind == .invalidArgument)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func theAuditLogRefusesUpdates(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.recordAudit(testContext, outcome: .ok, entity: "note", id: "1")
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.raw("UPDATE jcs_audit_log SET outcome = 'FORGED'").run()
                }
            }
            #expect(error?.kind == .constraintViolation)
            #expect(error?.message.contains("append-only") == true)
            #expect(try await store.allAuditEntries().allSatisfy { $0.outcome != "FORGED" })
        }
    }

    @Test(arguments: TestDatabases.backends)
    func rowsWithinRetentionCannotBeDeleted(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.recordAudit(testContext, outcome: .ok, entity: "note", id: "1")
            let error = await storeError {
                try await store.transaction(testContext) { tx in
                    try await tx.raw("DELETE FROM jcs_audit_log").run()
                }
            }
            #expect(error?.kind == .constraintViolation)
            #expect(try await store.count("jcs_audit_log", where: "entity_id = '1'") == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func retentionPurgesOnlyOldRowsAndSaysSo(backend: TestBackend) async throws {
        try await withTestStore(backend, configure: { $0.auditRetentionDays = 180 }) { store in
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let day: Int64 = 86_400_000
            try await store.transaction(testContext) { tx in
                // Rows as a store running two years ago would have written them.
                for (age, id) in [(400, "ancient"), (200, "old"), (10, "recent")] {
                    try await tx.raw("""
                        INSERT INTO jcs_audit_log (at_ms, service, principal, method, request_id, entity, entity_id, outcome)
                        VALUES (\(bind: now - Int64(age) * day), 'test', 'p', 'm', 'r', 'note', \(bind: id), 'OK')
                        """).run()
                }
            }
            let report = try await store.purgeExpired()
            #expect(report.auditRows == 2)
            let remaining = try await store.allAuditEntries()
            #expect(remaining.contains { $0.entityID == "recent" })
            #expect(!remaining.contains { $0.entityID == "ancient" || $0.entityID == "old" })
            let purge = try #require(remaining.first { $0.method == "store.PurgeAuditLog" })
            #expect(purge.detail?.contains("deleted 2 rows") == true)
        }
    }
}
