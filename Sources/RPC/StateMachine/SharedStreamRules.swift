import NIOCore

/// What a call's stream state is to its connection's machine on either side: the rules a stream
/// follows the same way as client and server live here once, over either side's streams.
/// What differs by role (opening, budgets, refusals, GOAWAY's consequences) stays in
/// ``ServerConnectionStateMachine`` and ``ClientConnectionStateMachine`` (docs/ARCHITECTURE.md,
/// "The RPC core").
protocol StreamRulesShared: HasDeadline {
    /// What comes in, under this side's window (Protocol/SPEC.md §9).
    var receive: MessageAssembler { get set }
    /// What goes out, under the peer's window.
    var send: StreamSendQueue { get set }
    /// The writer (the caller's or the handler's `send`) waits for credit.
    var writerWaiting: Bool { get set }
}

extension ServerStreamState: StreamRulesShared {}
extension ClientStreamState: StreamRulesShared {}

/// A call's deadline as its connection's machine holds it: monotonic nanoseconds, nil for none.
protocol HasDeadline {
    var deadline: Int64? { get }
}

extension Dictionary where Key == UInt32, Value: HasDeadline {
    /// Protocol/SPEC.md §6.1: the streams whose deadline has passed at `now`, and the earliest
    /// deadline left, which the driver's one timer aims at next.
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

extension Dictionary where Key == UInt32, Value: StreamRulesShared {
    /// §3.2.8: a WINDOW_UPDATE's credit, added to the stream's send window; the stream's index
    /// for the caller to drain, nil when the stream is not open (the credit is ignored).
    mutating func creditReceived(_ credit: UInt32, stream id: UInt32) -> Index? {
        guard let index = index(forKey: id) else { return nil }
        values[index].send.grant(Int(credit))
        return index
    }

    /// §9: returns `credit` bytes of window to the peer on `stream`, if it is still open.
    mutating func grantCredit(stream id: UInt32, _ credit: Int, frames: inout ByteBuffer) {
        guard credit > 0, let index = index(forKey: id) else { return }
        values[index].receive.granted(credit)
        frames.writeWindowUpdate(stream: id, credit: credit)
    }

    /// Writes what the stream's send window allows. `done`: nothing waits any more; `wakeWriter`:
    /// a writer waited and may go on now (the caller turns it into its side's action).
    mutating func drainSend(at index: Index, into frames: inout ByteBuffer, maximumFrameSize: Int) -> (done: Bool, wakeWriter: Bool) {
        let id = keys[index]
        let done = values[index].send.drain(into: &frames, stream: id, maximumFrameSize: maximumFrameSize)
        guard done, values[index].writerWaiting else { return (done, false) }
        values[index].writerWaiting = false
        return (true, true)
    }
}
