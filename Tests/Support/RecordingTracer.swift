import JCSkillsRPC
import Synchronization
import Tracing

/// A tracer that keeps every span in memory and propagates by W3C `traceparent`, the way an
/// OpenTelemetry tracer does, so that tests see what crosses the wire and what each side made
/// of it. One per test: nothing process-global.
public final class RecordingTracer: Tracer, Sendable {
    /// Identifies a span: its trace, itself, and the span it is the child of (nil for a root).
    public struct SpanIdentity: Hashable, Sendable {
        public let traceID: [UInt8]
        public let spanID: [UInt8]
        public let parentID: [UInt8]?
    }

    public struct FinishedSpan: Sendable {
        public let name: String
        public let kind: SpanKind
        public let identity: SpanIdentity
        public let attributes: SpanAttributes
        public let status: SpanStatus?
        public let errors: [String]

        public var traceID: [UInt8] { identity.traceID }
        public var spanID: [UInt8] { identity.spanID }
        public var parentID: [UInt8]? { identity.parentID }
        public func string(_ key: String) -> String? {
            if case .string(let value)? = attributes.get(key) { return value }
            return nil
        }
        public func int(_ key: String) -> Int64? {
            switch attributes.get(key) {
            case .int64(let value)?: value
            case .int32(let value)?: Int64(value)
            default: nil
            }
        }
    }

    /// A span context in a ``ServiceContext``: either one of this tracer's spans or, after
    /// `extract`, the remote caller's (then `spanID` is the caller's span).
    enum ContextKey: ServiceContextKey {
        typealias Value = SpanIdentity
    }

    private struct State {
        var finished: [FinishedSpan] = []
        var open = 0
        var quietWaiters: [CheckedContinuation<Void, Never>] = []
        var extracted: [String] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Every span that has ended, in the order they ended.
    public var finishedSpans: [FinishedSpan] { state.withLock { $0.finished } }

    /// The `traceparent` values `extract` was given, as received.
    public var extractedTraceParents: [String] { state.withLock { $0.extracted } }

    /// Returns once no span is open. A call's server span ends after its answer is on the way,
    /// so a test waits here (under a time limit) after its last call before it reads the spans.
    public func waitUntilQuiet() async {
        await withCheckedContinuation { continuation in
            let quiet = state.withLock { state -> Bool in
                if state.open == 0 { return true }
                state.quietWaiters.append(continuation)
                return false
            }
            if quiet { continuation.resume() }
        }
    }

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> ServiceContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> RecordingSpan {
        var context = context()
        let parent = context[ContextKey.self]
        let identity = SpanIdentity(
            traceID: parent?.traceID ?? Self.randomID(16), spanID: Self.randomID(8), parentID: parent?.spanID)
        context[ContextKey.self] = identity
        state.withLock { $0.open += 1 }
        return RecordingSpan(name: operationName, kind: kind, identity: identity, context: context, tracer: self)
    }

    public func forceFlush() {}

    public func inject<Carrier, Inject: Injector>(_ context: ServiceContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {
        guard let identity = context[ContextKey.self],
              let parent = TraceParent(traceID: identity.traceID, parentID: identity.spanID, flags: TraceParent.sampledFlag)
        else { return }
        injector.inject(parent.description, forKey: "traceparent", into: &carrier)
    }

    public func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract)
    where Extract.Carrier == Carrier {
        guard let value = extractor.extract(key: "traceparent", from: carrier) else { return }
        state.withLock { $0.extracted.append(value) }
        guard let parent = TraceParent(value) else { return }
        context[ContextKey.self] = SpanIdentity(traceID: parent.traceID, spanID: parent.parentID, parentID: nil)
    }

    fileprivate func ended(_ span: FinishedSpan) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished.append(span)
            state.open -= 1
            guard state.open == 0 else { return [] }
            defer { state.quietWaiters = [] }
            return state.quietWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private static func randomID(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        if bytes.allSatisfy({ $0 == 0 }) { bytes[0] = 1 }
        return bytes
    }
}

/// One span of a ``RecordingTracer``; handed to the tracer when it ends.
public final class RecordingSpan: Span, Sendable {
    public let context: ServiceContext
    public let kind: SpanKind
    public let identity: RecordingTracer.SpanIdentity
    private let tracer: RecordingTracer

    private struct State {
        var name: String
        var attributes: SpanAttributes = [:]
        var status: SpanStatus?
        var errors: [String] = []
        var ended = false
    }

    private let state: Mutex<State>

    init(name: String, kind: SpanKind, identity: RecordingTracer.SpanIdentity, context: ServiceContext, tracer: RecordingTracer) {
        self.kind = kind
        self.identity = identity
        self.context = context
        self.tracer = tracer
        self.state = Mutex(State(name: name))
    }

    public var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }

    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    public var isRecording: Bool { state.withLock { !$0.ended } }

    public func setStatus(_ status: SpanStatus) {
        state.withLock { $0.status = status }
    }

    public func addEvent(_ event: SpanEvent) {}

    public func addLink(_ link: SpanLink) {}

    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        state.withLock { $0.errors.append(String(describing: error)) }
    }

    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let finished = state.withLock { state -> RecordingTracer.FinishedSpan? in
            guard !state.ended else { return nil }
            state.ended = true
            return RecordingTracer.FinishedSpan(
                name: state.name, kind: kind, identity: identity, attributes: state.attributes, status: state.status, errors: state.errors)
        }
        if let finished { tracer.ended(finished) }
    }
}

/// The tracer that ``withTestServer`` and ``withTestClient`` give the servers and clients they
/// make, for the duration of a test's `withValue`: a harness that builds a whole city of
/// services traces all of them without a parameter of its own.
public enum TestTracing {
    @TaskLocal public static var tracer: RecordingTracer?
}
