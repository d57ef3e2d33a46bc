import Foundation
@testable import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// A store on PostgreSQL over the server's Unix socket (`postgres+uds://…`, StoreLocation.swift):
/// for a server on the same machine, cheaper than TCP on loopback (BENCHMARKS.md note 20).
@Suite("PostgreSQL over its Unix socket")
struct UnixSocketTests {
    static let context = AuditContext(principal: "test", method: "test/Socket", requestID: "r1")
    static var postgres: [TestBackend] { TestDatabases.backends.filter { $0 != .sqlite } }
    static let migrations = [Migration(1, "notes") { d in ["CREATE TABLE notes (id \(d.autoIncrementPrimaryKey), text TEXT NOT NULL)"] }]

    @Test func aSocketURLIsAPostgreSQLLocationAndLibpqGetsItsDirectoryAndPort() throws {
        let url = "postgres+uds://registry:s3cret@localhost/run/postgresql/.s.PGSQL.5433?sslmode=disable#jcskills_registry"
        #expect(try StoreLocation.parse(url, dataDirectory: "/d", service: "registry") == .postgres(url: url))
        #expect(StoreLocation.postgres(url: url).description.contains("s3cret") == false)
        let connection = try PostgresDump.libpqConnection(url)
        #expect(connection.url == "postgresql://registry@/jcskills_registry?host=/run/postgresql&port=5433&sslmode=disable")
        #expect(connection.password == "s3cret")
        #expect(throws: StoreError.self) { try PostgresDump.libpqConnection("postgres+uds://u@localhost/run/postgresql/socket#db") }
    }

    /// The same database through its socket: what one connection writes the other reads, the
    /// server sees no network peer (`inet_server_addr()` is NULL on a Unix socket), and
    /// `pg_dump` reaches it too.
    @Test(arguments: postgres)
    func aStoreWorksOverTheSocketAndPgDumpReachesIt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            try await withOpenStore(testConfiguration("test", location), migrations: Self.migrations) { overTCP in
                let server = try await overTCP.query { db in
                    try await db.nativeRows("""
                        SELECT split_part(current_setting('unix_socket_directories'), ',', 1) AS directory,
                               current_setting('port') AS port, current_database() AS database
                        """).first!
                }
                let socket = "\(try server.string("directory"))/.s.PGSQL.\(try server.string("port"))"
                let url = "postgres+uds://postgres@localhost\(socket)#\(try server.string("database"))"
                let overSocket = try StoreLocation.parse(url, dataDirectory: "/unused", service: "test")
                try await withOpenStore(testConfiguration("test", overSocket), migrations: Self.migrations) { store in
                    _ = try await store.transaction(Self.context) { tx in
                        try await tx.nativeInsert(into: "notes", columns: ["text"], values: [.text("over the socket")])
                    }
                    let peer = try await store.query { db in
                        try await db.nativeRows("SELECT CAST(inet_server_addr() IS NULL AS INTEGER) AS local").first!.int64("local") == 1
                    }
                    #expect(peer, "the store's connection is not on the Unix socket")
                }
                let read = try await overTCP.query { db in try await db.nativeRows("SELECT text FROM notes").map { try $0.string("text") } }
                #expect(read == ["over the socket"])
                let tcpPeer = try await overTCP.query { db in try await db.nativeRows("SELECT CAST(inet_server_addr() IS NULL AS INTEGER) AS local").first!.int64("local") == 1 }
                #expect(!tcpPeer)

                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uds-dump-\(UUID().uuidString)").path
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let file = directory + "/dump"
                try PostgresDump.dump(url, to: file)
                #expect(try PostgresDump.tables(in: file).contains("public.notes"))
                #expect(try PostgresDump.occupancy(url).tables >= 1)
            }
        }
    }
}
