import Foundation

/// A value bound to, or read from, a statement run through the store's native path
/// (``SQLKit/SQLDatabase/run(_:_:)``): the few SQL types both backends share.
///
/// The native path exists because SQLKit binds every value through `Encodable` with dynamic
/// casts, which profiling showed as a quarter of a bulk insert's time; these values go to
/// SQLite and PostgreSQL in their own representations.
public enum StoreValue: Sendable, Hashable {
    case null
    /// Any integer column (`INTEGER`, `BIGINT`; booleans as 0 / 1).
    case integer(Int64)
    case real(Double)
    case text(String)
    /// `BLOB` / `BYTEA`.
    case bytes(Data)

    public init(_ value: Int) { self = .integer(Int64(value)) }
    public init(_ value: Int32) { self = .integer(Int64(value)) }
    public init(_ value: Int64) { self = .integer(value) }
    public init(_ value: String) { self = .text(value) }
    public init(_ value: Data) { self = .bytes(value) }
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }
    public init(_ value: String?) { self = value.map(StoreValue.text) ?? .null }
}

/// One result row of the native path: column names and values, in select order.
public struct StoreRow: Sendable {
    public let columns: [String]
    public let values: [StoreValue]

    public init(columns: [String], values: [StoreValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column`; ``StoreError/Kind/invalidArgument`` when the row has no such column.
    public func value(_ column: String) throws -> StoreValue {
        guard let index = columns.firstIndex(of: column) else {
            throw StoreError(.invalidArgument, "the result has no column \(column) (it has \(columns.joined(separator: ", ")))")
        }
        return values[index]
    }

    public func int64(_ column: String) throws -> Int64 {
        switch try value(column) {
        case .integer(let value): return value
        case .real(let value) where value.rounded() == value: return Int64(value)
        default: throw mismatch(column, "an integer")
        }
    }

    public func int32(_ column: String) throws -> Int32 {
        let value = try int64(column)
        guard let narrow = Int32(exactly: value) else { throw mismatch(column, "a 32-bit integer") }
        return narrow
    }

    public func string(_ column: String) throws -> String {
        guard case .text(let value) = try value(column) else { throw mismatch(column, "text") }
        return value
    }

    public func optionalString(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let value): return value
        default: throw mismatch(column, "text or NULL")
        }
    }

    public func data(_ column: String) throws -> Data {
        guard case .bytes(let value) = try value(column) else { throw mismatch(column, "bytes") }
        return value
    }

    private func mismatch(_ column: String, _ expected: String) -> StoreError {
        StoreError(.invalidArgument, "column \(column) is not \(expected)")
    }
}
