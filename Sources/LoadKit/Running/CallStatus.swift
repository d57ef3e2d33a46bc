import JCSkillsProtocol

/// The name a failed call is counted under: the status code for RPC failures (`UNAVAILABLE`,
/// `DEADLINE_EXCEEDED`, …), `CLIENT_ERROR` for anything thrown before a call could be made.
public func statusName(of error: any Error) -> String {
    if let error = error as? RPCError { return error.code.name }
    if error is CancellationError { return StatusCode.cancelled.name }
    return "CLIENT_ERROR"
}

/// Nanoseconds in a duration, for histograms.
@inlinable
func nanoseconds(_ duration: Duration) -> UInt64 {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0 else { return 0 }
    return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
}
