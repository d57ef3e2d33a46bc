import SQLKit

/// One step of a service's schema history.
///
/// A service lists its migrations in order and hands them to ``Store/open(_:migrations:)``,
/// which applies the ones the database has not seen yet, records them, and never runs one
/// twice. Versions are positive and strictly increasing; never renumber, edit or remove a
/// migration that has shipped — add a new one.
///
/// ```swift
/// let migrations = [
///     Migration(1, "persons") { d in [
///         """
///         CREATE TABLE persons (
///             id \(d.autoIncrementPrimaryKey),
///             id_number_sealed \(d.bytes) NOT NULL,
///             id_number_index \(d.bytes) NOT NULL UNIQUE,
///             county TEXT NOT NULL)
///         """,
///         "CREATE INDEX persons_county ON persons (county)",
///     ] },
/// ]
/// ```
///
/// Each string must be exactly one statement: SQLite silently ignores anything after the
/// first, and PostgreSQL rejects several statements in one prepared query.
public struct Migration: Sendable {
    /// Position in the history; positive, unique, increasing.
    public var version: Int
    /// A short description, stored alongside the version for operators.
    public var name: String
    /// Applies the migration inside the migration transaction.
    public var apply: @Sendable (_ database: any SQLDatabase, _ dialect: StoreDialect) async throws -> Void

    /// A migration that runs arbitrary code, e.g. SQLKit's `create(table:)` builder or a data
    /// back-fill, inside the migration transaction.
    public init(
        _ version: Int, _ name: String,
        apply: @escaping @Sendable (_ database: any SQLDatabase, _ dialect: StoreDialect) async throws -> Void
    ) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A migration made of SQL statements, run in order; the closure gets the dialect for the
    /// few type names that differ (``StoreDialect/bytes``, ``StoreDialect/autoIncrementPrimaryKey``…).
    public init(_ version: Int, _ name: String, statements: @escaping @Sendable (StoreDialect) -> [String]) {
        self.init(version, name) { database, dialect in
            for statement in statements(dialect) {
                try await database.execute(sql: SQLRaw(statement)) { _ in }
            }
        }
    }

    /// A migration made of SQL statements that are the same on both backends.
    public init(_ version: Int, _ name: String, sql statements: String...) {
        self.init(version, name, statements: { _ in statements })
    }
}
