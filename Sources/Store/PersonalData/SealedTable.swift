/// A table holding sealed values: the columns and the field each was sealed for, and the key
/// columns its rows are walked by. Each service declares its own (its definition's
/// `sealedTables`), the store adds its own (``idempotencyAnswers``), and
/// ``Store/resealAll(_:batch:pause:progress:)`` walks them when the sealing key changes.
public struct SealedTable: Sendable, Hashable, Codable, CustomStringConvertible {
    public let name: String
    /// Unique, non-null columns to walk the rows in order by (the primary key).
    public let key: [String]
    public let columns: [SealedColumn]
    /// A column the rows must hold the store's service name in, for tables the services share.
    public let serviceColumn: String?
    /// A fixed SQL condition the rows holding sealed values meet (the others are skipped).
    public let condition: String?

    public init(_ name: String, key: String, _ columns: [SealedColumn]) {
        self.init(name, key: [key], columns, serviceColumn: nil, condition: nil)
    }

    init(_ name: String, key: [String], _ columns: [SealedColumn], serviceColumn: String?, condition: String?) {
        precondition(!key.isEmpty && !columns.isEmpty)
        self.name = name
        self.key = key
        self.columns = columns
        self.serviceColumn = serviceColumn
        self.condition = condition
    }

    /// The store's stored answers to idempotent writes (Sources/Store/Idempotency/Store+Idempotency.swift),
    /// sealed when the store has keys.
    static let idempotencyAnswers = SealedTable(
        "jcs_idempotency", key: ["service", "principal", "idem_key"], [SealedColumn("response", .storedResponse)],
        serviceColumn: "service", condition: "response_sealed = TRUE AND response IS NOT NULL")

    public var description: String { "\(name) (\(columns.map(\.name).joined(separator: ", ")))" }
}

/// A column of sealed values and the field they were sealed for (part of what authenticates them).
public struct SealedColumn: Sendable, Hashable, Codable {
    public let name: String
    public let field: PersonalField

    public init(_ name: String, _ field: PersonalField) {
        self.name = name
        self.field = field
    }

    private enum CodingKeys: String, CodingKey { case name, field }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .name), .named(try container.decode(String.self, forKey: .field)))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(field.name, forKey: .field)
    }
}
