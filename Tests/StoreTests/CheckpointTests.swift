import Foundation
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

/// SQLite's log is copied into the database file by the store's checkpoint thread, while the
/// store is open and without the writer's automatic checkpoint (which now waits for 128 MiB).
@Suite(.timeLimit(.minutes(1)))
struct CheckpointTests {
    @Test func committedPagesReachTheDatabaseFileWhileTheStoreIsOpen() async throws {
        try await withTestDatabase(.sqlite) { location in
            guard case .sqlite(let path) = location else { return }
            var configuration = StoreConfiguration(service: "test", location: location)
            configuration.maintenanceInterval = nil
            configuration.logger.logLevel = .warning
            try await withOpenStore(configuration, migrations: [notesMigration]) { store in
                // Let the migrations' checkpoint pass, then measure from there.
                try await Task.sleep(for: .seconds(1))
                let before = try fileSize(path)
                let body = String(repeating: "x", count: 2_000)
                for batch in 0..<20 {
                    try await store.transaction(testContext) { tx in
                        for row in 0..<100 {
                            try await tx.insert(into: "notes").columns("title", "body")
                                .values(SQLBind("note \(batch)-\(row)"), SQLBind(body)).run()
                        }
                    }
                }
                // 2,000 rows of 2 KB: about 4 MB of pages, far under the writer's 128 MiB threshold.
                let deadline = ContinuousClock.now + .seconds(10)
                while try fileSize(path) < before + 3_000_000, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(try fileSize(path) >= before + 3_000_000)
                #expect(try await store.count("notes") == 2_000)
            }
        }
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
