import JCSkillsProtocol
import NIOCore

/// What the server's connection machine asks its driver to do, besides the frames it writes
/// into the output buffer itself. Performed in order.
enum ServerConnectionAction<Call> {
    /// Run the method's handler; `request` is the one request of a unary or server-streaming call.
    case startHandler(Call, request: ByteBuffer?)
    /// A whole request for a streaming handler; `credit` goes back to the peer when it is taken.
    case deliver(Call, ByteBuffer, credit: Int)
    /// A fragment of a streamed request arrived; its credit goes back as Protocol/SPEC.md §9 says.
    case fragmentArrived(Call, credit: Int)
    /// The client half-closed a streaming call: the handler's requests end cleanly.
    case requestsEnded(Call)
    /// Stop the handler: its reads and a waiting write fail with this status, its task is cancelled.
    case abandon(Call, StatusCode, String)
    /// The handler's waiting `send` may go on: its message has gone out.
    case resumeWriter(Call)
    /// The call is over with this status, after this long.
    case callFinished(Call, StatusCode, nanoseconds: Int64)
    /// The server stopped waiting for a call (request or call idle timeout): worth a log line.
    case expired(Call, String)
    /// The client's SETTINGS arrived: the handshake is complete.
    case settingsReceived
    /// The peer broke the protocol; a GOAWAY was written if one could be. `.close` follows.
    case protocolError(FrameError)
    /// Write out what the output holds now rather than at the end of the pass.
    case flush
    /// Close the connection (after writing what the output holds).
    case close
}
