import Crypto
import JCSkillsProtocol
import PostgresNIO
import Synchronization

/// A statement's PostgreSQL text (placeholders numbered) and the name it is prepared under.
///
/// The store writes SQL with `?` placeholders, as SQLite takes them; PostgreSQL wants `$1`,
/// `$2`…. The rewrite walks the text character by character, and the statements of the hot
/// paths are few and repeat, so each rewrite is remembered.
struct PostgresStatementText: Sendable {
    let sql: String
    /// `jcs_` and 32 hex digits of the SHA-256 of ``sql``: within PostgreSQL's 63-byte limit
    /// on names (a longer name is cut, and two cut names could clash), and the same on every
    /// connection and replica.
    let name: String

    /// Remembered rewrites. Bounded: statements built with a varying number of placeholders
    /// (lists of ID numbers) could otherwise grow it without end; when full it starts over.
    private static let cache = Mutex<[String: PostgresStatementText]>([:])
    private static let cacheLimit = 4096

    static func of(_ storeSQL: String) -> PostgresStatementText {
        if let known = cache.withLock({ $0[storeSQL] }) { return known }
        let sql = numberedPlaceholders(storeSQL)
        let digest = SHA256.hash(data: Array(sql.utf8))
        let text = PostgresStatementText(sql: sql, name: "jcs_" + lowercaseHex(digest.prefix(16)))
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[storeSQL] = text
        }
        return text
    }

    /// PostgreSQL numbers its placeholders (`$1`, `$2`…); SQLite takes `?` in order. Question
    /// marks inside quoted literals or identifiers are left alone.
    static func numberedPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + sql.utf8.count / 4)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Any statement, prepared once per connection by PostgresNIO and executed by name after.
///
/// PostgresNIO keeps a connection's prepared statements itself (parsed on first use, then only
/// bound and executed, sparing the server the parse and, after a few runs, the planning: both
/// showed in profiles of look-ups), but it takes the name and text from the statement's *type*.
/// The store's statements are strings, so the type reads them from a task-local value set
/// around the call: `PostgresConnection.execute(_:logger:)` reads `name` and `sql` before its
/// first suspension, and again on its error path, both inside ``run(_:on:bindings:logger:)``'s
/// scope.
struct AnyPreparedStatement: PostgresPreparedStatement {
    @TaskLocal static var current = PostgresStatementText(sql: "", name: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }

    /// Runs `text` as a prepared statement on `connection`, calling `onRow` for each row.
    static func run(
        _ text: PostgresStatementText, on connection: PostgresConnection, bindings: PostgresBindings, logger: Logger,
        onRow: (PostgresRow) throws -> Void
    ) async throws {
        try await $current.withValue(text) {
            for try await row in try await connection.execute(AnyPreparedStatement(bindings: bindings), logger: logger) {
                try onRow(row)
            }
        }
    }
}
