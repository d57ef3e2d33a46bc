/// Values with integer weights, drawn in proportion to them. Built once per table; a draw is
/// a binary search over cumulative weights.
struct WeightedTable<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Int]

    init(_ pairs: [(Value, Int)]) {
        precondition(!pairs.isEmpty && pairs.allSatisfy { $0.1 >= 0 } && pairs.contains { $0.1 > 0 }, "weights must be non-negative, some positive")
        values = pairs.map(\.0)
        var total = 0
        cumulative = pairs.map { total += $0.1; return total }
    }

    func draw(_ random: inout SplitMix64) -> Value {
        let target = random.below(cumulative.last!)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }
}
