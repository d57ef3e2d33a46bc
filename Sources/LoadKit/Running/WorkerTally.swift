import Histogram

/// One caller's own record of a run, merged with the others' at the end (nothing shared while
/// measuring, so recording costs no synchronisation).
struct WorkerTally: Sendable {
    var latency = makeLatencyHistogram()
    /// Open loop only: from the actual send.
    var serviceTime: Histogram<UInt64>?
    /// Per operation when a workload has several; empty otherwise.
    var operations: [OperationTally]
    var succeeded = 0
    var failed = 0
    var errors: [String: Int] = [:]
    var lastFinish: ContinuousClock.Instant?

    init(operationCount: Int, serviceTime: Bool) {
        operations = operationCount > 1 ? Array(repeating: OperationTally(), count: operationCount) : []
        self.serviceTime = serviceTime ? makeLatencyHistogram() : nil
    }

    /// A measured call that succeeded.
    mutating func success(operation: Int, latency: UInt64, serviceTime: UInt64? = nil, finished: ContinuousClock.Instant) {
        _ = self.latency.record(latency)
        if let serviceTime { _ = self.serviceTime?.record(serviceTime) }
        if !operations.isEmpty {
            _ = operations[operation].latency.record(latency)
            operations[operation].succeeded += 1
        }
        succeeded += 1
        lastFinish = finished
    }

    /// A failed call; `finished` is nil for the warm-up, whose failures are counted by code only.
    mutating func failure(operation: Int, code: String, finished: ContinuousClock.Instant?) {
        errors[code, default: 0] += 1
        guard let finished else { return }
        if !operations.isEmpty { operations[operation].failed += 1 }
        failed += 1
        lastFinish = finished
    }

    mutating func merge(_ other: WorkerTally) {
        latency.add(other.latency)
        if let theirs = other.serviceTime { serviceTime?.add(theirs) }
        for index in operations.indices { operations[index].merge(other.operations[index]) }
        succeeded += other.succeeded
        failed += other.failed
        errors.merge(other.errors, uniquingKeysWith: +)
        if let finish = other.lastFinish, lastFinish.map({ finish > $0 }) ?? true { lastFinish = finish }
    }
}

/// One operation's share of a caller's record. Two significant digits (1 %) keep the
/// histograms small (about 32 KB each) when every caller holds one per operation.
struct OperationTally: Sendable {
    var latency = Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .two)
    var succeeded = 0
    var failed = 0

    mutating func merge(_ other: OperationTally) {
        latency.add(other.latency)
        succeeded += other.succeeded
        failed += other.failed
    }
}
