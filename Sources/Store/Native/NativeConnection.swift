import Foundation
import Logging
import NIOCore
import PostgresKit

/// The connection under a transaction's `SQLDatabase`, for statements that bind
/// ``StoreValue``s in the driver's own types instead of through SQLKit's encoders.
enum NativeConnection: Sendable {
    /// SQLite on the store's thread pool: the statements of a read transaction.
    case sqlite(SQLiteDatabase)
    /// SQLite without a thread hand-off: a one-statement read, or the writer's transactions.
    case sqliteDirect(SQLiteConnection)
    case postgres(PostgresConnection, Logger)

    /// Runs `sql` (placeholders written `?`) with `values` bound in order; returns every row.
    func run(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        switch self {
        case .sqlite(let database):
            return try await database.run(sql, values)
        case .sqliteDirect(let connection):
            return try connection.run(sql, values)
        case .postgres(let connection, let logger):
            var bindings = PostgresBindings(capacity: values.count)
            for value in values { value.bind(into: &bindings) }
            let query = PostgresQuery(unsafeSQL: Self.numberedPlaceholders(sql), binds: bindings)
            var rows: [StoreRow] = []
            var columns: [String]?
            for try await row in try await connection.query(query, logger: logger) {
                var values: [StoreValue] = []
                values.reserveCapacity(row.count)
                var names: [String] = []
                for cell in row {
                    values.append(try StoreValue(cell))
                    if columns == nil { names.append(cell.columnName) }
                }
                if columns == nil { columns = names }
                rows.append(StoreRow(columns: columns!, values: values))
            }
            return rows
        }
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

extension StoreValue {
    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .integer(let value): bindings.append(value)
        case .real(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        case .bytes(let value): bindings.append(ByteBuffer(bytes: value))
        }
    }

    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: self = .real(try cell.decode(Double.self))
        case .bytea: self = .bytes(Data(try cell.decode(ByteBuffer.self).readableBytesView))
        // SUM over BIGINT is NUMERIC: whole numbers come back as integers, as on SQLite.
        case .numeric:
            let text = "\(try cell.decode(Decimal.self))"
            self = Int64(text).map(StoreValue.integer) ?? Double(text).map(StoreValue.real) ?? .text(text)
        default: self = .text(try cell.decode(String.self))
        }
    }
}
