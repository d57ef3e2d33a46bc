import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import Logging
import SQLKit
import Synchronization

/// The unique index of persons by their ID number's blind index (`persons_id_index`), and
/// whether it is there to be used.
///
/// It is normally always there. A first import into an empty SQLite registry leaves it out
/// while it loads (``FirstLoad``): the index is keyed by an HMAC, so every row lands on a
/// random page of it, and with millions of rows a commit rewrote about one page of it per row
/// (BENCHMARKS.md, notes 12 and 15). Built afterwards from the loaded rows it costs one sort.
/// Meanwhile whatever needs it — look-ups and registrations by ID number, other imports — is
/// refused with UNAVAILABLE (retried by clients), rather than scanning millions of rows or
/// registering someone twice. One instance per service, shared by every copy of its
/// ``PersonRepository``.
final class IDNumberIndex: Sendable {
    static let name = "persons_id_index"
    static let audit = AuditContext(principal: "jcskills://registry", method: "maintenance.BuildIDNumberIndex", requestID: "-")
    static let definition = "CREATE UNIQUE INDEX \(name) ON persons (id_index)"

    private let loading = Mutex(false)

    init() {}

    /// Throws UNAVAILABLE while a first load has the index left out.
    func requireBuilt() throws {
        if loading.withLock({ $0 }) { throw RPCError(.unavailable, Messages.RegistryRefusals.idNumberIndexBeingBuilt) }
    }

    var isLeftOut: Bool { loading.withLock { $0 } }

    /// Drops the index for a first load, inside the load's transaction. The flag is raised
    /// before that transaction commits, so a write that runs after it (SQLite runs them one at
    /// a time) is refused rather than inserting a person the load does not know of.
    func leaveOut(in tx: StoreTransaction) async throws {
        loading.withLock { $0 = true }
        try await tx.nativeExecute("DROP INDEX \(Self.name)")
    }

    /// Builds the index if it is missing — after a first load, or at start after a first load
    /// was killed — and lets its users back in. The build is a write transaction of its own,
    /// run in a task of its own: an import that failed is cancelled, and the store refuses a
    /// cancelled task's statements.
    func build(in store: Store, logger: Logger) async throws {
        try await Task {
            // Looked at first by a read: a start that finds it writes nothing, not even an audit row.
            guard try await !store.read({ db in try await Self.exists(in: db, dialect: store.dialect) }) else { return }
            let built = try await store.transaction(
                Self.audit,
                grouping: .alone
            ) { tx -> Int64? in
                guard try await !Self.exists(in: tx, dialect: store.dialect) else { return nil }
                let persons = try await tx.nativeRows("SELECT count(*) AS n FROM persons").first?.int64("n") ?? 0
                logger.info("building the ID-number index", metadata: ["persons": "\(persons)"])
                try await tx.nativeExecute(Self.definition)
                try await tx.audit(entity: "index", id: Self.name, detail: "built over \(persons) persons")
                return persons
            }
            if let built { logger.info("the ID-number index is built", metadata: ["persons": "\(built)"]) }
        }.value
        loading.withLock { $0 = false }
    }

    static func exists(in db: any SQLDatabase, dialect: StoreDialect) async throws -> Bool {
        let sql = switch dialect {
        case .sqlite: "SELECT 1 AS found FROM sqlite_master WHERE type = 'index' AND name = ?"
        case .postgres: "SELECT 1 AS found FROM pg_indexes WHERE tablename = 'persons' AND indexname = ?"
        }
        return try await !db.nativeRows(sql, [.text(name)]).isEmpty
    }

    /// The index under its own name, so that it can be dropped: it was a `UNIQUE` in the
    /// table's definition, which SQLite cannot drop without making the table again. On SQLite
    /// the table is copied into the new shape (a few seconds at city scale); on PostgreSQL the
    /// constraint's index gives way to the named one.
    static let migration = Migration(10, "the ID-number index under its own name") { db, dialect in
        let statements: [String] = switch dialect {
        case .sqlite: [
            """
            CREATE TABLE persons_reshaped (
                id \(dialect.autoIncrementPrimaryKey),
                card_number TEXT NOT NULL UNIQUE,
                id_index \(dialect.bytes) NOT NULL,
                id_sealed \(dialect.bytes) NOT NULL,
                name_sealed \(dialect.bytes) NOT NULL,
                phone_sealed \(dialect.bytes) NOT NULL,
                residence_county INTEGER NOT NULL,
                status INTEGER NOT NULL,
                details \(dialect.bytes) NOT NULL,
                version BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            """
            INSERT INTO persons_reshaped (id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county,
                status, details, version, updated_ms)
            SELECT id, card_number, id_index, id_sealed, name_sealed, phone_sealed, residence_county, status, details, version,
                updated_ms
            FROM persons ORDER BY id
            """,
            // AUTOINCREMENT's high-water mark, which may be above the highest id left.
            "UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'persons') WHERE name = 'persons_reshaped'",
            "DROP TABLE persons",
            "ALTER TABLE persons_reshaped RENAME TO persons",
            "CREATE INDEX persons_county ON persons (residence_county, id)",
            definition,
        ]
        case .postgres: [
            definition,
            "ALTER TABLE persons DROP CONSTRAINT persons_id_index_key",
        ]
        }
        for statement in statements {
            try await db.nativeExecute(statement)
        }
    }
}
