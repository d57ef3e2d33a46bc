import NIOCore
import PostgresNIO

/// What a column of ``SQLKit/SQLDatabase/nativeInsert(into:columns:types:values:suffix:)`` holds: on
/// PostgreSQL each column is bound as one array of this type.
public enum StoreColumnType: Sendable {
    case integer, real, text, bytes

    /// The type of `value`'s column; nil for NULL, which fits any.
    init?(of value: StoreValue) {
        switch value {
        case .null: return nil
        case .integer: self = .integer
        case .real: self = .real
        case .text: self = .text
        case .bytes: self = .bytes
        }
    }

    /// The kind of each of `columns` columns of the row-major `values`, when every column holds
    /// values of one kind (NULLs aside) and at least one value that is not NULL; else nil.
    static func kinds(of values: [StoreValue], columns: Int) -> [StoreColumnType]? {
        var kinds = [StoreColumnType?](repeating: nil, count: columns)
        for (index, value) in values.enumerated() {
            guard let kind = StoreColumnType(of: value) else { continue }
            let column = index % columns
            if let known = kinds[column] {
                if known != kind { return nil }
            } else {
                kinds[column] = kind
            }
        }
        let found = kinds.compactMap { $0 }
        return found.count == columns ? found : nil
    }

    /// Whether a column of this type can hold `value` (NULL always).
    func admits(_ value: StoreValue) -> Bool {
        switch (self, value) {
        case (_, .null), (.integer, .integer), (.real, .real), (.text, .text), (.bytes, .bytes): true
        default: false
        }
    }

    func refusal(of value: StoreValue, in column: String) -> StoreError {
        StoreError(.invalidArgument, "column \(column) holds \(self) values, not \(value)")
    }

    /// The SQL type of the values bound, for the cast that tells PostgreSQL what a placeholder
    /// holds (`[]` after it: the type of a column bound as one array).
    var postgresName: String {
        switch self {
        case .integer: "bigint"
        case .real: "double precision"
        case .text: "text"
        case .bytes: "bytea"
        }
    }
}

/// One column of a multi-row insert bound as a single PostgreSQL array, NULLs kept (PostgresNIO
/// encodes arrays of non-optional elements only). The binary array format: dimensions, a
/// has-NULLs flag, the element type, the length and lower bound, then each element as its
/// length (-1 for NULL) and bytes.
struct PostgresColumnArray: PostgresThrowingDynamicTypeEncodable {
    let type: StoreColumnType
    let values: [StoreValue]
    let column: String

    var psqlType: PostgresDataType {
        switch type {
        case .integer: .int8Array
        case .real: .float8Array
        case .text: .textArray
        case .bytes: .byteaArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    private var elementType: PostgresDataType {
        switch type {
        case .integer: .int8
        case .real: .float8
        case .text: .text
        case .bytes: .bytea
        }
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        buffer.writeInteger(values.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(values.contains(.null) ? 1 : 0, as: Int32.self)
        buffer.writeInteger(elementType.rawValue)
        guard !values.isEmpty else { return }
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(1, as: Int32.self)
        for value in values {
            switch (type, value) {
            case (_, .null):
                buffer.writeInteger(-1, as: Int32.self)
            case (.integer, .integer(let number)):
                buffer.writeInteger(8, as: Int32.self)
                buffer.writeInteger(number)
            case (.real, .real(let number)):
                buffer.writeInteger(8, as: Int32.self)
                buffer.writeInteger(number.bitPattern)
            case (.text, .text(let text)):
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            case (.bytes, .bytes(let bytes)):
                buffer.writeInteger(Int32(bytes.count))
                buffer.writeBytes(bytes)
            default:
                throw type.refusal(of: value, in: column)
            }
        }
    }
}
