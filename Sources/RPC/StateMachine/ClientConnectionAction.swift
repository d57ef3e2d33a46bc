import JCSkillsProtocol
import NIOCore

/// What the client's connection machine asks its driver to do, besides the frames it writes
/// into the output buffer itself. Performed in order.
enum ClientConnectionAction<Call> {
    /// A single-response call ended with TRAILERS OK and its response.
    case succeed(Call, ByteBuffer)
    /// A single-response call ended with TRAILERS OK but no response: INTERNAL (Protocol/SPEC.md §5.2).
    case responseMissing(Call)
    /// The call failed; `notProcessed`: the server never saw it, so any call may be retried (§10.3).
    case fail(Call, RPCError, notProcessed: Bool)
    /// A whole streamed response; `credit` goes back to the server when the caller takes it.
    case deliver(Call, ByteBuffer, credit: Int)
    /// A fragment of a streamed response arrived; its credit goes back as §9 says.
    case fragmentArrived(Call, credit: Int)
    /// A streaming call ended with TRAILERS OK: its responses end, a waiting writer stops.
    case responsesEnded(Call)
    /// The caller's waiting `send` may go on: its message has gone out.
    case resumeWriter(Call)
    /// The server ended a call whose caller may still send: why, for that `send` to report.
    case endedByServer(UInt32, RPCError)
    /// A slot for a new stream may have come free: the calls waiting for one may start.
    case startWaitingCalls
    /// The server's GOAWAY: the connection takes no new call.
    case goAwayReceived
    /// A keepalive PING went out: its answer is awaited (§10.1).
    case pingSent
    /// The keepalive PING was answered.
    case pingAcknowledged
    /// The server broke the protocol: the connection closes (a client sends no GOAWAY, §8).
    case protocolError(FrameError)
    /// Close the connection (after writing what the output holds).
    case close
}
