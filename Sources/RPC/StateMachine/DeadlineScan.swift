/// A call's deadline as its connection's machine holds it: monotonic nanoseconds, nil for none.
protocol HasDeadline {
    var deadline: Int64? { get }
}

extension ServerStreamState: HasDeadline {}
extension ClientStreamState: HasDeadline {}

extension Dictionary where Key == UInt32, Value: HasDeadline {
    /// Protocol/SPEC.md §6.1, the same on both sides: the streams whose deadline has passed at
    /// `now`, and the earliest deadline left, which the driver's one timer aims at next.
    func deadlineScan(now: Int64) -> (expired: [UInt32], next: Int64?) {
        var next: Int64?
        var expired: [UInt32] = []
        for (id, stream) in self {
            guard let deadline = stream.deadline else { continue }
            if deadline <= now {
                expired.append(id)
            } else if next == nil || deadline < next! {
                next = deadline
            }
        }
        return (expired, next)
    }
}
