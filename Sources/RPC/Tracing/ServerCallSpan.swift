import JCSkillsProtocol
import NIOCore
import Synchronization
import Tracing

/// The server span of one call and the status the call ended with, for a server with a
/// tracer (``ServerConfiguration/tracer``).
///
/// The handler's outcome is not returned to whoever started it (the router's closures end the
/// call themselves), so ``ServerCall/finish(error:)`` tells this object; a call it is not told
/// of ended OK.
final class ServerCallSpan: Sendable {
    let span: any Span
    private let failure = Mutex<(code: StatusCode, error: any Error)?>(nil)

    private init(span: any Span) {
        self.span = span
    }

    /// Runs a handler under a server span, the child of the caller's span when the call's
    /// metadata carries a valid `traceparent`, with ``ServiceContext/current`` set to it so
    /// that the calls the handler makes carry the same trace.
    static func serve(_ call: ServerCall, _ request: ByteBuffer?, _ method: RegisteredMethod, _ tracer: any Tracer) async {
        var parent = ServiceContext.topLevel
        tracer.extract(call.context.metadata, into: &parent, using: TraceMetadataExtractor())
        let span = tracer.startSpan(method.path, context: parent, ofKind: .server)
        RPCSpans.describe(span, path: method.path, principal: call.context.principal.identity, requestID: call.context.requestID)
        let outcome = ServerCallSpan(span: span)
        let traced = call.traced(by: outcome)
        await ServiceContext.withValue(span.context) {
            await method.invoke(traced, request)
        }
        outcome.end(deadline: call.context.deadline)
    }

    func failed(_ code: StatusCode, _ error: any Error) {
        failure.withLock { $0 = (code, error) }
    }

    /// A handler cancelled because its deadline passed shows as CANCELLED to itself; the
    /// caller got DEADLINE_EXCEEDED (Protocol/SPEC.md §6.1), and so does the span.
    private func end(deadline: NIODeadline?) {
        let failure = failure.withLock { $0 }
        var code = failure?.code ?? .ok
        if (code == .ok || code == .cancelled), let deadline, deadline <= .now() {
            code = .deadlineExceeded
        }
        RPCSpans.end(span, kind: .server, code: code, error: failure?.error ?? (code == .ok ? nil : RPCError(code, "")))
    }
}
