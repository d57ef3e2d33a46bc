import Foundation
import JCSkillsStore
import JCSkillsTestSupport
import Testing

@Suite("One-statement reads")
struct StatementQueryTests {
    static let migrations = [Migration(1, "items", sql: "CREATE TABLE items (name TEXT NOT NULL)")]

    @Test(arguments: TestDatabases.backends)
    func seesCommittedRowsAndLeavesNoTransactionOpen(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            let context = AuditContext(principal: "test", method: "test/Insert", requestID: "r1")
            for round in 1...3 {
                try await store.transaction(context) { tx in
                    try await tx.raw("INSERT INTO items (name) VALUES (\(bind: "item \(round)"))").run()
                }
                // Many of them, concurrently: pooled connections must come back clean each time.
                let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            try await store.query { db in
                                try await db.raw("SELECT COUNT(*) AS n FROM items").first(decodingColumn: "n", as: Int.self) ?? -1
                            }
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(counts == Array(repeating: round, count: 16))
                let viaRead = try await store.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM items").first(decodingColumn: "n", as: Int.self)
                }
                #expect(viaRead == round)
            }
        }
    }
}
