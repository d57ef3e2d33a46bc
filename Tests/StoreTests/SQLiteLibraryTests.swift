import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store owns its SQLite path: the amalgamation built in `CSQLite`, the only copy of SQLite
/// in the process (docs/ARCHITECTURE.md, "Dependencies").
@Suite("SQLite: the store's own connections on its own build of SQLite")
struct SQLiteLibraryTests {
    static let context = AuditContext(principal: "test", method: "test/SQLite", requestID: "r1")

    /// Two copies of SQLite in one process must not open the same file (their POSIX locks are
    /// not shared). The store's copy is built in (`Sources/CSQLite`); a dependency that brings its
    /// own build back, or a shared libsqlite3 loaded beside it, fails this test.
    @Test func oneCopyOfSQLiteIsLinked() throws {
        let process = try #require(dlopen(nil, RTLD_NOW))
        defer { dlclose(process) }
        #expect(dlsym(process, "sqlite_nio_sqlite3_libversion") == nil, "SQLiteNIO's copy of SQLite is linked")
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        #expect(!maps.contains("libsqlite3"), "a shared libsqlite3 is loaded beside the store's own")
    }

    /// Both paths of a store — SQLKit's statements on the pool, native statements on the caller's
    /// thread — reach the same library, recent enough for `RETURNING` and upserts.
    @Test func theStoreRunsOnTheLinkedLibrary() async throws {
        try await withTestStore(.sqlite, migrations: []) { store in
            let viaSQLKit = try await store.read { db in
                try await db.raw("SELECT sqlite_version() AS v").first(decodingColumn: "v", as: String.self)
            }
            let native = try await store.query { db in try await db.nativeRows("SELECT sqlite_version() AS v") }
            #expect(viaSQLKit == SQLiteConnection.libraryVersion)
            #expect(try native.first?.string("v") == SQLiteConnection.libraryVersion)
            let parts = SQLiteConnection.libraryVersion.split(separator: ".").compactMap { Int($0) }
            #expect(parts.count >= 2 && (parts[0], parts[1]) >= (3, 35))
        }
    }

    static let migrations = [Migration(1, "values") { _ in [
        "CREATE TABLE kinds (i INTEGER, i32 INTEGER, u32 INTEGER, b INTEGER, d REAL, s TEXT, bytes BLOB, maybe TEXT)",
    ] }]

    /// SQLKit's binds and decodes on the store's SQLite: each Swift type the services use goes in
    /// and comes back; a type the store does not bind is refused by name.
    @Test func sqlKitValuesOfEveryKindRoundTrip() async throws {
        try await withTestStore(.sqlite, migrations: Self.migrations) { store in
            let blob = Data([0, 1, 255])
            try await store.transaction(Self.context) { tx in
                try await tx.raw("""
                    INSERT INTO kinds (i, i32, u32, b, d, s, bytes, maybe)
                    VALUES (\(bind: Int64.min), \(bind: Int32.max), \(bind: UInt32.max), \(bind: true), \(bind: 0.25),
                            \(bind: "漢字 'x'"), \(bind: blob), \(bind: String?.none))
                    """).run()
            }
            let row = try #require(try await store.read { db in try await db.raw("SELECT * FROM kinds").first() })
            #expect(try row.decode(column: "i", as: Int64.self) == Int64.min)
            #expect(try row.decode(column: "i32", as: Int32.self) == Int32.max)
            #expect(try row.decode(column: "u32", as: UInt32.self) == UInt32.max)
            #expect(try row.decode(column: "b", as: Bool.self))
            #expect(try row.decode(column: "d", as: Double.self) == 0.25)
            #expect(try row.decode(column: "s", as: String.self) == "漢字 'x'")
            #expect(try row.decode(column: "bytes", as: Data.self) == blob)
            #expect(try row.decode(column: "maybe", as: String?.self) == nil)
            #expect(try row.decode(column: "s", as: String?.self) == "漢字 'x'")
            #expect(try row.decodeNil(column: "maybe"))
            // A value that does not fit the type asked for is an error, not a wrap-around.
            #expect(throws: StoreError.self) { try row.decode(column: "i", as: Int32.self) }
            #expect(throws: StoreError.self) { try row.decode(column: "s", as: Int64.self) }

            let refused = await #expect(throws: StoreError.self) {
                try await store.transaction(Self.context) { tx in
                    try await tx.raw("INSERT INTO kinds (s) VALUES (\(bind: Date()))").run()
                }
            }
            #expect(refused?.kind == .invalidArgument)
            #expect(refused?.message.contains("Date") == true)
        }
    }
}
