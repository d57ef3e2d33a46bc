/// Chooses the operation for each call so that every window of `sum(weights)` consecutive calls
/// holds each operation exactly `weight` times, interleaved rather than in runs: a mix stays
/// a mix even in a short run, and runs are repeatable (no random numbers).
public struct OperationPicker: Sendable {
    public let operations: [LoadOperation]
    private let slots: [Int]

    public init(_ operations: [LoadOperation]) {
        let active = operations.filter { $0.weight > 0 }
        precondition(!active.isEmpty, "a workload needs an operation with a positive weight")
        self.operations = active
        // Smooth weighted round robin (as nginx balances upstreams): each step, every
        // operation gains its weight and the richest is picked and pays the total.
        let total = active.reduce(0) { $0 + $1.weight }
        var credit = Array(repeating: 0, count: active.count)
        var slots: [Int] = []
        slots.reserveCapacity(total)
        for _ in 0..<total {
            for index in active.indices { credit[index] += active[index].weight }
            let pick = credit.indices.max { credit[$0] < credit[$1] }!
            credit[pick] -= total
            slots.append(pick)
        }
        self.slots = slots
    }

    /// The operation for call number `sequence`.
    public func operation(for sequence: Int) -> LoadOperation {
        operations[index(for: sequence)]
    }

    /// Its position in ``operations``.
    public func index(for sequence: Int) -> Int {
        slots[sequence % slots.count]
    }

    /// For the runner, to split the figures by operation.
    public var operationIndex: OperationIndex {
        let picker = self
        return OperationIndex(names: operations.map(\.name)) { picker.index(for: $0) }
    }
}
