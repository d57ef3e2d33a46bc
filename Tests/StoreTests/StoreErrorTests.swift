import Foundation
import JCSkillsProtocol
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

@Suite(.timeLimit(.minutes(2)))
struct StoreErrorTests {
    @Test
    func anUnreachableServerIsUnavailableAtOnce() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let url = "postgres://jcskills:s3cret@127.0.0.1:1/registry?sslmode=disable"
        let started = ContinuousClock.now
        let error = await storeError {
            try await withOpenStore(quiet(testConfiguration("registry", .postgres(url: url))), migrations: []) { _ in }
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.statusCode == .unavailable)
        #expect(error?.rpcError.code == .unavailable)
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect(error?.message.contains("s3cret") == false)
        #expect(ContinuousClock.now - started < .seconds(8))
    }

    @Test
    func aBadURLIsAConfigurationError() async throws {
        let error = await storeError {
            try await withOpenStore(testConfiguration("registry", .postgres(url: "postgres://no-user-here")),
                                    migrations: []) { _ in }
        }
        #expect(error?.kind == .invalidConfiguration)
    }

    @Test
    func aMissingDatabaseIsUnavailable() async throws {
        guard let server = TestDatabases.postgresServerURL else { return }
        var components = try #require(URLComponents(string: server))
        components.path = "/jcs_no_such_database"
        let error = await storeError {
            try await withOpenStore(quiet(testConfiguration("registry", .postgres(url: components.string!))),
                                    migrations: []) { _ in }
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.message.contains("does not exist") == true)
    }

    @Test
    func anUnopenableSQLiteFileIsUnavailable() async throws {
        let error = await storeError {
            try await withOpenStore(testConfiguration("registry", .sqlite(path: "/proc/jcskills/registry.sqlite")),
                                    migrations: []) { _ in }
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.message.contains("/proc/jcskills") == true)
    }

    /// Opened through a read-only SQLite URI (root ignores file modes, so chmod cannot test this).
    @Test
    func aReadOnlySQLiteDatabaseIsRefusedAtStartUp() async throws {
        try await withTestDatabase(.sqlite) { location in
            guard case .sqlite(let path) = location else { return }
            try await withOpenStore(testConfiguration("registry", location), migrations: [notesMigration]) { _ in }
            let error = await storeError {
                try await withOpenStore(testConfiguration("registry", .sqlite(path: "file:\(path)?mode=ro")),
                                        migrations: [notesMigration]) { _ in }
            }
            #expect(error?.statusCode == .unavailable)
            #expect(error?.kind == .readOnly || error?.kind == .unavailable)
        }
    }

    @Test
    func aReadOnlyPostgreSQLDatabaseIsRefusedAtStartUp() async throws {
        guard let server = TestDatabases.postgresServerURL else { return }
        try await withTestDatabase(.postgres(serverURL: server)) { location in
            guard case .postgres(let url) = location else { return }
            let name = try #require(URLComponents(string: url)?.path.dropFirst())
            try await withOpenStore(testConfiguration("registry", location), migrations: [notesMigration]) { store in
                try await store.transaction(testContext) { tx in
                    try await tx.raw("ALTER DATABASE \(ident: String(name)) SET default_transaction_read_only = on").run()
                }
            }
            let error = await storeError {
                try await withOpenStore(testConfiguration("registry", location), migrations: [notesMigration]) { _ in }
            }
            #expect(error?.kind == .readOnly)
            #expect(error?.statusCode == .unavailable)
        }
    }

    @Test
    func everyKindHasAStatus() {
        let expected: [StoreError.Kind: StatusCode] = [
            .unavailable: .unavailable, .readOnly: .unavailable, .storageFull: .resourceExhausted,
            .schemaTooNew: .failedPrecondition, .idempotencyConflict: .failedPrecondition,
            .alreadyExists: .alreadyExists, .conflict: .aborted, .corrupted: .dataLoss, .queryFailed: .internal,
        ]
        for (kind, code) in expected {
            #expect(StoreError(kind, "x").statusCode == code)
        }
        // Bugs do not leak SQL to a peer.
        #expect(StoreError(.queryFailed, "near \"SELEC\": syntax error").rpcError.message == "internal storage error")
        #expect(StoreError(.storageFull, "disk full").rpcError.message == "disk full")
        // Thrown from a handler, the RPC runtime answers with that status, not INTERNAL.
        let thrown: any Error = StoreError(.unavailable, "connecting to PostgreSQL: connection refused")
        #expect((thrown as? any RPCErrorConvertible)?.rpcError.code == .unavailable)
    }
}

@Suite
struct StoreLocationTests {
    @Test
    func locationsAreReadFromConfigurationText() throws {
        #expect(try StoreLocation.parse(nil, dataDirectory: "/var/lib/jcs", service: "registry")
            == .sqlite(path: "/var/lib/jcs/registry.sqlite"))
        #expect(try StoreLocation.parse("db/x.sqlite", dataDirectory: "/data", service: "r") == .sqlite(path: "/data/db/x.sqlite"))
        #expect(try StoreLocation.parse("sqlite:///srv/x.db", dataDirectory: "/data", service: "r") == .sqlite(path: "/srv/x.db"))
        #expect(try StoreLocation.parse("postgresql://u:p@db:5432/training", dataDirectory: "/d", service: "t")
            == .postgres(url: "postgresql://u:p@db:5432/training"))
        #expect(throws: StoreError.self) { try StoreLocation.parse("mysql://x/y", dataDirectory: "/d", service: "t") }
    }

    @Test
    func passwordsNeverReachLogs() {
        let location = StoreLocation.postgres(url: "postgres://registry:top-secret@db.example:5432/registry")
        #expect(location.description == "postgres://registry:***@db.example:5432/registry")
    }

    /// A sealed value that cannot be opened reaches the caller as DATA_LOSS and key-file
    /// trouble as FAILED_PRECONDITION; a handler that let either go once answered INTERNAL.
    @Test
    func personalDataErrorsKeepTheirStatusOverTheWire() {
        let lost: any Error = PersonalDataError(.sealedValueInvalid, "the name of card 140524000001 does not open")
        #expect((lost as? any RPCErrorConvertible)?.rpcError.code == .dataLoss)
        let keys: any Error = PersonalDataError(.keyFileMissing, "no key file at /data/keys")
        #expect((keys as? any RPCErrorConvertible)?.rpcError.code == .failedPrecondition)
    }
}

/// The pool logs each failed connection attempt as an error; these tests expect them.
private func quiet(_ configuration: StoreConfiguration) -> StoreConfiguration {
    var configuration = configuration
    configuration.logger.logLevel = .critical
    return configuration

}
