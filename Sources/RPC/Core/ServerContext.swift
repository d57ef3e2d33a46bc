import JCSkillsProtocol
import Logging
import NIOCore

/// What a handler knows about the call it serves.
///
/// A view of the call's own object (``CallFacts``; on a server, the ``ServerCall`` itself): a
/// context is copied into the call, the handler and each task-local scope, and a struct of a
/// dozen references cost a dozen retains and releases at every copy, a separate object an
/// allocation a call (BENCHMARKS.md, "CPU per call").
public struct ServerContext: Sendable {
    let facts: CallFacts

    /// The caller, from its certificate.
    public var principal: Principal { facts.caller.principal }
    /// `"<service>/<method>"`.
    public var method: String { facts.method }
    /// When the caller stops waiting; nil if it set no deadline. The runtime cancels the
    /// handler's task at this instant.
    public var deadline: NIODeadline? { facts.deadline }
    /// The call's metadata as sent.
    public var metadata: [MetadataEntry] { facts.metadata }
    /// The caller's request id (metadata `request-id`), or one the server made up.
    public var requestID: String { facts.requestID }
    /// The peer's address, for logs.
    public var peer: String { facts.caller.address }
    var baseLogger: Logger { facts.caller.logger }

    /// A logger that tags every line with the request id, method and caller.
    public var logger: Logger {
        var logger = baseLogger
        logger[metadataKey: "request-id"] = "\(requestID)"
        logger[metadataKey: "method"] = "\(method)"
        logger[metadataKey: "principal"] = "\(principal.identity)"
        return logger
    }

    /// The first value of a metadata key.
    public subscript(metadata key: String) -> String? {
        facts.metadataValue(key)
    }

    /// The call's idempotency key, if it carries one.
    public var idempotencyKey: String? { self[metadata: MetadataKey.idempotencyKey] }

    /// The language the caller reads (metadata `accept-language`, Protocol/SPEC.md §6.3), as sent;
    /// nil when it named none.
    public var acceptLanguage: String? { self[metadata: MetadataKey.acceptLanguage] }

    /// ``acceptLanguage`` of the call the current task serves; nil outside a handler. For the
    /// refusals a service builds deep in its rules, where no context is at hand.
    public static var servedCallLanguage: String? { CallScope.current?.acceptLanguage }

    /// Time left before the deadline (negative once passed); nil without a deadline. A
    /// `Duration`, as ``CallOptions/timeout`` takes, for handlers that pass part of their time
    /// on (a fan-out, a call made under a shorter limit).
    public var timeRemaining: Duration? { deadline.map { .nanoseconds(($0 - .now()).nanoseconds) } }
}

/// What a call's ``ServerContext`` reads. A class to subclass: the server's ``ServerCall`` is
/// one, so a call's facts and its handle are one allocation.
///
/// `@unchecked Sendable` because a class open to subclassing cannot be checked; every stored
/// property is a `final let` of a `Sendable` type, and so are the subclass's but the two its
/// connection's handler keeps there and touches only on its event loop (``ServerCall``).
class CallFacts: @unchecked Sendable {
    final let caller: ConnectionPeer
    final let method: String
    final let deadline: NIODeadline?
    /// The metadata as sent; nil when it was the request id alone (the usual call:
    /// Protocol/Sources/Frames/UsualCallHeaders.swift), whose list is made only if asked for.
    final let sentMetadata: [MetadataEntry]?
    final let requestIDValue: RequestIDValue

    init(caller: ConnectionPeer, method: String, deadline: NIODeadline?, sentMetadata: [MetadataEntry]?, requestID: RequestIDValue) {
        self.caller = caller
        self.method = method
        self.deadline = deadline
        self.sentMetadata = sentMetadata
        self.requestIDValue = requestID
    }

    convenience init(caller: ConnectionPeer, method: String, deadline: NIODeadline?, metadata: [MetadataEntry], requestID: String) {
        self.init(caller: caller, method: method, deadline: deadline, sentMetadata: metadata, requestID: .text(requestID))
    }

    final var requestID: String { requestIDValue.text }

    final var metadata: [MetadataEntry] { sentMetadata ?? [MetadataEntry(MetadataKey.requestID, requestID)] }

    /// The first value of a metadata key, without making the usual call's list.
    final func metadataValue(_ key: String) -> String? {
        guard let sentMetadata else { return key == MetadataKey.requestID ? requestID : nil }
        return sentMetadata.first { $0.key == key }?.value
    }
}
