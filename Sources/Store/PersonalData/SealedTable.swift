/// A table holding sealed values: the columns and the field each was sealed for, and the key
/// column its rows are walked by. Each service declares its own (its definition's
/// `sealedTables`), and ``Store/resealAll(_:batch:pause:progress:)`` walks them when the sealing
/// key changes.
public struct SealedTable: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// A unique, non-null column to walk the rows in order by (the primary key).
    public let key: String
    public let columns: [SealedColumn]

    public init(_ name: String, key: String, _ columns: [SealedColumn]) {
        self.name = name
        self.key = key
        self.columns = columns
    }

    public var description: String { "\(name) (\(columns.map(\.name).joined(separator: ", ")))" }
}

/// A column of sealed values and the field they were sealed for (part of what authenticates them).
public struct SealedColumn: Sendable, Hashable {
    public let name: String
    public let field: PersonalField

    public init(_ name: String, _ field: PersonalField) {
        self.name = name
        self.field = field
    }
}
