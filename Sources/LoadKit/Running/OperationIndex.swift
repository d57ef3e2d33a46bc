/// Which operation each call number is, so a mixed workload's figures can be split by operation.
public struct OperationIndex: Sendable {
    /// The operations' names; empty for a single-operation run (no split).
    public let names: [String]
    let of: @Sendable (_ sequence: Int) -> Int

    public init(names: [String], of: @escaping @Sendable (_ sequence: Int) -> Int) {
        self.names = names.count > 1 ? names : []
        self.of = of
    }

    public static let single = OperationIndex(names: [], of: { _ in 0 })

    var count: Int { names.count }
}
