import Foundation
import SQLKit

/// The Swift types the store's SQLKit statements bind and decode on SQLite: integers, text,
/// bytes, booleans, doubles and their optionals. Any other type is refused by name, not
/// guessed at.
protocol StoreValueConvertible {
    var storeValue: StoreValue { get }
    init(storeValue: StoreValue, column: String) throws
}

extension StoreValue {
    /// `value` as SQLite stores it; ``StoreError/Kind/invalidArgument`` for a type the store
    /// does not bind.
    init(encodable value: any Encodable & Sendable) throws {
        guard let convertible = value as? any StoreValueConvertible else {
            throw StoreError(.invalidArgument, "the store cannot bind a \(type(of: value)) to SQLite")
        }
        self = convertible.storeValue
    }
}

extension StoreRow: SQLRow {
    public var allColumns: [String] { columns }

    public func contains(column: String) -> Bool { columns.contains(column) }

    public func decodeNil(column: String) throws -> Bool {
        if case .null = try value(column) { return true }
        return false
    }

    public func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let convertible = type as? any StoreValueConvertible.Type else {
            throw StoreError(.invalidArgument, "the store cannot decode a \(type) from SQLite (column \(column))")
        }
        return try convertible.init(storeValue: try value(column), column: column) as! D
    }
}

private func mismatch(_ value: StoreValue, _ column: String, _ expected: String) -> StoreError {
    StoreError(.invalidArgument, "column \(column) is not \(expected)")
}

extension Int64: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self) }
    init(storeValue: StoreValue, column: String) throws {
        switch storeValue {
        case .integer(let value): self = value
        case .real(let value) where value.rounded() == value: self = Int64(value)
        default: throw mismatch(storeValue, column, "an integer")
        }
    }
}

/// The narrower integers: an integer column's value when it fits, an error when it does not
/// (never a wrap-around).
protocol NarrowStoreInteger: StoreValueConvertible, FixedWidthInteger {}

extension NarrowStoreInteger {
    var storeValue: StoreValue { .integer(Int64(self)) }
    init(storeValue: StoreValue, column: String) throws {
        guard let value = Self(exactly: try Int64(storeValue: storeValue, column: column)) else {
            throw mismatch(storeValue, column, "an integer that fits \(Self.self)")
        }
        self = value
    }
}

extension Int: NarrowStoreInteger {}
extension Int32: NarrowStoreInteger {}
extension UInt32: NarrowStoreInteger {}

extension Bool: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self ? 1 : 0) }
    init(storeValue: StoreValue, column: String) throws { self = try Int64(storeValue: storeValue, column: column) != 0 }
}

extension Double: StoreValueConvertible {
    var storeValue: StoreValue { .real(self) }
    init(storeValue: StoreValue, column: String) throws {
        switch storeValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: throw mismatch(storeValue, column, "a number")
        }
    }
}

extension String: StoreValueConvertible {
    var storeValue: StoreValue { .text(self) }
    init(storeValue: StoreValue, column: String) throws {
        guard case .text(let value) = storeValue else { throw mismatch(storeValue, column, "text") }
        self = value
    }
}

extension Data: StoreValueConvertible {
    var storeValue: StoreValue { .bytes(self) }
    init(storeValue: StoreValue, column: String) throws {
        guard case .bytes(let value) = storeValue else { throw mismatch(storeValue, column, "bytes") }
        self = value
    }
}

extension Optional: StoreValueConvertible where Wrapped: StoreValueConvertible {
    var storeValue: StoreValue { map(\.storeValue) ?? .null }
    init(storeValue: StoreValue, column: String) throws {
        if case .null = storeValue {
            self = .none
        } else {
            self = .some(try Wrapped(storeValue: storeValue, column: column))
        }
    }
}
