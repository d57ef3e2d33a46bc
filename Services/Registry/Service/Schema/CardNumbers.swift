import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Where card numbers' city-wide sequence numbers come from (``PersonRepository/cardNumber(county:sequence:)``).
///
/// SQLite has one writer: a counter row (`card_sequence`) hands out contiguous numbers. On
/// PostgreSQL that row would be locked from a registration's first statement until its commit —
/// with shared commits, until the whole group commits — so every other writer (another lane,
/// another replica) waited on it, and a group waiting on it while holding what another group
/// needed could deadlock. A PostgreSQL sequence is never locked: numbers are unique and
/// increasing, with gaps where a transaction that took some did not commit.
enum CardNumbers {
    static let sequence = "card_numbers"

    /// PostgreSQL: the sequence, starting after the last number the counter row handed out;
    /// the row is dropped, so that a replica of an older release still running fails its
    /// registrations loudly instead of handing out numbers the sequence will hand out again.
    static let migration = Migration(9, "card numbers from a sequence on PostgreSQL") { db, dialect in
        guard dialect == .postgres else { return }
        for statement in [
            "CREATE SEQUENCE \(sequence) AS BIGINT MINVALUE 1",
            "SELECT setval('\(sequence)', GREATEST(next_value, 1), next_value > 0) FROM card_sequence WHERE id = 1",
            "DROP TABLE card_sequence",
        ] {
            try await db.execute(sql: SQLRaw(statement)) { _ in }
        }
    }

    /// `count` new sequence numbers, ascending.
    static func allocate(_ count: Int, in db: any SQLDatabase, dialect: StoreDialect) async throws -> [Int64] {
        switch dialect {
        case .sqlite:
            guard let end = try await db.nativeRows(
                "UPDATE card_sequence SET next_value = next_value + ? WHERE id = 1 RETURNING next_value", [StoreValue(count)]
            ).first?.int64("next_value")
            else { throw RPCError(.internal, "the card sequence is missing") }
            return Array((end - Int64(count) + 1)...end)
        case .postgres:
            let rows = try await db.nativeRows("SELECT nextval('\(sequence)') AS n FROM generate_series(1, ?)", [StoreValue(count)])
            guard rows.count == count else { throw RPCError(.internal, "the card sequence gave \(rows.count) numbers for \(count)") }
            return try rows.map { try $0.int64("n") }.sorted()
        }
    }
}
