import JCSkillsProtocol
import Tracing

extension RPCClient {
    /// Runs one call, every attempt of it, under a client span whose context goes to the
    /// server as `traceparent` (Protocol/SPEC.md §6.4). The span's parent is the task's
    /// ``ServiceContext``: inside a handler, the server span of the call being served, so a
    /// handler's calls to other services join its trace.
    ///
    /// `call` is the same public method again with options marked as traced, which is how each
    /// method checks for a tracer in one line and pays nothing more when there is none.
    func traced<Request, Response, Result>(
        _ tracer: any Tracer, _ method: Method<Request, Response>, _ options: CallOptions,
        _ call: (CallOptions) async throws -> Result
    ) async throws -> Result {
        let span = tracer.startSpan(method.path, context: ServiceContext.current ?? .topLevel, ofKind: .client)
        RPCSpans.describe(span, path: method.path)
        if endpoints.count == 1 {
            span.attributes["server.address"] = endpoints[0].host
            span.attributes["server.port"] = endpoints[0].port
        }
        var traced = options
        traced.isTraced = true
        var entries = options.metadata.filter { !TraceMetadata.isTraceEntry($0) }
        tracer.inject(span.context, into: &entries, using: TraceMetadataInjector())
        traced.metadata = entries
        do {
            let result = try await call(traced)
            RPCSpans.end(span, kind: .client, code: .ok, error: nil)
            return result
        } catch {
            RPCSpans.end(span, kind: .client, code: RPCSpans.code(of: error), error: error)
            throw error
        }
    }
}
